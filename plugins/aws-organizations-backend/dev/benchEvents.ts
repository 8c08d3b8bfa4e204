/*
 * Incremental updates from CloudTrail events at data set L (5,000 accounts,
 * 60,000 assignments, 33,000 principals):
 *
 *   yarn bench:events [--burst 1000] [--burst-seconds 60]
 *
 * Starts the AWS emulator with L and its events queue, reads it once in
 * full into a SQLite store (the sync engine of the backend, as the plugin
 * wires it), then consumes the queue as
 * @backstage/plugin-events-backend-module-aws-sqs does (ReceiveMessage 10,
 * WaitTimeSeconds 20, DeleteMessageBatch, each message published on the
 * topic of Backstage's events service) into the plugin's subscriber.
 * Prints, per single change (a tag, an assignment, an SCP edit, an account
 * move), the time from the write to the change in the stored snapshot that
 * GET /snapshot and the API serve, and the AWS calls it cost; then the same
 * for a burst of changes spread over a minute, and how many full reads the
 * events asked for (the goal: none).
 */
import { parseArgs } from 'node:util';
import knexFactory from 'knex';
import {
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { ConfigReader } from '@backstage/config';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { loadAverage, stderrLogger } from './benchSetup';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import { startEmulator } from '@aws-governance/aws-emulator';
import {
  OrganizationSnapshot,
  Tags,
} from '@aws-governance/plugin-aws-organizations-common';
import { readAwsOrganizationsConfig } from '@aws-governance/plugin-aws-organizations-node';
import { AwsOrganizationsStore } from '../src/store/AwsOrganizationsStore';
import { parseStoredSnapshot } from '../src/store/SnapshotStore';
import { createSyncEngine } from '../src/sync/createSyncEngine';
import { createReaderSource } from '../src/sync/readerSource';
import { createEventsSubscriber } from '../src/events/createEventsSubscriber';
import { EMPTY_DIRECTORY } from '../src/resolution/types';

const TOPIC = 'aws-organizations-cloudtrail';
const credentials = { accessKeyId: 'AKIDBENCH', secretAccessKey: 'x' };

const { values: args } = parseArgs({
  options: {
    burst: { type: 'string', default: '1000' },
    'burst-seconds': { type: 'string', default: '60' },
  },
});

const logger = stderrLogger;

async function main() {
  process.stdout.write(`load average at start: ${loadAverage()}\n`);
  const emu = await startEmulator({
    dataset: 'L',
    events: { queueName: 'aws-organizations-events' },
  });
  const url = emu.url;
  const rootConfig = new ConfigReader({
    aws: { mainAccount: credentials },
    awsOrganizations: {
      region: 'us-east-1',
      endpoints: { organizations: url, ssoAdmin: url, identityStore: url },
      // The emulator has no rate limit: let the reader go.
      rateLimits: {
        organizations: { tps: 2000, burst: 2000 },
        identityCenter: { tps: 2000, burst: 2000 },
      },
      events: {
        enabled: true,
        topic: TOPIC,
        queue: { url: emu.eventsQueueUrl!, region: 'us-east-1', endpoint: url },
      },
    },
  });
  const config = readAwsOrganizationsConfig(rootConfig);
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  const database: DatabaseService = {
    getClient: async () => knex,
    migrations: { skip: false },
  };
  const store = await AwsOrganizationsStore.create(database);
  const events = DefaultEventsService.create({ logger }).forPlugin(
    'aws-organizations',
  );
  const reader = createReaderSource({
    config: rootConfig,
    reader: config.reader,
    logger,
  });
  const engine = createSyncEngine({
    config,
    store,
    logger,
    events,
    readSnapshot: reader.full,
    readTargeted: reader.targeted,
    readDirectory: async () => EMPTY_DIRECTORY,
  });
  const fullReads: string[] = [];
  const subscriber = createEventsSubscriber({
    config: config.events,
    store,
    engine,
    logger,
    requestFullRead: async reason => {
      fullReads.push(reason);
    },
  });
  await events.subscribe({
    id: 'aws-organizations-cloudtrail',
    topics: [TOPIC],
    onEvent: params => subscriber.onEvent(params.eventPayload),
  });

  let start = performance.now();
  const run = await engine.run();
  const fullCalls = Object.values(run.stats?.calls ?? {})
    .flatMap(ops => Object.values(ops))
    .reduce((a, b) => a + b, 0);
  process.stdout.write(
    `full read of L: ${run.status}, ${fullCalls} AWS calls, ${(
      (performance.now() - start) /
      1000
    ).toFixed(1)} s\n`,
  );
  if (run.status !== 'succeeded') throw new Error(run.errors.join('; '));

  // The SQS module's loop: long polls of 10, each message published, then
  // the batch deleted.
  const sqs = new SQSClient({
    region: 'us-east-1',
    credentials,
    endpoint: url,
  });
  let consuming = true;
  const consumer = (async () => {
    while (consuming) {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: emu.eventsQueueUrl!,
          MaxNumberOfMessages: 10,
          MessageAttributeNames: ['All'],
          WaitTimeSeconds: 1,
        }),
      );
      for (const m of Messages) {
        void events.publish({
          topic: TOPIC,
          eventPayload: JSON.parse(m.Body!),
        });
      }
      if (Messages.length > 0) {
        await sqs.send(
          new DeleteMessageBatchCommand({
            QueueUrl: emu.eventsQueueUrl!,
            Entries: Messages.map(m => ({
              Id: m.MessageId!,
              ReceiptHandle: m.ReceiptHandle!,
            })),
          }),
        );
      }
    }
  })();

  const current = async (): Promise<OrganizationSnapshot> => {
    const stored = await store.snapshots.current();
    return parseStoredSnapshot(stored!.json).snapshot;
  };
  const awsCalls = () => {
    const calls = emu.stats().calls as Record<string, Record<string, number>>;
    return Object.entries(calls)
      .filter(([service]) => service !== 'sqs')
      .flatMap(([, ops]) => Object.values(ops))
      .reduce((a, b) => a + b, 0);
  };
  const admin = async (service: string, op: string, body: object) => {
    const res = await fetch(`${url}/_emulator/calls/${service}/${op}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${op}: ${await res.text()}`);
    return res.json();
  };
  const until = async (test: (s: OrganizationSnapshot) => boolean) => {
    for (;;) {
      if (test(await current())) return;
      await new Promise(r => setTimeout(r, 50));
    }
  };

  const base = await current();
  const ic = base.identityCenter;
  if (ic.status !== 'available') throw new Error(ic.status);
  const account = base.accounts[10];
  const otherOu = base.organizationalUnits.find(
    o => o.id !== account.parentId,
  )!;
  const scp = base.policies.find(p => !p.awsManaged)!;
  const set = ic.permissionSets[0];
  const group = ic.groups[0];
  const tagsOf = (s: OrganizationSnapshot, id: string) =>
    s.accounts.find(a => a.id === id)?.tags as Tags;

  const singles: [
    string,
    () => Promise<unknown>,
    (s: OrganizationSnapshot) => boolean,
  ][] = [
    [
      'tag (TagResource)',
      () =>
        admin('organizations', 'TagResource', {
          ResourceId: account.id,
          Tags: [{ Key: 'bench', Value: 'one' }],
        }),
      s => tagsOf(s, account.id)?.bench === 'one',
    ],
    [
      'assignment (CreateAccountAssignment)',
      () =>
        admin('ssoAdmin', 'CreateAccountAssignment', {
          InstanceArn: ic.instanceArn,
          TargetId: account.id,
          TargetType: 'AWS_ACCOUNT',
          PermissionSetArn: set.arn,
          PrincipalType: 'GROUP',
          PrincipalId: group.id,
        }),
      s =>
        s.identityCenter.status === 'available' &&
        s.identityCenter.assignments.some(
          a =>
            a.accountId === account.id &&
            a.permissionSetArn === set.arn &&
            a.principalId === group.id,
        ),
    ],
    [
      'SCP edit (UpdatePolicy)',
      () =>
        admin('organizations', 'UpdatePolicy', {
          PolicyId: scp.id,
          Description: 'edited by the bench',
        }),
      s =>
        s.policies.find(p => p.id === scp.id)?.description ===
        'edited by the bench',
    ],
    [
      'account move (MoveAccount)',
      () =>
        admin('organizations', 'MoveAccount', {
          AccountId: account.id,
          SourceParentId: account.parentId,
          DestinationParentId: otherOu.id,
        }),
      s => s.accounts.find(a => a.id === account.id)?.parentId === otherOu.id,
    ],
  ];
  for (const [label, write, visible] of singles) {
    const calls = awsCalls();
    start = performance.now();
    await write();
    await until(visible);
    const ms = performance.now() - start;
    // The admin endpoint's writes are not counted by the emulator's stats.
    process.stdout.write(
      `${label}: visible in ${(ms / 1000).toFixed(2)} s, ${
        awsCalls() - calls
      } AWS calls by the backend\n`,
    );
  }

  // A burst spread over the given seconds: tags on distinct accounts.
  const burst = Number(args.burst);
  const seconds = Number(args['burst-seconds']);
  const targets = base.accounts.slice(0, burst);
  const callsBefore = awsCalls();
  const fullBefore = fullReads.length;
  start = performance.now();
  for (const [i, a] of targets.entries()) {
    const due = start + (i * seconds * 1000) / burst;
    const wait = due - performance.now();
    if (wait > 0) await new Promise(r => setTimeout(r, wait));
    await admin('organizations', 'TagResource', {
      ResourceId: a.id,
      Tags: [{ Key: 'burst', Value: String(i) }],
    });
  }
  const written = performance.now();
  await until(s =>
    targets.every((a, i) => tagsOf(s, a.id)?.burst === String(i)),
  );
  const done = performance.now();
  const burstCalls = awsCalls() - callsBefore;
  process.stdout.write(
    `burst of ${burst} tags written in ${((written - start) / 1000).toFixed(
      1,
    )} s: all visible ${((done - start) / 1000).toFixed(
      1,
    )} s after the first write (${((done - written) / 1000).toFixed(
      1,
    )} s after the last), ${burstCalls} AWS calls by the backend (${(
      burstCalls / burst
    ).toFixed(2)} per change), full reads asked for: ${
      fullReads.length - fullBefore
    }\n`,
  );
  process.stdout.write(`load average at end: ${loadAverage()}\n`);
  consuming = false;
  await consumer;
  sqs.destroy();
  await knex.destroy();
  await emu.close();
  if (fullReads.length > 0) {
    process.stdout.write(`full reads asked for: ${fullReads.join('; ')}\n`);
  }
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
