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

/** Waits until the latest run is finished and returns the sync status. */
export async function waitForIdle(server: any, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await request(server)
      .get(`${BASE}/sync/status`)
      .set('Authorization', USER);
    if (res.body.lastAttempt && res.body.lastAttempt.status !== 'running') {
      return res.body;
    }
    if (Date.now() > deadline) {
      throw new Error(`Sync did not finish: ${JSON.stringify(res.body)}`);
    }
    await new Promise(r => setTimeout(r, 50));
  }
}

/** POST /sync, expect 202, and wait for the run to finish. */
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
  const deadline = Date.now() + 20_000;
  for (;;) {
    const status = await waitForIdle(server);
    if (status.lastAttempt.id !== before.body.lastAttempt?.id) {
      return status;
    }
    if (Date.now() > deadline) throw new Error('No new run');
    await new Promise(r => setTimeout(r, 50));
  }
}
