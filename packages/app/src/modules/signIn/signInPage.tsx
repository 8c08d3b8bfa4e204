import { SignInPage, SignInProviderConfig } from '@backstage/core-components';
import {
  ApiBlueprint,
  createApiRef,
  discoveryApiRef,
  oktaAuthApiRef,
} from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import { z } from 'zod';
import { ProxiedSessionAuthApi } from './ProxiedSessionAuthApi';

/**
 * The demo's second, development-only identity: the auth backend's
 * `demo-developer` provider signs in as a non-admin (a payments developer,
 * packages/backend/src/modules/demoDeveloperProvider.ts).
 */
export const demoDeveloperAuthApiRef = createApiRef<ProxiedSessionAuthApi>({
  id: 'app.auth.demo-developer',
});

export const demoDeveloperAuthApi = ApiBlueprint.make({
  name: 'demo-developer-auth',
  params: defineParams =>
    defineParams({
      api: demoDeveloperAuthApiRef,
      deps: { discoveryApi: discoveryApiRef },
      factory: ({ discoveryApi }) =>
        new ProxiedSessionAuthApi({ provider: 'demo-developer', discoveryApi }),
    }),
});

/** The sign-in options the page can offer, by config name. */
const PROVIDERS = {
  guest: 'guest',
  'demo-developer': {
    id: 'demo-developer',
    title: 'Demo developer',
    message:
      'Development only: sign in as Priya Patel, a payments developer without the admin permissions',
    apiRef: demoDeveloperAuthApiRef,
  },
  okta: {
    id: 'okta-auth-provider',
    title: 'Okta',
    message: 'Sign in with your Okta account',
    apiRef: oktaAuthApiRef,
  },
} satisfies Record<string, 'guest' | SignInProviderConfig>;

type ProviderName = keyof typeof PROVIDERS;

/**
 * The sign-in page, offering the providers listed in its config (`app.
 * extensions: - sign-in-page:app: config: providers: [...]`): the demo
 * (app-config.yaml) offers guest and the demo developer, both of which the
 * backend serves in development only; app-config.production.yaml offers Okta.
 */
export const signInPage = SignInPageBlueprint.makeWithOverrides({
  configSchema: {
    providers: z
      .array(
        z.enum(Object.keys(PROVIDERS) as [ProviderName, ...ProviderName[]]),
      )
      .min(1)
      .default(['guest']),
  },
  factory(originalFactory, { config }) {
    const providers = config.providers.map(name => PROVIDERS[name]);
    return originalFactory({
      loader: async () => props =>
        <SignInPage {...props} providers={providers} />,
    });
  },
});
