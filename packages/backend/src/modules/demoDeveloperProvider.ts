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
 *       # used until the catalog has the user (right after startup)
 *       ownershipEntityRefs: [user:default/priya.patel, group:default/payments]
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
        const settings = `auth.providers.${DEMO_DEVELOPER_PROVIDER_ID}`;
        const userEntityRef =
          config.getOptionalString(`${settings}.userEntityRef`) ??
          DEFAULT_DEMO_DEVELOPER;
        const ownershipEntityRefs = config.getOptionalStringArray(
          `${settings}.ownershipEntityRefs`,
        ) ?? [userEntityRef];
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
              try {
                return await ctx.signInWithCatalogUser({
                  entityRef: userEntityRef,
                });
              } catch (error) {
                // The catalog is still loading the demo's people right after
                // startup: sign in with the configured memberships, as the
                // guest provider does.
                if ((error as Error).name !== 'NotFoundError') throw error;
                return ctx.issueToken({
                  claims: { sub: userEntityRef, ent: ownershipEntityRefs },
                });
              }
            },
          }),
        });
      },
    });
  },
});
