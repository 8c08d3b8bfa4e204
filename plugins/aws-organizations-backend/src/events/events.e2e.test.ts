import {
  DEMO_IDS,
  RunningEmulator,
  startEmulator,
} from '@aws-governance/aws-emulator';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { TestDatabases } from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import type { SnapshotEnvelope } from '@aws-governance/plugin-aws-organizations-common';
import { JsonObject } from '@backstage/types';
import eventsPlugin from '@backstage/plugin-events-backend';
import awsSqsEventsModule from '@backstage/plugin-events-backend-module-aws-sqs';
import request from 'supertest';
import {
  BASE,
  catalogEntities,
  pluginConfig,
  startPlugin,
  USER,
  waitForIdle,
  waitForNewRun,
} from '../__testUtils__/backend';

/*
 * End to end: a write through the emulator's admin endpoint is recorded as
 * a CloudTrail event on its SQS queue; the real
 * @backstage/plugin-events-backend-module-aws-sqs reads it through the real
 * SDK and publishes it on the topic; the plugin claims it, re-reads what it
 * changed through the real SDK, and the API shows the change without a
 * full read. Unknown events and an unreadable queue fall back to one.
 */

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const postgres = TestDatabases.create({ ids: ['POSTGRES_15'] });

// Generous for a busy machine: the waits below wait on state, not clocks.
jest.setTimeout(240_000);

const TOPIC = 'aws-organizations-cloudtrail';
const PAYMENTS_DEV = '724108355201';
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

/** The plugin with events on, and the SQS module reading the emulator's queue. */
function eventsConfig(emu: RunningEmulator): JsonObject {
  const queue = {
    url: emu.eventsQueueUrl!,
    region: 'us-east-1',
    endpoint: emu.url,
  };
  return {
    ...pluginConfig(emu, {
      events: {
        enabled: true,
        topic: TOPIC,
        queue,
        poll: { batchWindowMs: 200, healthCheckSeconds: 1 },
        reconciliation: {
          schedule: {
            frequency: { hours: 1 },
            timeout: { minutes: 3 },
            initialDelay: { seconds: 1 },
          },
        },
      },
    }),
    events: {
      modules: {
        awsSqs: {
          awsSqsConsumingEventPublisher: {
            topics: {
              [TOPIC]: {
                queue: { ...queue, waitTime: { seconds: 1 } },
                waitTimeAfterEmptyReceive: { milliseconds: 100 },
              },
            },
          },
        },
      },
    },
  };
}

async function start(knex: any, emu: RunningEmulator) {
  return startPlugin({
    knex,
    config: eventsConfig(emu),
    entities: catalogEntities([
      'group:default/payments',
      'group:default/platform',
    ]),
    features: [schedulerServiceFactory, eventsPlugin, awsSqsEventsModule],
  });
}

/** Runs an AWS operation through the admin endpoint (records its event). */
async function call(
  emu: RunningEmulator,
  service: string,
  op: string,
  body: object,
) {
  const res = await fetch(`${emu.url}/_emulator/calls/${service}/${op}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${op}: ${await res.text()}`);
  return res.json();
}

async function status(server: any) {
  const res = await request(server)
    .get(`${BASE}/sync/status`)
    .set('Authorization', USER);
  expect(res.status).toBe(200);
  return res.body;
}

/** Waits until the served snapshot satisfies `test`. */
async function waitForSnapshot(
  server: any,
  test: (envelope: SnapshotEnvelope) => boolean,
): Promise<SnapshotEnvelope> {
  for (;;) {
    const res = await request(server)
      .get(`${BASE}/snapshot`)
      .set('Authorization', USER);
    if (res.status === 200 && test(res.body)) return res.body;
    await new Promise(r => setTimeout(r, 100));
  }
}

async function waitForStatus(server: any, test: (s: any) => boolean) {
  for (;;) {
    const s = await status(server);
    if (test(s)) return s;
    await new Promise(r => setTimeout(r, 100));
  }
}

const accountOf = (e: SnapshotEnvelope, id: string) =>
  e.snapshot.accounts.find(a => a.id === id)!;

let saved: Record<string, string | undefined>;
beforeAll(() => {
  // The SQS module takes the SDK's default credentials.
  saved = {
    AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY,
  };
  process.env.AWS_ACCESS_KEY_ID = credentials.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = credentials.secretAccessKey;
});
afterAll(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe('events through the SQS module against the emulator', () => {
  let emu: RunningEmulator;
  beforeEach(async () => {
    emu = await startEmulator({
      dataset: 'demo',
      events: { queueName: 'aws-organizations-events' },
    });
  });
  afterEach(async () => {
    await emu.close().catch(() => {});
  });

  it('runs on PostgreSQL in CI', () => {
    const required = Boolean(process.env.AWS_ORGS_REQUIRE_POSTGRES);
    expect(databases.supports('POSTGRES_15') || !required).toBe(true);
  });

  it.each(databases.eachSupportedId())(
    'applies a tag and a move without a full read, and falls back to one for an unknown event and an unreadable queue on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const backend = await start(knex, emu);
      const { server } = backend;
      try {
        const first = await waitForIdle(server);
        expect(first.lastAttempt).toMatchObject({
          status: 'succeeded',
          trigger: 'startup',
        });
        const fullRun = first.lastAttempt.id;

        // A tag: visible in the API, one targeted re-read, no full read.
        await call(emu, 'organizations', 'TagResource', {
          ResourceId: PAYMENTS_DEV,
          Tags: [{ Key: 'cost-center', Value: 'CC-4242' }],
        });
        await waitForSnapshot(server, e => {
          const tags = accountOf(e, PAYMENTS_DEV).tags as Record<
            string,
            string
          >;
          return tags['cost-center'] === 'CC-4242';
        });
        const tagged = await waitForStatus(
          server,
          s => s.events?.lastEvent?.eventName === 'TagResource',
        );
        expect(tagged.events).toMatchObject({
          topic: TOPIC,
          lastEvent: { source: 'aws.organizations', outcome: 'applied' },
          lastBatch: { events: 1, targets: 1, calls: 1, outcome: 'applied' },
          fullReconciledAt: first.lastAttempt.finishedAt,
          secondsSinceFullReconciliation: expect.any(Number),
        });
        expect(tagged.lastAttempt.id).toBe(fullRun);

        // A move: the account's path and the change log follow.
        await call(emu, 'organizations', 'MoveAccount', {
          AccountId: PAYMENTS_DEV,
          SourceParentId: DEMO_IDS.ous.Dev,
          DestinationParentId: DEMO_IDS.ous.Staging,
        });
        await waitForSnapshot(
          server,
          e => accountOf(e, PAYMENTS_DEV).parentId === DEMO_IDS.ous.Staging,
        );
        const changes = await request(server)
          .get(`${BASE}/changes?kind=account.moved`)
          .set('Authorization', USER);
        expect(changes.body.items).toEqual([
          expect.objectContaining({
            kind: 'account.moved',
            accountId: PAYMENTS_DEV,
          }),
        ]);
        expect((await status(server)).lastAttempt.id).toBe(fullRun);

        // An event no targeted re-read covers: a full read.
        await call(emu, 'organizations', 'DisablePolicyType', {
          RootId: DEMO_IDS.rootId,
          PolicyType: 'TAG_POLICY',
        });
        const afterUnknown = await waitForNewRun(server, fullRun);
        expect(afterUnknown.lastAttempt.status).toBe('succeeded');
        expect(afterUnknown.events.lastFullReadRequest.reason).toContain(
          'DisablePolicyType',
        );

        // A queue the backend cannot read: a full read.
        emu.setFaults({ accessDenied: ['sqs'] });
        const outage = await waitForStatus(
          server,
          s => s.events?.queue?.readable === false,
        );
        expect(outage.events.queue.error).toBe('AccessDenied');
        const afterOutage = await waitForNewRun(
          server,
          afterUnknown.lastAttempt.id,
        );
        expect(afterOutage.events.lastFullReadRequest.reason).toContain(
          'the events queue cannot be read',
        );
        emu.setFaults({});
        await waitForStatus(server, s => s.events?.queue?.readable === true);
      } finally {
        await backend.stop();
      }
    },
  );
});

describe('two backend replicas on one PostgreSQL database', () => {
  let emu: RunningEmulator;
  beforeEach(async () => {
    emu = await startEmulator({
      dataset: 'demo',
      events: { queueName: 'aws-organizations-events' },
    });
  });
  afterEach(async () => {
    await emu.close().catch(() => {});
  });

  it.each(postgres.eachSupportedId())(
    'apply an event delivered twice once on %p',
    async databaseId => {
      const knex = await postgres.init(databaseId);
      const replicas = [];
      for (const _ of [1, 2]) replicas.push(await start(knex, emu));
      const [a, b] = replicas.map(r => r.server);
      try {
        await waitForIdle(a);
        const event = {
          version: '0',
          id: 'duplicated-event-1',
          'detail-type': 'AWS API Call via CloudTrail',
          source: 'aws.organizations',
          account: DEMO_IDS.managementAccountId,
          time: new Date().toISOString(),
          region: 'us-east-1',
          resources: [],
          detail: {
            eventVersion: '1.08',
            eventSource: 'organizations.amazonaws.com',
            eventName: 'TagResource',
            awsRegion: 'us-east-1',
            requestParameters: {
              resourceId: PAYMENTS_DEV,
              tags: [{ key: 'owner', value: 'platform' }],
            },
            responseElements: null,
            eventID: 'c1e0b8f4-0000-4d8e-8d43-55f6a8c3b1d2',
            readOnly: false,
            eventType: 'AwsApiCall',
            managementEvent: true,
            recipientAccountId: DEMO_IDS.managementAccountId,
            eventCategory: 'Management',
          },
        };
        const tagsCalls = () =>
          emu.stats().calls.organizations.ListTagsForResource ?? 0;
        const before = tagsCalls();
        // SQS delivers at least once: the same message twice.
        const sqs = new SQSClient({ region: 'us-east-1', credentials });
        for (const _ of [1, 2]) {
          await sqs.send(
            new SendMessageCommand({
              QueueUrl: emu.eventsQueueUrl!,
              MessageBody: JSON.stringify(event),
            }),
          );
        }
        sqs.destroy();
        // Both deliveries handled: one applied it, the other skipped it.
        for (;;) {
          const [sa, sb] = [await status(a), await status(b)];
          const skipped =
            sa.events.duplicatesSkipped + sb.events.duplicatesSkipped;
          const claim = await knex('aws_org_event_claims')
            .where('event_id', 'duplicated-event-1')
            .first();
          if (skipped === 1 && claim && claim.outcome !== 'pending') break;
          await new Promise(r => setTimeout(r, 100));
        }
        const claims = await knex('aws_org_event_claims').where(
          'event_id',
          'duplicated-event-1',
        );
        expect(claims).toHaveLength(1);
        expect(['applied', 'unchanged']).toContain(claims[0].outcome);
        // One re-read of the account's tags, cluster-wide.
        expect(tagsCalls() - before).toBe(1);
      } finally {
        await Promise.all(replicas.map(r => r.stop()));
      }
    },
  );
});
