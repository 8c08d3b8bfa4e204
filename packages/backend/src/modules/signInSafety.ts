import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { DEMO_DEVELOPER_PROVIDER_ID } from './demoDeveloperProvider';

/**
 * Sign-in providers that sign anyone in without credentials: the local
 * demo's, allowed only when `NODE_ENV` is `development`.
 */
export const DEVELOPMENT_ONLY_PROVIDERS: readonly string[] = [
  'guest',
  DEMO_DEVELOPER_PROVIDER_ID,
];

/**
 * Refuses a sign-in setup that lets anyone in outside development: a
 * development-only provider (guest, the demo developer) configured, or no
 * real sign-in provider configured for `auth.environment`. The message
 * names the config key. In development anything goes (the demo).
 */
export function checkSignInConfig(config: Config, nodeEnv?: string): void {
  if (nodeEnv === 'development') {
    return;
  }
  const where = `NODE_ENV is ${nodeEnv ? `'${nodeEnv}'` : 'unset'}`;
  const providers = config.getOptionalConfig('auth.providers');
  for (const id of DEVELOPMENT_ONLY_PROVIDERS) {
    if (providers?.has(id)) {
      throw new Error(
        `Invalid config at auth.providers.${id}: the ${id} sign-in lets anyone in without credentials and works only in development (${where}); remove it, or set it to null in the production config`,
      );
    }
  }
  const environment =
    config.getOptionalString('auth.environment') ?? 'development';
  const real = (providers?.keys() ?? []).filter(
    id => !DEVELOPMENT_ONLY_PROVIDERS.includes(id),
  );
  if (real.length === 0) {
    throw new Error(
      `Invalid config at auth.providers: no sign-in provider is configured (${where}); configure one, e.g. auth.providers.okta.${environment} (see app-config.production.yaml)`,
    );
  }
  const configured = real.filter(id =>
    providers!.getOptionalConfig(id)?.has(environment),
  );
  if (configured.length === 0) {
    throw new Error(
      `Invalid config at auth.providers.${real[0]}.${environment}: the sign-in provider has no settings for auth.environment '${environment}'`,
    );
  }
}

/**
 * Runs {@link checkSignInConfig} when the auth plugin starts, so that a
 * backend configured to let anyone in outside development does not start.
 */
export const authModuleSignInSafety = createBackendModule({
  pluginId: 'auth',
  moduleId: 'sign-in-safety',
  register(reg) {
    reg.registerInit({
      deps: { config: coreServices.rootConfig },
      async init({ config }) {
        checkSignInConfig(config, process.env.NODE_ENV);
      },
    });
  },
});
