import {
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import permissionBackend from '@backstage/plugin-permission-backend';
import {
  mockCredentials,
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  AWS_ACCOUNT_RESOURCE_TYPE,
  awsOrganizationsReviewAdminPermission,
  OrganizationSnapshot,
  SnapshotResolution,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  awsAccountConditions,
  createAwsAccountConditionalDecision,
} from '@aws-governance/plugin-aws-organizations-node';
import {
  AuthorizeResult,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import { Server } from 'node:http';
import request from 'supertest';
import { AwsOrganizationsStore } from '../store/AwsOrganizationsStore';
import { encodeSnapshotBody } from '../store/SnapshotStore';
import { pluginConfig, startPlugin } from './backend';
import { governanceResolution, governanceSnapshot } from './governance';

/** Who is who in the review tests: teams as the sign-in resolver gives them. */
export const TEAMS: Record<string, string[]> = {
  'user:default/guest': ['group:default/platform'],
  'user:default/priya.patel': ['group:default/payments'],
  'user:default/sam': ['group:default/security'],
};
export const ADMIN_GROUP = 'group:default/platform';

export const asUser = (name: string) =>
  mockCredentials.user.header(`user:default/${name}`);

/**
 * The mock auth service, except that a plugin's token on behalf of a user
 * names the plugin as actor, as the real auth service's on-behalf-of tokens
 * do: the permission backend refuses conditional decisions to users calling
 * it directly, and the mock's on-behalf-of tokens lose the actor.
 */
export const actorPreservingAuth = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory: ({ plugin }) => {
    const mock = mockServices.auth({ pluginId: plugin.getId() });
    return Object.assign(Object.create(mock), {
      getPluginRequestToken: async (options: any) => {
        const principal = options.onBehalfOf.principal;
        if (principal.type === 'user') {
          return {
            token: mockCredentials.user.token(principal.userEntityRef, {
              actor: { subject: `plugin:${plugin.getId()}` },
            }),
          };
        }
        return mock.getPluginRequestToken(options);
      },
    });
  },
});

/** userInfo with the teams of {@link TEAMS}. */
export const teamsUserInfo = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials: any) {
      const ref = credentials.principal.userEntityRef as string;
      return {
        userEntityRef: ref,
        ownershipEntityRefs: [ref, ...(TEAMS[ref] ?? [])],
      };
    },
  }),
});

/**
 * The demo's policy for reviews: the admin group may do everything;
 * others may decide the items of accounts their team owns or was handed
 * (a conditional decision), and may not administer reviews.
 */
export const reviewPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'reviews-test-policy',
  register(env) {
    env.registerInit({
      deps: { policy: policyExtensionPoint, userInfo: coreServices.userInfo },
      async init({ policy, userInfo }) {
        policy.setPolicy({
          async handle(req, user) {
            if (!user) return { result: AuthorizeResult.DENY };
            const { ownershipEntityRefs: claims } = await userInfo.getUserInfo(
              user.credentials,
            );
            if (claims.includes(ADMIN_GROUP)) {
              return { result: AuthorizeResult.ALLOW };
            }
            if (
              req.permission.name === awsOrganizationsReviewAdminPermission.name
            ) {
              return { result: AuthorizeResult.DENY };
            }
            if (
              isResourcePermission(req.permission, AWS_ACCOUNT_RESOURCE_TYPE)
            ) {
              return createAwsAccountConditionalDecision(req.permission, {
                anyOf: [
                  awsAccountConditions.isAccountOwner({ claims }),
                  awsAccountConditions.isAccountReviewer({ claims }),
                ],
              });
            }
            return { result: AuthorizeResult.ALLOW };
          },
        });
      },
    });
  },
});

/** A notification service that records what it is asked to send. */
export function recordingNotifications(options: { fail?: () => boolean } = {}) {
  const sent: NotificationSendOptions[] = [];
  const factory = createServiceFactory({
    service: notificationService,
    deps: {},
    factory: () => ({
      async send(notification: NotificationSendOptions) {
        if (options.fail?.()) throw new Error('notifications backend down');
        sent.push(notification);
      },
    }),
  });
  return { sent, factory };
}

/** Stores a snapshot as the current one, as a sync would. */
export async function storeSnapshot(
  store: AwsOrganizationsStore,
  snapshot: OrganizationSnapshot,
  resolution: SnapshotResolution,
) {
  const runId = await store.runs.start('manual', new Date());
  const encoded = await encodeSnapshotBody(
    JSON.stringify({ snapshot, resolution }),
  );
  await store.db.transaction(async trx => {
    await store.snapshots.replace(trx, {
      runId,
      encoded,
      readAt: new Date(snapshot.readAt),
      storedAt: new Date(),
      unmappedPrincipals: [],
    });
  });
  await store.runs.finish(
    runId,
    { status: 'succeeded', errors: [], warnings: [] },
    new Date(),
  );
  return encoded.etag;
}

/**
 * The plugin with the real permission framework (permission backend, the
 * policy above, the account rules registered by the plugin), the teams'
 * user info and recorded notifications, on `databaseId`, holding the
 * governance snapshot (payments-dev 222222222222 owned by payments,
 * sandbox-a 444444444444 and Sandbox-B by platform, payments-prod
 * 333333333333 unowned).
 */
export async function startReviewsApi(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
  options: { knex?: Knex; config?: JsonObject; stored?: boolean } = {},
) {
  const knex = options.knex ?? (await databases.init(databaseId));
  const notifications = recordingNotifications();
  const backend = await startPlugin({
    knex,
    config: {
      ...pluginConfig(),
      permission: { enabled: true },
      ...options.config,
    },
    features: [
      permissionsServiceFactory,
      actorPreservingAuth,
      permissionBackend,
      reviewPolicyModule,
      teamsUserInfo,
      notifications.factory,
      ...(process.env.REVIEWS_TEST_LOG
        ? [mockServices.rootLogger.factory({ level: 'error' })]
        : []),
    ],
  });
  const store = new AwsOrganizationsStore(knex);
  if (options.stored !== false) {
    await storeSnapshot(store, governanceSnapshot(), governanceResolution());
  }
  return {
    api: request(backend.server),
    server: backend.server as Server,
    stop: (): Promise<void> => backend.stop(),
    store,
    knex,
    sent: notifications.sent,
  };
}
