import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  authProvidersExtensionPoint,
  createProxyAuthenticator,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';

/** The auth provider id: `/api/auth/demo-developer/refresh`. */
export const DEMO_DEVELOPER_PROVIDER_ID = 'demo-developer';

/** Whom the demo developer signs in as unless configured otherwise. */
export const DEFAULT_DEMO_DEVELOPER = 'user:default/priya.patel';

const isDevelopment = () => process.env.NODE_ENV === 'development';

/**
 * Signs anyone in, without credentials, like the guest provider: for the
 * local demo only. Outside development it refuses every sign-in, and the
 * sign-in safety check stops the backend before that
 * (`auth.providers.demo-developer` outside development).
 */
const demoDeveloperAuthenticator = createProxyAuthenticator({
  defaultProfileTransform: async () => ({ profile: {} }),
  initialize: () => undefined,
  async authenticate() {
    if (!isDevelopment()) {
      throw new NotAllowedError(
        `The ${DEMO_DEVELOPER_PROVIDER_ID} sign-in works only in development (NODE_ENV=development)`,
      );
    }
    return { result: {} };
  },
});

/**
 * The demo's second identity, beside the guest (an admin): a person who is
 * not an admin, by default the payments developer Priya Patel. The
 * catalog user's memberships decide what the permission policy grants.
 *
 * ```yaml
 * auth:
 *   providers:
 *     demo-developer:
 *       userEntityRef: user:default/priya.patel
 * ```
 */
export const authModuleDemoDeveloperProvider = createBackendModule({
  pluginId: 'auth',
  moduleId: 'demo-developer-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ providers, config }) {
        const userEntityRef =
          config.getOptionalString(
            `auth.providers.${DEMO_DEVELOPER_PROVIDER_ID}.userEntityRef`,
          ) ?? DEFAULT_DEMO_DEVELOPER;
        providers.registerProvider({
          providerId: DEMO_DEVELOPER_PROVIDER_ID,
          factory: createProxyAuthProviderFactory({
            authenticator: demoDeveloperAuthenticator,
            signInResolver: async (_info, ctx) => {
              if (!isDevelopment()) {
                throw new NotAllowedError(
                  `The ${DEMO_DEVELOPER_PROVIDER_ID} sign-in works only in development (NODE_ENV=development)`,
                );
              }
              return ctx.signInWithCatalogUser({ entityRef: userEntityRef });
            },
          }),
        });
      },
    });
  },
});
