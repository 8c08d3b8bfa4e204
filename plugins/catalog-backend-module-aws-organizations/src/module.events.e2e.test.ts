import {
  DEMO_IDS,
  RunningEmulator,
  startEmulator,
} from '@aws-governance/aws-emulator';
import { awsEntityNames } from '@aws-governance/plugin-aws-organizations-common';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { RELATION_PART_OF } from '@backstage/catalog-model';
import eventsPlugin from '@backstage/plugin-events-backend';
import awsSqsEventsModule from '@backstage/plugin-events-backend-module-aws-sqs';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  fetchRetrying,
  portalConfig,
  relationLines,
  startPortal,
  waitFor,
} from './__testUtils__/portal';

/*
 * The portal follows AWS by events, end to end and wired as the demo is: a
 * change made through the emulator's admin endpoint is recorded as its
 * CloudTrail event on the emulator's SQS queue; the real
 * @backstage/plugin-events-backend-module-aws-sqs (in the real events
 * backend, on the real scheduler) receives it and publishes it on the
 * topic; the AWS Organizations backend re-reads only what changed and
 * stores the next snapshot; this module pulls it and the catalog shows the
 * change. No full read happens after the first.
 */

// A first sync and the catalog's background processing on a busy machine;
// every wait below waits on state, none on a clock of its own.
jest.setTimeout(240_000);

const TOPIC = 'aws-organizations-cloudtrail';
const PAYMENTS_DEV = '724108355201';
const resource = (name: string) => `resource:default/${name}`;
const account = (id: string) => resource(awsEntityNames.account(id));
const unit = (name: keyof typeof DEMO_IDS.ous) =>
  resource(awsEntityNames.organizationalUnit(DEMO_IDS.ous[name]));

/** AWS calls the emulator answered, the events queue's own aside. */
function awsCalls(emu: RunningEmulator): number {
  const calls = emu.stats().calls as Record<string, Record<string, number>>;
  return Object.entries(calls)
    .filter(([service]) => service !== 'sqs')
    .flatMap(([, ops]) => Object.values(ops))
    .reduce((a, b) => a + b, 0);
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
}

let saved: Record<string, string | undefined>;
beforeAll(() => {
  // The SQS module takes the AWS SDK's default credentials, as in the demo
  // (scripts/start.sh sets the emulator's keys in the environment).
  saved = {
    AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY,
  };
  process.env.AWS_ACCESS_KEY_ID = 'test';
  process.env.AWS_SECRET_ACCESS_KEY = 'test';
});
afterAll(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe('the catalog follows AWS by CloudTrail events (emulator → SQS module → AWS Organizations backend → catalog)', () => {
  let emu: RunningEmulator;
  let portal: Awaited<ReturnType<typeof startPortal>> | undefined;
  afterEach(async () => {
    await portal?.backend.stop();
    await emu?.close();
  });

  it('shows a tag and an account move in the catalog and the API without a full read', async () => {
    emu = await startEmulator({
      dataset: 'demo',
      events: { queueName: 'aws-organizations-events' },
    });
    const queue = {
      url: emu.eventsQueueUrl!,
      region: 'us-east-1',
      endpoint: emu.url,
    };
    const base = portalConfig(emu);
    portal = await startPortal({
      config: {
        ...base,
        // The demo's events config (app-config.yaml), on the emulator of
        // the test; the events bus as the demo has it (auto), its long
        // polls ending after a second so that stopping does not wait 55 s.
        events: {
          notifyTimeoutMs: 1000,
          modules: {
            awsSqs: {
              awsSqsConsumingEventPublisher: {
                topics: {
                  [TOPIC]: {
                    queue: { ...queue, waitTime: { seconds: 1 } },
                    waitTimeAfterEmptyReceive: { milliseconds: 200 },
                  },
                },
              },
            },
          },
        },
        awsOrganizations: {
          ...(base.awsOrganizations as object),
          events: {
            enabled: true,
            topic: TOPIC,
            queue,
            poll: { batchWindowMs: 200 },
            // The full read only when the test asks for it (the real
            // scheduler picks up a trigger only after a task's initial
            // delay: manual, not a far initial delay).
            reconciliation: {
              schedule: {
                frequency: { trigger: 'manual' },
                timeout: { minutes: 10 },
              },
            },
          },
        },
      },
      features: [schedulerServiceFactory, eventsPlugin, awsSqsEventsModule],
    });
    const { getEntity, syncNow } = portal;
    const headers = { Authorization: mockCredentials.user.header() };
    const api = async (path: string) => {
      const res = await fetchRetrying(`${portal!.base}${path}`, { headers });
      if (!res.ok) throw new Error(`${path} answered ${res.status}`);
      return res.json();
    };

    await waitFor('the example groups', async () =>
      (await getEntity('group:default/payments')) ? true : undefined,
    );
    const first = await syncNow();
    expect(first.lastAttempt.status).toBe('succeeded');
    await waitFor('the account in the catalog', async () =>
      (
        await getEntity(account(PAYMENTS_DEV))
      )?.spec?.awsTags
        ? true
        : undefined,
    );

    // A tag: in the catalog entity and the API, for a handful of calls.
    const callsBefore = awsCalls(emu);
    await call(emu, 'organizations', 'TagResource', {
      ResourceId: PAYMENTS_DEV,
      Tags: [{ Key: 'cost-center', Value: 'CC-4242' }],
    });
    const tagged = await waitFor('the tag in the catalog', async () => {
      const entity = await getEntity(account(PAYMENTS_DEV));
      const tags = entity?.spec?.awsTags as Record<string, string> | undefined;
      return tags?.['cost-center'] === 'CC-4242' ? entity : undefined;
    });
    expect(tagged.spec?.awsTags).toMatchObject({ 'cost-center': 'CC-4242' });
    const afterTag = await api('/aws-organizations/sync/status');
    expect(afterTag.events).toMatchObject({
      topic: TOPIC,
      lastEvent: {
        eventName: 'TagResource',
        source: 'aws.organizations',
        outcome: 'applied',
      },
      fullReconciledAt: first.lastAttempt.finishedAt,
    });
    expect(afterTag.lastAttempt.id).toBe(first.lastAttempt.id);
    const tagCalls = awsCalls(emu) - callsBefore;
    expect(tagCalls).toBeGreaterThan(0);
    expect(tagCalls).toBeLessThan(20);

    // A move: the account's parent in the catalog and the change log.
    await call(emu, 'organizations', 'MoveAccount', {
      AccountId: PAYMENTS_DEV,
      SourceParentId: DEMO_IDS.ous.Dev,
      DestinationParentId: DEMO_IDS.ous.Staging,
    });
    const moved = await waitFor('the move in the catalog', async () => {
      const entity = await getEntity(account(PAYMENTS_DEV));
      return relationLines(entity).includes(
        `${RELATION_PART_OF} ${unit('Staging')}`,
      )
        ? entity
        : undefined;
    });
    expect(relationLines(moved)).not.toContain(
      `${RELATION_PART_OF} ${unit('Dev')}`,
    );
    const changes = await api('/aws-organizations/changes?kind=account.moved');
    expect(changes.items).toEqual([
      expect.objectContaining({
        kind: 'account.moved',
        accountId: PAYMENTS_DEV,
      }),
    ]);
    const afterMove = await api('/aws-organizations/sync/status');
    expect(afterMove.lastAttempt.id).toBe(first.lastAttempt.id);
    expect(afterMove.events.lastEvent.eventName).toBe('MoveAccount');
  });
});
