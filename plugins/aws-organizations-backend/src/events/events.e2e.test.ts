import {
  DEMO_IDS,
  RunningEmulator,
  startEmulator,
} from '@aws-governance/aws-emulator';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { TestDatabases } from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
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
 *
 * The backend is wired as the demo's: the events service of
 * @backstage/plugin-events-node (one bus per backend, shared by its
 * plugins; startTestBackend's default mock gives each plugin a bus of its
 * own, so the SQS module's events never reach the subscriber) and the real
 * scheduler (the module polls in a task that runs again at once; the mock
 * scheduler runs a task once at startup).
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
      // The events bus stays on (auto, as in the demo); its long polls end
      // after a second so that stopping the backend does not wait the
      // default 55 s for them.
      notifyTimeoutMs: 1000,
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
    features: [
      eventsServiceFactory,
      schedulerServiceFactory,
      eventsPlugin,
      awsSqsEventsModule,
    ],
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

/** No message waiting or in flight on the events queue. */
async function queueIsEmpty(emu: RunningEmulator): Promise<boolean> {
  const sqs = new SQSClient({
    region: 'us-east-1',
    endpoint: emu.url,
    credentials,
  });
  try {
    const { Attributes = {} } = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: emu.eventsQueueUrl!,
        AttributeNames: [
          'ApproximateNumberOfMessages',
          'ApproximateNumberOfMessagesNotVisible',
        ],
      }),
    );
    return (
      Attributes.ApproximateNumberOfMessages === '0' &&
      Attributes.ApproximateNumberOfMessagesNotVisible === '0'
    );
  } finally {
    sqs.destroy();
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
    // Each event arrives twice, as two messages: EventBridge and SQS
    // deliver at least once.
    emu = await startEmulator({
      dataset: 'demo',
      events: { queueName: 'aws-organizations-events', deliveries: 2 },
    });
  });
  afterEach(async () => {
    await emu.close().catch(() => {});
  });

  it('runs on PostgreSQL in CI', () => {
    const required = Boolean(process.env.AWS_ORGS_REQUIRE_POSTGRES);
    expect(postgres.supports('POSTGRES_15') || !required).toBe(true);
  });

  it.each(postgres.eachSupportedId())(
    'apply each event delivered twice once on %p, both replicas polling the queue',
    async databaseId => {
      const knex = await postgres.init(databaseId);
      const replicas = [];
      for (const _ of [1, 2]) replicas.push(await start(knex, emu));
      const [a, b] = replicas.map(r => r.server);
      try {
        const first = await waitForIdle(a);
        expect(first.lastAttempt.status).toBe('succeeded');
        const tagsCalls = () =>
          emu.stats().calls.organizations?.ListTagsForResource ?? 0;
        const before = tagsCalls();
        const owners = ['platform', 'payments', 'security'];
        for (const owner of owners) {
          await call(emu, 'organizations', 'TagResource', {
            ResourceId: PAYMENTS_DEV,
            Tags: [{ Key: 'reviewer', Value: owner }],
          });
        }
        // Every copy handled: the SQS module deletes a message once the
        // subscriber has claimed or skipped it, so an empty queue and no
        // pending claim mean every copy reached a replica.
        const claimsOf = () =>
          knex('aws_org_event_claims').where('event_name', 'TagResource');
        for (;;) {
          const claims = await claimsOf();
          if (
            claims.length === owners.length &&
            claims.every((c: any) => c.outcome !== 'pending') &&
            (await queueIsEmpty(emu))
          ) {
            break;
          }
          await new Promise(r => setTimeout(r, 100));
        }
        const skipped = [
          (await status(a)).events.duplicatesSkipped,
          (await status(b)).events.duplicatesSkipped,
        ];
        expect(skipped[0] + skipped[1]).toBe(owners.length);
        const claims = await claimsOf();
        expect(claims).toHaveLength(owners.length);
        for (const claim of claims) {
          expect(['applied', 'unchanged']).toContain(claim.outcome);
        }
        // One re-read of the account's tags per applied batch (a batch may
        // merge events), plus one more each time the other replica stored a
        // snapshot while a batch was being applied: the store is optimistic
        // (compare the etag, read the targets again on top of the new
        // snapshot), and each of the at most `owners.length` stores can
        // overtake at most one batch in flight on the other replica. A
        // re-read per delivered copy is ruled out above (every second copy
        // was skipped as a duplicate).
        const reReads = tagsCalls() - before;
        expect(reReads).toBeGreaterThanOrEqual(1);
        expect(reReads).toBeLessThanOrEqual(2 * owners.length);
        const served = await waitForSnapshot(
          b,
          e =>
            (accountOf(e, PAYMENTS_DEV).tags as Record<string, string>)
              .reviewer === 'security',
        );
        expect(served.snapshot.accounts).toBeDefined();
        // No full read besides the first.
        expect((await status(a)).lastAttempt.id).toBe(first.lastAttempt.id);
      } finally {
        await Promise.all(replicas.map(r => r.stop()));
      }
    },
  );
});
