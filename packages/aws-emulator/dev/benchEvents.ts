/*
 * Measures the emulator's events path at data set L: the cost events add to
 * a write, how fast a consumer calling SQS as
 * @backstage/plugin-events-backend-module-aws-sqs does (ReceiveMessage 10,
 * WaitTimeSeconds 20, DeleteMessageBatch) drains a burst, and how long a
 * waiting long poll takes to answer a new message.
 *
 *   yarn sucrase-node packages/aws-emulator/dev/benchEvents.ts [writes]
 */
import {
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import {
  OrganizationsClient,
  TagResourceCommand,
} from '@aws-sdk/client-organizations';
import { startEmulator } from '../src';

const credentials = { accessKeyId: 'AKIDBENCH', secretAccessKey: 'x' };

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function summary(label: string, ms: number[]) {
  const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
  return `${label}: mean ${mean.toFixed(2)} ms, p50 ${percentile(
    ms,
    0.5,
  ).toFixed(2)} ms, p95 ${percentile(ms, 0.95).toFixed(2)} ms (n=${ms.length})`;
}

/** The same writes against both emulators, interleaved so load hits both alike. */
async function timedWrites(urls: string[], accounts: string[]) {
  const clients = urls.map(
    url =>
      new OrganizationsClient({
        endpoint: url,
        region: 'us-east-1',
        credentials,
        maxAttempts: 1,
      }),
  );
  const ms: number[][] = urls.map(() => []);
  for (const [i, id] of accounts.entries()) {
    for (const [c, client] of clients.entries()) {
      const start = performance.now();
      await client.send(
        new TagResourceCommand({
          ResourceId: id,
          Tags: [{ Key: 'bench', Value: String(i) }],
        }),
      );
      ms[c].push(performance.now() - start);
    }
  }
  clients.forEach(client => client.destroy());
  return ms;
}

async function main() {
  const writes = Number(process.argv[2] ?? 1000);
  const built = performance.now();
  const plain = await startEmulator({ dataset: 'L' });
  const accounts = [...plain.state.accounts.keys()].slice(0, writes);
  const withEvents = await startEmulator({
    state: plain.state,
    events: { queueName: 'bench-events' },
  });
  process.stdout.write(
    `data set L built and served in ${(performance.now() - built).toFixed(
      0,
    )} ms\n`,
  );

  const [without, recorded] = await timedWrites(
    [plain.url, withEvents.url],
    accounts,
  );
  process.stdout.write(`${summary('TagResource, events off', without)}\n`);
  process.stdout.write(`${summary('TagResource, events on ', recorded)}\n`);

  // No endpoint: the client follows the queue URL, as the Backstage module's.
  const quiet = { debug() {}, info() {}, warn() {}, error() {} };
  const sqs = new SQSClient({
    region: 'us-east-1',
    credentials,
    maxAttempts: 1,
    logger: quiet,
  });
  const queueUrl = withEvents.eventsQueueUrl!;
  let drained = 0;
  let bytes = 0;
  let calls = 0;
  const drainStart = performance.now();
  while (drained < writes) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        MessageAttributeNames: ['All'],
        WaitTimeSeconds: 20,
      }),
    );
    calls++;
    if (Messages.length === 0) break;
    for (const m of Messages) bytes += Buffer.byteLength(m.Body!);
    drained += Messages.length;
    await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: Messages.map(m => ({
          Id: m.MessageId!,
          ReceiptHandle: m.ReceiptHandle!,
        })),
      }),
    );
    calls++;
  }
  const drainMs = performance.now() - drainStart;
  process.stdout.write(
    `drained ${drained} events in ${drainMs.toFixed(0)} ms (${(
      (drained / drainMs) *
      1000
    ).toFixed(0)} events/s, ${calls} SQS calls, mean body ${(
      bytes / drained
    ).toFixed(0)} bytes)\n`,
  );

  const wake: number[] = [];
  for (let i = 0; i < 50; i++) {
    const receiving = sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 20 }),
    );
    await new Promise(r => setTimeout(r, 20));
    const start = performance.now();
    await sqs.send(
      new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: `m${i}` }),
    );
    const { Messages = [] } = await receiving;
    wake.push(performance.now() - start);
    await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: Messages.map(m => ({
          Id: m.MessageId!,
          ReceiptHandle: m.ReceiptHandle!,
        })),
      }),
    );
  }
  process.stdout.write(
    `${summary('long poll answered after SendMessage', wake)}\n`,
  );
  sqs.destroy();
  await withEvents.close();
  await plain.close();
}

main().catch(error => {
  process.stderr.write(`${error}\n`);
  process.exit(1);
});
