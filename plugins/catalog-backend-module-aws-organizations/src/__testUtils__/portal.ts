import path from 'node:path';
import type { RunningEmulator } from '@aws-governance/aws-emulator';
// The end-to-end tests and the benchmark run the real backend plugin next to
// the catalog; the module itself only talks to it over HTTP.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import awsOrganizationsPlugin from '@aws-governance/plugin-aws-organizations-backend';
import { BackendFeature } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import { JsonObject } from '@backstage/types';
import { catalogModuleAwsOrganizations } from '../module';

/**
 * `fetch`, with a GET or HEAD sent again (up to 3 times) when it fails below
 * HTTP ("fetch failed"): on a busy machine a kept-alive socket can be closed
 * by the server just as the next request goes out on it. Other methods are
 * sent once.
 */
export async function fetchRetrying(
  url: string,
  init?: RequestInit,
): Promise<Response> {
  const method = (init?.method ?? 'GET').toUpperCase();
  const idempotent = method === 'GET' || method === 'HEAD';
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, init);
    } catch (e) {
      if (
        !idempotent ||
        attempt >= 3 ||
        (e as Error).message !== 'fetch failed'
      ) {
        throw e;
      }
    }
  }
}

/** The demo catalog (teams, people, systems, services) in examples/. */
export const EXAMPLES_DIR = path.resolve(__dirname, '../../../../examples');

/** The provider's refresh task, as the scheduler knows it. */
export const PROVIDER_TASK_ID = 'AwsOrganizationsEntityProvider:refresh';

/**
 * Config of a portal reading the emulator: the AWS Organizations backend
 * (its schedule far away, syncs are triggered by hand), the catalog with the
 * example entities as file locations, and one local events bus.
 */
export function portalConfig(
  emu: Pick<RunningEmulator, 'url'>,
  extra: JsonObject = {},
): JsonObject {
  return {
    events: { useEventBus: 'never' },
    aws: { mainAccount: { accessKeyId: 'test', secretAccessKey: 'test' } },
    awsOrganizations: {
      region: 'us-east-1',
      endpoints: {
        organizations: emu.url,
        ssoAdmin: emu.url,
        identityStore: emu.url,
      },
      schedule: {
        frequency: { hours: 24 },
        timeout: { minutes: 30 },
        initialDelay: { hours: 24 },
      },
    },
    catalog: {
      rules: [
        {
          allow: [
            'Component',
            'System',
            'API',
            'Resource',
            'Location',
            'Domain',
            'Group',
            'User',
          ],
        },
      ],
      locations: ['entities.yaml', 'org.yaml'].map(file => ({
        type: 'file',
        target: path.join(EXAMPLES_DIR, file),
      })),
    },
    ...extra,
  };
}

/**
 * Starts a backend with the real catalog, this module and the real AWS
 * Organizations backend plugin.
 */
export async function startPortal(options: {
  config: JsonObject;
  features?: BackendFeature[];
}) {
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleAwsOrganizations,
      awsOrganizationsPlugin,
      eventsServiceFactory,
      mockServices.rootConfig.factory({ data: options.config }),
      ...(options.features ?? []),
    ],
  });
  const base = `http://localhost:${backend.server.port()}/api`;
  return { backend, base, ...portalClient(base) };
}

/** Calls the portal's catalog and AWS Organizations APIs over HTTP. */
export function portalClient(base: string) {
  const headers = { Authorization: mockCredentials.user.header() };
  const json = async (res: Response) => {
    if (!res.ok) {
      throw new Error(`${res.url} answered ${res.status}: ${await res.text()}`);
    }
    return res.json();
  };

  /** The entity of a full ref, or undefined while the catalog lacks it. */
  const getEntity = async (ref: string): Promise<Entity | undefined> => {
    const [kind, rest] = ref.split(':');
    const [namespace, name] = rest.split('/');
    const res = await fetchRetrying(
      `${base}/catalog/entities/by-name/${kind}/${namespace}/${name}`,
      { headers },
    );
    return res.status === 404 ? undefined : json(res);
  };

  /** How many entities match a catalog filter, e.g. `spec.type=cloud-account`. */
  const countEntities = async (filter: string): Promise<number> => {
    const res = await fetchRetrying(
      `${base}/catalog/entities/by-query?limit=1&filter=${encodeURIComponent(
        filter,
      )}`,
      { headers },
    );
    return (await json(res)).totalItems;
  };

  /**
   * The ref of the first entity matching a catalog filter, if any, in the
   * catalog's order or by `orderField` (e.g. `metadata.name,desc`).
   */
  const findRef = async (
    filter: string,
    orderField?: string,
  ): Promise<string | undefined> => {
    const order = orderField
      ? `&orderField=${encodeURIComponent(orderField)}`
      : '';
    const res = await fetchRetrying(
      `${base}/catalog/entities/by-query?limit=1${order}&filter=${encodeURIComponent(
        filter,
      )}`,
      { headers },
    );
    const entity: Entity | undefined = (await json(res)).items[0];
    return entity
      ? `${entity.kind.toLocaleLowerCase('en-US')}:${
          entity.metadata.namespace ?? 'default'
        }/${entity.metadata.name}`
      : undefined;
  };

  /** POST /sync and wait until that run has finished; its status. */
  const syncNow = async (timeoutMs = 600_000) => {
    const before = await json(
      await fetchRetrying(`${base}/aws-organizations/sync/status`, { headers }),
    );
    const res = await fetchRetrying(`${base}/aws-organizations/sync`, {
      method: 'POST',
      headers,
    });
    await json(res);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const status = await json(
        await fetchRetrying(`${base}/aws-organizations/sync/status`, {
          headers,
        }),
      );
      const attempt = status.lastAttempt;
      if (
        attempt &&
        attempt.id !== before.lastAttempt?.id &&
        attempt.status !== 'running'
      ) {
        return status;
      }
      if (Date.now() > deadline) {
        throw new Error(`Sync did not finish: ${JSON.stringify(status)}`);
      }
      await new Promise(r => setTimeout(r, 50));
    }
  };

  /** The ETag of the snapshot the backend serves the catalog module. */
  const snapshotEtag = async (): Promise<string | null> => {
    const res = await fetchRetrying(`${base}/aws-organizations/snapshot`, {
      method: 'HEAD',
      headers,
    });
    return res.headers.get('etag');
  };

  return { getEntity, countEntities, findRef, syncNow, snapshotEtag };
}

/** The relations of an entity as sorted `type targetRef` lines. */
export function relationLines(entity: Entity | undefined): string[] {
  return (entity?.relations ?? []).map(r => `${r.type} ${r.targetRef}`).sort();
}

/**
 * Waits until `read` returns a value: the catalog processes committed
 * entities in the background and has no completion signal to await. No
 * deadline of its own (a busy machine only makes it wait longer): the test's
 * timeout bounds it. `what` says what is awaited, for the reader.
 */
export async function waitFor<T>(
  _what: string,
  read: () => Promise<T | undefined>,
): Promise<T> {
  for (;;) {
    const value = await read();
    if (value !== undefined) {
      return value;
    }
    await new Promise(r => setTimeout(r, 200));
  }
}
