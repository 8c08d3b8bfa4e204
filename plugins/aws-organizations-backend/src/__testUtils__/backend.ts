import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  BackendFeature,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import request from 'supertest';
import type { RunningEmulator } from '@aws-governance/aws-emulator';
import { awsOrganizationsPlugin } from '../plugin';

export const BASE = '/api/aws-organizations';
export const USER = mockCredentials.user.header();
export const NONE = mockCredentials.none.header();
export const SERVICE = mockCredentials.service.header();

/**
 * Permissions as the real client decides them for a policy that denies
 * people: service principals are allowed, users denied.
 */
export function denyUsersPermissions() {
  const decide = (credentials: BackstageCredentials) =>
    credentials.principal &&
    (credentials.principal as { type?: string }).type === 'service'
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY;
  return mockServices.permissions.mock({
    authorize: async (requests, { credentials }) =>
      requests.map(() => ({ result: decide(credentials) })) as any,
    authorizeConditional: async (requests, { credentials }) =>
      requests.map(() => ({ result: decide(credentials) })) as any,
  }).factory;
}

/** Config pointing the reader at an emulator (or at nothing). */
export function pluginConfig(
  emu?: RunningEmulator,
  extra: JsonObject = {},
): JsonObject {
  const url = emu?.url ?? 'http://127.0.0.1:9';
  return {
    aws: { mainAccount: { accessKeyId: 'test', secretAccessKey: 'test' } },
    awsOrganizations: {
      region: 'us-east-1',
      endpoints: { organizations: url, ssoAdmin: url, identityStore: url },
      ...extra,
    },
  };
}

/** Catalog Groups and Users of the demo (examples/org.yaml subset). */
export function catalogEntities(refs: string[]): Entity[] {
  return refs.map(ref => {
    const [kind, rest] = ref.split(':');
    const [namespace, name] = rest.split('/');
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: kind === 'group' ? 'Group' : 'User',
      metadata: { name, namespace },
      spec: kind === 'group' ? { type: 'team', children: [] } : { profile: {} },
    };
  });
}

/** Starts the plugin in a test backend. */
export async function startPlugin(options: {
  knex?: Knex;
  config?: JsonObject;
  entities?: Entity[];
  features?: BackendFeature[];
}) {
  const backend = await startTestBackend({
    features: [
      awsOrganizationsPlugin,
      mockServices.rootConfig.factory({
        data: options.config ?? pluginConfig(),
      }),
      catalogServiceMock.factory({ entities: options.entities ?? [] }),
      ...(options.knex
        ? [mockServices.database.factory({ knex: options.knex })]
        : []),
      ...(options.features ?? []),
    ],
  });
  return backend;
}

/**
 * Waits until the latest run is finished and returns the sync status. No
 * deadline of its own: a sync on a busy machine only takes longer, and the
 * test's timeout bounds the wait.
 */
export async function waitForIdle(server: any) {
  for (;;) {
    const res = await request(server)
      .get(`${BASE}/sync/status`)
      .set('Authorization', USER);
    if (res.body.lastAttempt && res.body.lastAttempt.status !== 'running') {
      return res.body;
    }
    await new Promise(r => setTimeout(r, 50));
  }
}

/** POST /sync, expect 202, and wait for that run to finish. */
export async function syncNow(server: any) {
  const before = await request(server)
    .get(`${BASE}/sync/status`)
    .set('Authorization', USER);
  const res = await request(server)
    .post(`${BASE}/sync`)
    .set('Authorization', USER);
  if (res.status !== 202) {
    throw new Error(
      `POST /sync answered ${res.status}: ${JSON.stringify(res.body)}`,
    );
  }
  return waitForNewRun(server, before.body.lastAttempt?.id);
}

/** Waits until a run other than `previousRunId` has finished; its status. */
export async function waitForNewRun(server: any, previousRunId?: string) {
  for (;;) {
    const status = await waitForIdle(server);
    if (status.lastAttempt.id !== previousRunId) {
      return status;
    }
    await new Promise(r => setTimeout(r, 50));
  }
}
