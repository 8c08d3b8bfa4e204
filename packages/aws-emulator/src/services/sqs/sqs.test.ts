import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  MessageNotInflight,
  PurgeQueueCommand,
  PurgeQueueInProgress,
  QueueDoesNotExist,
  ReceiptHandleIsInvalid,
  ReceiveMessageCommand,
  RequestThrottled,
  SendMessageCommand,
  SQSClient,
  EmptyBatchRequest,
  BatchEntryIdsNotDistinct,
} from '@aws-sdk/client-sqs';
import { createHash } from 'node:crypto';
import { RunningEmulator, startEmulator } from '../../emulator';
import { createEmptyState, createOrganization } from '../../state';

const credentials = { accessKeyId: 'AKIDSQSTEST', secretAccessKey: 'x' };

function sqsClient(url: string) {
  return new SQSClient({
    endpoint: url,
    region: 'us-east-1',
    credentials,
    maxAttempts: 1,
  });
}

async function waitFor(condition: () => boolean) {
  while (!condition()) await new Promise(r => setTimeout(r, 20));
}

describe('SQS', () => {
  let emulator: RunningEmulator;
  let sqs: SQSClient;
  let queue = 0;

  beforeAll(async () => {
    const state = createEmptyState(1);
    createOrganization(state, { managementAccountId: '111122223333' });
    emulator = await startEmulator({ state, rateLimit: {} });
    sqs = sqsClient(emulator.url);
  });

  afterAll(async () => {
    sqs.destroy();
    await emulator.close();
  });

  async function newQueue(attributes?: Record<string, string>) {
    queue++;
    const { QueueUrl } = await sqs.send(
      new CreateQueueCommand({
        QueueName: `q-${queue}`,
        Attributes: attributes,
      }),
    );
    return QueueUrl!;
  }

  it('creates queues at <endpoint>/<account>/<name> and finds them by name', async () => {
    const url = await newQueue({ VisibilityTimeout: '45' });
    expect(url).toBe(`${emulator.url}/111122223333/q-${queue}`);
    await expect(
      sqs.send(new GetQueueUrlCommand({ QueueName: `q-${queue}` })),
    ).resolves.toMatchObject({ QueueUrl: url });
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }),
    );
    expect(Attributes).toMatchObject({
      QueueArn: `arn:aws:sqs:us-east-1:111122223333:q-${queue}`,
      VisibilityTimeout: '45',
      ApproximateNumberOfMessages: '0',
      ReceiveMessageWaitTimeSeconds: '0',
    });
    // Same name, same attributes: the same queue; other attributes: an error.
    await expect(
      sqs.send(
        new CreateQueueCommand({
          QueueName: `q-${queue}`,
          Attributes: { VisibilityTimeout: '45' },
        }),
      ),
    ).resolves.toMatchObject({ QueueUrl: url });
    await expect(
      sqs.send(new CreateQueueCommand({ QueueName: `q-${queue}` })),
    ).rejects.toMatchObject({ name: 'QueueNameExists' });
  });

  it('sends, receives with attributes and deletes a message', async () => {
    const url = await newQueue();
    const sent = await sqs.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: '{"hello":"world ✓"}',
        MessageAttributes: {
          kind: { DataType: 'String', StringValue: 'greeting' },
          size: { DataType: 'Number', StringValue: '3' },
        },
      }),
    );
    const { Messages } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: url,
        MaxNumberOfMessages: 10,
        MessageAttributeNames: ['All'],
        MessageSystemAttributeNames: [
          'SentTimestamp',
          'ApproximateReceiveCount',
        ],
      }),
    );
    expect(Messages).toHaveLength(1);
    const [message] = Messages!;
    expect(message).toMatchObject({
      MessageId: sent.MessageId,
      Body: '{"hello":"world ✓"}',
      MD5OfMessageAttributes: sent.MD5OfMessageAttributes,
      MessageAttributes: {
        kind: { DataType: 'String', StringValue: 'greeting' },
        size: { DataType: 'Number', StringValue: '3' },
      },
      Attributes: { ApproximateReceiveCount: '1' },
    });
    expect(Number(message.Attributes!.SentTimestamp)).toBeGreaterThan(0);
    await sqs.send(
      new DeleteMessageCommand({
        QueueUrl: url,
        ReceiptHandle: message.ReceiptHandle,
      }),
    );
    const after = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: url,
        AttributeNames: [
          'ApproximateNumberOfMessages',
          'ApproximateNumberOfMessagesNotVisible',
        ],
      }),
    );
    expect(after.Attributes).toEqual({
      ApproximateNumberOfMessages: '0',
      ApproximateNumberOfMessagesNotVisible: '0',
    });
  });

  it('computes MD5OfMessageAttributes as the SQS Developer Guide defines it', async () => {
    // The digest the guide's algorithm gives for this one attribute,
    // computed independently (name, type, transport 1, value; each
    // length-prefixed).
    const url = await newQueue();
    const sent = await sqs.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: 'x',
        MessageAttributes: { a: { DataType: 'String', StringValue: 'b' } },
      }),
    );
    const bytes = Buffer.concat([
      Buffer.from([0, 0, 0, 1]),
      Buffer.from('a'),
      Buffer.from([0, 0, 0, 6]),
      Buffer.from('String'),
      Buffer.from([1]),
      Buffer.from([0, 0, 0, 1]),
      Buffer.from('b'),
    ]);
    expect(sent.MD5OfMessageAttributes).toBe(
      createHash('md5').update(bytes).digest('hex'),
    );
  });

  it('redelivers a message whose visibility timeout ran out, with a new receipt handle', async () => {
    const url = await newQueue();
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'm' }));
    const first = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: url, VisibilityTimeout: 1 }),
    );
    const hidden = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url }));
    expect(hidden.Messages).toBeUndefined();
    const second = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: url,
        WaitTimeSeconds: 20,
        MessageSystemAttributeNames: ['ApproximateReceiveCount'],
      }),
    );
    expect(second.Messages![0]).toMatchObject({
      MessageId: first.Messages![0].MessageId,
      Attributes: { ApproximateReceiveCount: '2' },
    });
    expect(second.Messages![0].ReceiptHandle).not.toBe(
      first.Messages![0].ReceiptHandle,
    );
    // The first handle is no longer the latest: the call succeeds, the
    // message stays (DeleteMessage API reference).
    await sqs.send(
      new DeleteMessageCommand({
        QueueUrl: url,
        ReceiptHandle: first.Messages![0].ReceiptHandle,
      }),
    );
    await sqs.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: url,
        ReceiptHandle: second.Messages![0].ReceiptHandle,
        VisibilityTimeout: 0,
      }),
    );
    const third = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url }));
    expect(third.Messages![0].MessageId).toBe(first.Messages![0].MessageId);
  });

  it('long polling answers as soon as a message arrives', async () => {
    const url = await newQueue();
    const before = emulator.stats().calls.sqs.ReceiveMessage ?? 0;
    const receiving = sqs.send(
      new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 20 }),
    );
    await waitFor(
      () => (emulator.stats().calls.sqs.ReceiveMessage ?? 0) > before,
    );
    await sqs.send(
      new SendMessageCommand({ QueueUrl: url, MessageBody: 'late' }),
    );
    const { Messages } = await receiving;
    expect(Messages?.map(m => m.Body)).toEqual(['late']);
  });

  it('answers at most 10 messages and refuses MaxNumberOfMessages above 10', async () => {
    const url = await newQueue();
    for (let i = 0; i < 12; i++) {
      await sqs.send(
        new SendMessageCommand({ QueueUrl: url, MessageBody: `m${i}` }),
      );
    }
    const { Messages } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10 }),
    );
    expect(Messages).toHaveLength(10);
    const single = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url }));
    expect(single.Messages).toHaveLength(1);
    await expect(
      sqs.send(
        new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 11 }),
      ),
    ).rejects.toMatchObject({
      Code: 'InvalidParameterValue',
      message:
        'Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(
      sqs.send(
        new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 21 }),
      ),
    ).rejects.toMatchObject({ Code: 'InvalidParameterValue' });
  });

  it('deletes in batches, failing only the entries with a bad handle', async () => {
    const url = await newQueue();
    for (const body of ['a', 'b']) {
      await sqs.send(
        new SendMessageCommand({ QueueUrl: url, MessageBody: body }),
      );
    }
    const { Messages } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10 }),
    );
    const result = await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: url,
        Entries: [
          ...Messages!.map(m => ({
            Id: m.MessageId!,
            ReceiptHandle: m.ReceiptHandle!,
          })),
          { Id: 'bad', ReceiptHandle: 'not-a-handle' },
        ],
      }),
    );
    expect(result.Successful?.map(s => s.Id).sort()).toEqual(
      Messages!.map(m => m.MessageId).sort(),
    );
    expect(result.Failed).toEqual([
      expect.objectContaining({
        Id: 'bad',
        Code: 'ReceiptHandleIsInvalid',
        SenderFault: true,
      }),
    ]);
    const left = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }),
    );
    expect(left.Attributes).toMatchObject({
      ApproximateNumberOfMessages: '0',
      ApproximateNumberOfMessagesNotVisible: '0',
    });
    await expect(
      sqs.send(new DeleteMessageBatchCommand({ QueueUrl: url, Entries: [] })),
    ).rejects.toBeInstanceOf(EmptyBatchRequest);
    await expect(
      sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: url,
          Entries: [
            { Id: 'x', ReceiptHandle: 'h' },
            { Id: 'x', ReceiptHandle: 'h' },
          ],
        }),
      ),
    ).rejects.toBeInstanceOf(BatchEntryIdsNotDistinct);
  });

  it('answers the documented errors as the SDK’s typed exceptions', async () => {
    const missing = `${emulator.url}/111122223333/no-such-queue`;
    const error = await sqs
      .send(new SendMessageCommand({ QueueUrl: missing, MessageBody: 'x' }))
      .catch(e => e);
    expect(error).toBeInstanceOf(QueueDoesNotExist);
    expect(error).toMatchObject({
      Code: 'AWS.SimpleQueueService.NonExistentQueue',
      message: 'The specified queue does not exist.',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(
      sqs.send(new GetQueueUrlCommand({ QueueName: 'no-such-queue' })),
    ).rejects.toBeInstanceOf(QueueDoesNotExist);

    const url = await newQueue();
    await expect(
      sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: 'x' })),
    ).rejects.toBeInstanceOf(ReceiptHandleIsInvalid);
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x' }));
    const { Messages } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: url, VisibilityTimeout: 0 }),
    );
    await expect(
      sqs.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: url,
          ReceiptHandle: Messages![0].ReceiptHandle,
          VisibilityTimeout: 10,
        }),
      ),
    ).rejects.toBeInstanceOf(MessageNotInflight);
    await sqs.send(new PurgeQueueCommand({ QueueUrl: url }));
    const purged = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url }));
    expect(purged.Messages).toBeUndefined();
    await expect(
      sqs.send(new PurgeQueueCommand({ QueueUrl: url })),
    ).rejects.toBeInstanceOf(PurgeQueueInProgress);
  });

  it('works as @backstage/plugin-events-backend-module-aws-sqs calls it: no endpoint, the queue URL routes', async () => {
    const url = await newQueue();
    await sqs.send(
      new SendMessageCommand({ QueueUrl: url, MessageBody: '{"n":1}' }),
    );
    // The module's client: region only, the endpoint resolved from QueueUrl.
    const consumer = new SQSClient({
      region: 'us-east-1',
      credentials,
      maxAttempts: 1,
      logger: { debug() {}, info() {}, warn() {}, error() {} },
    });
    try {
      const data = await consumer.send(
        new ReceiveMessageCommand({
          MaxNumberOfMessages: 10,
          MessageAttributeNames: ['All'],
          QueueUrl: url,
          VisibilityTimeout: undefined,
          WaitTimeSeconds: 20,
        }),
      );
      expect(data.Messages?.map(m => JSON.parse(m.Body!))).toEqual([{ n: 1 }]);
      const deleted = await consumer.send(
        new DeleteMessageBatchCommand({
          QueueUrl: url,
          Entries: data.Messages!.map((m, i) => ({
            Id: m.MessageId ?? `message-${i}`,
            ReceiptHandle: m.ReceiptHandle,
          })),
        }),
      );
      expect(deleted.Failed ?? []).toEqual([]);
    } finally {
      consumer.destroy();
    }
  });
});

describe('SQS knobs', () => {
  it('throttles and fails SQS calls as it does the other services', async () => {
    const state = createEmptyState(1);
    createOrganization(state, { managementAccountId: '111122223333' });
    const emulator = await startEmulator({
      state,
      rateLimit: { sqs: { tps: 0.001, burst: 1 } },
    });
    const sqs = sqsClient(emulator.url);
    try {
      await sqs.send(new CreateQueueCommand({ QueueName: 'knobs' }));
      await expect(
        sqs.send(new GetQueueUrlCommand({ QueueName: 'knobs' })),
      ).rejects.toBeInstanceOf(RequestThrottled);
      expect(emulator.stats().throttled).toBe(1);
    } finally {
      sqs.destroy();
      await emulator.close();
    }
  });

  it('injects SQS server errors and access denied', async () => {
    const state = createEmptyState(1);
    createOrganization(state, { managementAccountId: '111122223333' });
    const emulator = await startEmulator({ state });
    const sqs = sqsClient(emulator.url);
    try {
      const { QueueUrl } = await sqs.send(
        new CreateQueueCommand({ QueueName: 'faults' }),
      );
      emulator.setFaults({ serverErrorBurst: { service: 'sqs', count: 1 } });
      await expect(
        sqs.send(new ReceiveMessageCommand({ QueueUrl })),
      ).rejects.toMatchObject({
        name: 'InternalFailure',
        $metadata: { httpStatusCode: 500 },
      });
      await expect(
        sqs.send(new ReceiveMessageCommand({ QueueUrl })),
      ).resolves.toBeDefined();
      emulator.setFaults({ accessDenied: ['sqs'] });
      await expect(
        sqs.send(new ReceiveMessageCommand({ QueueUrl })),
      ).rejects.toMatchObject({ Code: 'AccessDenied' });
    } finally {
      sqs.destroy();
      await emulator.close();
    }
  });
});
