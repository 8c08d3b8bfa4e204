import { AWS_ORGANIZATIONS_SNAPSHOT_TOPIC } from '@aws-governance/plugin-aws-organizations-common';
import {
  LoggerService,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { createEnvelope, createSnapshot } from '../__fixtures__/envelope';
import { startSnapshotServer } from '../__testUtils__/snapshotServer';
import { readAwsOrganizationsCatalogConfig } from '@aws-governance/plugin-aws-organizations-node';
import { ConfigReader } from '@backstage/config';
import { AwsOrganizationsEntityProvider } from './AwsOrganizationsEntityProvider';

type Server = Awaited<ReturnType<typeof startSnapshotServer>>;

function captureLogger() {
  const lines: string[] = [];
  const logger: LoggerService = {
    debug: m => void lines.push(`debug ${m}`),
    info: m => void lines.push(`info ${m}`),
    warn: m => void lines.push(`warn ${m}`),
    error: m => void lines.push(`error ${m}`),
    child: () => logger,
  };
  return { logger, lines };
}

describe('AwsOrganizationsEntityProvider', () => {
  let server: Server;

  beforeEach(async () => {
    server = await startSnapshotServer();
  });
  afterEach(async () => {
    await server.close();
  });

  async function setup(
    options: {
      baseUrl?: string;
      catalog?: object;
      retryDelaysMs?: number[];
    } = {},
  ) {
    const { logger, lines } = captureLogger();
    const tasks: SchedulerServiceTaskInvocationDefinition[] = [];
    const events = mockServices.events();
    const auth = mockServices.auth.mock({
      getOwnServiceCredentials: jest.fn(async () => ({
        $$type: '@backstage/BackstageCredentials' as const,
        principal: { type: 'service' as const, subject: 'plugin:catalog' },
      })),
      getPluginRequestToken: jest.fn(async () => ({ token: 'catalog-token' })),
    });
    const provider = new AwsOrganizationsEntityProvider({
      config: readAwsOrganizationsCatalogConfig(
        new ConfigReader({
          awsOrganizations: { catalog: options.catalog ?? {} },
        }),
      ),
      logger,
      auth,
      discovery: mockServices.discovery.mock({
        getBaseUrl: async () => options.baseUrl ?? server.baseUrl,
      }),
      events,
      taskRunner: { run: async task => void tasks.push(task) },
      retryDelaysMs: options.retryDelaysMs ?? [],
    });
    const connection = {
      applyMutation: jest.fn(async () => undefined),
      refresh: jest.fn(),
    } satisfies EntityProviderConnection;
    await provider.connect(connection);
    expect(tasks.map(t => t.id)).toEqual([
      'AwsOrganizationsEntityProvider:refresh',
    ]);
    const runTask = () => tasks[0].fn(new AbortController().signal);
    return { provider, connection, runTask, lines, events, auth };
  }

  it('commits the snapshot as a full mutation, with the service token', async () => {
    server.respond(() => ({
      status: 200,
      body: createEnvelope(),
      headers: { etag: '"etag-1"' },
    }));
    const { connection, runTask, lines, auth } = await setup();
    await runTask();

    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].path).toBe('/api/aws-organizations/snapshot');
    expect(server.requests[0].headers.authorization).toBe(
      'Bearer catalog-token',
    );
    expect(server.requests[0].headers['if-none-match']).toBeUndefined();
    expect(auth.getPluginRequestToken).toHaveBeenCalledWith({
      onBehalfOf: expect.objectContaining({
        principal: { type: 'service', subject: 'plugin:catalog' },
      }),
      targetPluginId: 'aws-organizations',
    });

    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
    const mutation = (connection.applyMutation.mock.calls[0] as any[])[0];
    expect(mutation.type).toBe('full');
    expect(mutation.entities.map((e: any) => e.entity.metadata.name)).toEqual([
      'aws-root-ab12',
      'aws-ou-ab12-11111111',
      'aws-ou-ab12-22222222',
      'aws-account-111111111111',
      'aws-account-222222222222',
      'aws-account-333333333333',
      'aws-scp-fullawsaccess',
      'aws-scp-abcd1234',
      'aws-scp-broken00',
      'aws-permission-set-aaaaaaaaaaaaaaaa',
      'aws-permission-set-bbbbbbbbbbbbbbbb',
    ]);
    expect(lines).toEqual([
      expect.stringMatching(
        /^info Committed 11 entities \(1 aws-organization-root, 2 aws-organizational-unit, 3 cloud-account, 3 aws-service-control-policy, 2 aws-permission-set\) of organization o-abc123def4 from the snapshot read at 2026-11-27T12:00:00.000Z \(etag "etag-1"\) in \d+ ms \[schedule\]$/,
      ),
    ]);
  });

  it('emits RCPs as entities that apply to their targets', async () => {
    const snapshot = createSnapshot();
    snapshot.resourceControlPolicies = [
      {
        ...snapshot.policies[1],
        id: 'p-perim001',
        name: 'DataPerimeter',
        tags: { owner: 'security' },
      },
    ];
    const { provider } = await setup();
    const entities = await provider.read(createEnvelope(snapshot));
    const rcp = entities.find(
      e => e.entity.metadata.name === 'aws-rcp-perim001',
    )!.entity;
    expect(rcp.spec).toMatchObject({
      type: 'aws-resource-control-policy',
      awsManaged: false,
      targets: [
        'resource:default/aws-ou-ab12-11111111',
        'resource:default/aws-account-222222222222',
      ],
      awsTags: { owner: 'security' },
    });
    expect(rcp.metadata.annotations!['amazonaws.com/policy-id']).toBe(
      'p-perim001',
    );
    // The SCP's plain-language summary is an SCP's: an RCP entity has none.
    expect(rcp.spec).not.toHaveProperty('summary');
  });

  it('commits a delta that removes nothing when the RCPs are unknown', async () => {
    const snapshot = createSnapshot();
    snapshot.resourceControlPolicies = {
      unknown: true,
      reason: 'ListPolicies failed: AccessDeniedException',
    };
    server.respond(() => ({ status: 200, body: createEnvelope(snapshot) }));
    const { provider, connection, lines } = await setup();
    const result = await provider.refresh();
    expect(result).toMatchObject({
      status: 'applied',
      entities: 11,
      kept: expect.stringContaining('resource control policies are unknown'),
    });
    const mutation = (connection.applyMutation.mock.calls[0] as any[])[0];
    expect(mutation.type).toBe('delta');
    expect(mutation.removed).toEqual([]);
    expect(mutation.added).toHaveLength(11);
    expect(lines[0]).toMatch(/^warn Committing as a delta, nothing removed/);
  });

  it('sends the last etag and commits nothing on 304', async () => {
    server.respond(headers =>
      headers['if-none-match'] === '"etag-1"'
        ? { status: 304 }
        : {
            status: 200,
            body: createEnvelope(),
            headers: { etag: '"etag-1"' },
          },
    );
    const { provider, connection, runTask } = await setup();
    await runTask();
    await expect(provider.refresh()).resolves.toEqual({ status: 'unchanged' });
    expect(server.requests.map(r => r.headers['if-none-match'])).toEqual([
      undefined,
      '"etag-1"',
    ]);
    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
  });

  it('falls back to the envelope etag when the response has no ETag header', async () => {
    server.respond(() => ({ status: 200, body: createEnvelope() }));
    const { provider } = await setup();
    await expect(provider.refresh()).resolves.toMatchObject({
      status: 'applied',
      etag: '"etag-1"',
    });
    await provider.refresh();
    expect(server.requests[1].headers['if-none-match']).toBe('"etag-1"');
  });

  it('commits nothing before the first sync (404) and says so', async () => {
    const { provider, connection, lines } = await setup();
    await expect(provider.refresh()).resolves.toMatchObject({
      status: 'unavailable',
      reason: expect.stringMatching(/answered 404: no snapshot yet/),
    });
    expect(connection.applyMutation).not.toHaveBeenCalled();
    expect(lines).toEqual([
      expect.stringMatching(
        /^info No AWS organization snapshot to commit, the catalog keeps the entities it has: .* answered 404/,
      ),
    ]);
  });

  it('commits nothing when the backend fails (5xx) and warns', async () => {
    server.respond(() => ({ status: 503, body: { error: 'sync store down' } }));
    const { provider, connection, lines } = await setup();
    await expect(provider.refresh()).resolves.toMatchObject({
      status: 'unavailable',
      reason: expect.stringMatching(
        /answered 503 Service Unavailable: .*sync store down/,
      ),
    });
    expect(connection.applyMutation).not.toHaveBeenCalled();
    expect(lines[0]).toMatch(/^warn No AWS organization snapshot to commit/);
  });

  it('commits nothing when the backend cannot be reached', async () => {
    const { baseUrl } = server;
    await server.close();
    server = await startSnapshotServer();
    const { provider, connection, lines } = await setup({ baseUrl });
    await expect(provider.refresh()).resolves.toMatchObject({
      status: 'unavailable',
      reason: expect.stringMatching(
        /could not be reached: fetch failed \(.*ECONNREFUSED.*\)/,
      ),
    });
    expect(connection.applyMutation).not.toHaveBeenCalled();
    expect(lines[0]).toMatch(/^warn /);
  });

  it('tries again after a reset connection or a 503 and commits what the retry gets', async () => {
    let calls = 0;
    server.respond(() => {
      calls++;
      if (calls === 1) return { status: 0, reset: true };
      if (calls === 2) return { status: 503, body: { error: 'busy' } };
      return {
        status: 200,
        body: createEnvelope(createSnapshot()),
        headers: { etag: '"etag-1"' },
      };
    });
    const { provider, connection } = await setup({ retryDelaysMs: [0, 0] });
    await expect(provider.refresh('event')).resolves.toMatchObject({
      status: 'applied',
      etag: '"etag-1"',
    });
    expect(calls).toBe(3);
    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
  });

  it('stops retrying after the configured attempts and commits nothing', async () => {
    server.respond(() => ({ status: 503, body: { error: 'busy' } }));
    const { provider, connection } = await setup({ retryDelaysMs: [0, 0] });
    await expect(provider.refresh()).resolves.toMatchObject({
      status: 'unavailable',
    });
    expect(server.requests).toHaveLength(3);
    expect(connection.applyMutation).not.toHaveBeenCalled();
  });

  it('does not retry a 404 or another 4xx', async () => {
    const { provider } = await setup({ retryDelaysMs: [0, 0] });
    await provider.refresh();
    server.respond(() => ({ status: 403, body: { error: 'denied' } }));
    await provider.refresh();
    expect(server.requests).toHaveLength(2);
  });

  it('commits nothing for an incomplete snapshot and logs the reasons', async () => {
    const snapshot = createSnapshot();
    snapshot.complete = false;
    snapshot.incompleteReasons = ['Identity Center unavailable: AccessDenied'];
    server.respond(() => ({ status: 200, body: createEnvelope(snapshot) }));
    const { provider, connection, lines } = await setup();
    await expect(provider.refresh()).resolves.toEqual({
      status: 'incomplete',
      reasons: ['Identity Center unavailable: AccessDenied'],
    });
    expect(connection.applyMutation).not.toHaveBeenCalled();
    expect(lines).toEqual([
      'warn The snapshot read at 2026-11-27T12:00:00.000Z is incomplete, not committing it; the catalog keeps the entities it has: Identity Center unavailable: AccessDenied [manual]',
    ]);
  });

  it('commits nothing for a body that is not an envelope', async () => {
    server.respond(() => ({
      status: 200,
      body: { ...createEnvelope(), snapshot: { schemaVersion: 2 } },
    }));
    const { provider, connection } = await setup();
    await expect(provider.refresh()).resolves.toMatchObject({
      status: 'unavailable',
      reason: expect.stringMatching(/unsupported snapshot schemaVersion 2/),
    });
    expect(connection.applyMutation).not.toHaveBeenCalled();
  });

  it('keeps the etag only once the catalog took the mutation', async () => {
    server.respond(() => ({
      status: 200,
      body: createEnvelope(),
      headers: { etag: '"etag-1"' },
    }));
    const { provider, connection, lines } = await setup();
    connection.applyMutation.mockRejectedValueOnce(new Error('db locked'));
    await expect(provider.refresh()).resolves.toMatchObject({
      status: 'failed',
      error: new Error('db locked'),
    });
    expect(lines[0]).toMatch(/^error Could not commit the snapshot/);
    await expect(provider.refresh()).resolves.toMatchObject({
      status: 'applied',
    });
    expect(server.requests[1].headers['if-none-match']).toBeUndefined();
    expect(connection.applyMutation).toHaveBeenCalledTimes(2);
  });

  it('refreshes when the backend announces a new snapshot', async () => {
    let etag = '"etag-1"';
    server.respond(headers =>
      headers['if-none-match'] === etag
        ? { status: 304 }
        : {
            status: 200,
            body: { ...createEnvelope(), etag },
            headers: { etag },
          },
    );
    const { connection, runTask, events } = await setup({
      catalog: { namespace: 'aws' },
    });
    await runTask();
    expect(connection.applyMutation).toHaveBeenCalledTimes(1);

    etag = '"etag-2"';
    await events.publish({
      topic: AWS_ORGANIZATIONS_SNAPSHOT_TOPIC,
      eventPayload: { etag },
    });
    expect(connection.applyMutation).toHaveBeenCalledTimes(2);
    const mutation = (connection.applyMutation.mock.calls[1] as any[])[0];
    expect(mutation.entities[0].entity.metadata.namespace).toBe('aws');
    expect(server.requests.map(r => r.headers['if-none-match'])).toEqual([
      undefined,
      '"etag-1"',
    ]);

    await events.publish({ topic: 'other.topic', eventPayload: {} });
    expect(server.requests).toHaveLength(2);
  });

  it('runs refreshes one at a time', async () => {
    server.respond(() => ({ status: 200, body: createEnvelope() }));
    const { provider, connection } = await setup();
    // The first commit holds until the test releases it.
    let entered!: () => void;
    const firstCommitting = new Promise<void>(r => (entered = r));
    let release!: () => void;
    const released = new Promise<void>(r => (release = r));
    connection.applyMutation.mockImplementationOnce(async () => {
      entered();
      await released;
    });
    const both = Promise.all([provider.refresh(), provider.refresh('event')]);
    await firstCommitting;
    // The second refresh waits for the first: it has not even asked the
    // backend yet.
    expect(server.requests).toHaveLength(1);
    release();
    await both;
    expect(server.requests).toHaveLength(2);
    expect(connection.applyMutation).toHaveBeenCalledTimes(2);
  });

  it('refuses to refresh before it is connected', async () => {
    const provider = new AwsOrganizationsEntityProvider({
      config: readAwsOrganizationsCatalogConfig(new ConfigReader({})),
      logger: captureLogger().logger,
      auth: mockServices.auth(),
      discovery: mockServices.discovery(),
      taskRunner: { run: async () => undefined },
    });
    await expect(provider.refresh()).rejects.toThrow(
      'AwsOrganizationsEntityProvider is not connected',
    );
  });
});
