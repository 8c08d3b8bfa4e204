import { AwsError } from '../../protocol/errors';
import { OperationContext, OperationTable } from '../types';
import { MessageAttributes } from './digests';
import {
  callerAccountId,
  checkBody,
  invalidParameter,
  messageAttributes,
  optionalInteger,
  queueOf,
  queuesOf,
  queueUrl,
  requiredString,
} from './params';
import {
  Queue,
  QUEUE_ATTRIBUTE_LIMITS,
  QueueAttributes,
  QueueMessage,
} from './queues';
import { batchEntries } from './batch';

const QUEUE_NAME = /^[A-Za-z0-9_-]{1,80}$/;

function invalidAttributeName(name: string): AwsError {
  return new AwsError('InvalidAttributeName', `Unknown Attribute ${name}.`);
}

/** CreateQueue's `Attributes`: the emulated ones, range-checked. */
function queueAttributes(ctx: OperationContext): QueueAttributes {
  const given = ctx.input.optionalObject('Attributes') ?? {};
  const attributes = Object.fromEntries(
    Object.entries(QUEUE_ATTRIBUTE_LIMITS).map(([k, v]) => [k, v.default]),
  ) as unknown as QueueAttributes;
  for (const [name, value] of Object.entries(given)) {
    if (name === 'FifoQueue' && value === 'true') {
      throw invalidParameter(
        'The emulator serves standard queues only (FifoQueue is not emulated).',
      );
    }
    const limits = QUEUE_ATTRIBUTE_LIMITS[name as keyof QueueAttributes];
    if (!limits) throw invalidAttributeName(name);
    const parsed = Number(value);
    if (
      typeof value !== 'string' ||
      !/^\d+$/.test(value) ||
      parsed < limits.min ||
      parsed > limits.max
    ) {
      throw new AwsError(
        'InvalidAttributeValue',
        `Invalid value for the parameter ${name}.`,
      );
    }
    attributes[name as keyof QueueAttributes] = parsed;
  }
  return attributes;
}

const SYSTEM_ATTRIBUTES = [
  'SenderId',
  'SentTimestamp',
  'ApproximateReceiveCount',
  'ApproximateFirstReceiveTimestamp',
] as const;

function systemAttributes(message: QueueMessage, names: string[]) {
  const all: Record<(typeof SYSTEM_ATTRIBUTES)[number], string> = {
    SenderId: message.senderId,
    SentTimestamp: String(message.sentAt),
    ApproximateReceiveCount: String(message.receiveCount),
    ApproximateFirstReceiveTimestamp: String(message.firstReceivedAt),
  };
  const wanted: readonly string[] = names.includes('All')
    ? SYSTEM_ATTRIBUTES
    : names;
  const picked = Object.fromEntries(
    Object.entries(all).filter(([k]) => wanted.includes(k)),
  );
  return Object.keys(picked).length > 0 ? picked : undefined;
}

/** MessageAttributeNames: `All`, `.*`, names, or `prefix.*`. */
function pickMessageAttributes(attributes: MessageAttributes, names: string[]) {
  const matches = (name: string) =>
    names.some(
      n =>
        n === 'All' ||
        n === '.*' ||
        n === name ||
        (n.endsWith('.*') && name.startsWith(n.slice(0, -1))),
    );
  const picked = Object.fromEntries(
    Object.entries(attributes).filter(([k]) => matches(k)),
  );
  return Object.keys(picked).length > 0 ? picked : undefined;
}

function sizeOf(body: string, attributes: MessageAttributes): number {
  let size = Buffer.byteLength(body);
  for (const [name, value] of Object.entries(attributes)) {
    size += Buffer.byteLength(name) + Buffer.byteLength(value.DataType);
    size += value.BinaryValue
      ? Buffer.from(value.BinaryValue, 'base64').length
      : Buffer.byteLength(value.StringValue ?? '');
  }
  return size;
}

function stringList(ctx: OperationContext, name: string): string[] {
  return ctx.input
    .array(name)
    .filter((v): v is string => typeof v === 'string');
}

function queueAttributesAnswer(ctx: OperationContext, queue: Queue) {
  const { queues } = queuesOf(ctx);
  const counts = queues.counts(queue);
  const all: Record<string, string> = {
    QueueArn: queue.arn,
    ApproximateNumberOfMessages: String(counts.visible),
    ApproximateNumberOfMessagesNotVisible: String(counts.inFlight),
    ApproximateNumberOfMessagesDelayed: String(counts.delayed),
    CreatedTimestamp: String(Math.floor(queue.createdAt / 1000)),
    LastModifiedTimestamp: String(Math.floor(queue.lastModifiedAt / 1000)),
    ...Object.fromEntries(
      Object.entries(queue.attributes).map(([k, v]) => [k, String(v)]),
    ),
  };
  const names = stringList(ctx, 'AttributeNames');
  if (names.includes('All')) return all;
  const picked: Record<string, string> = {};
  for (const name of names) {
    if (!(name in all)) throw invalidAttributeName(name);
    picked[name] = all[name];
  }
  return picked;
}

/** The SQS operations the emulator answers, on standard queues. */
export const sqsOperations: OperationTable = {
  CreateQueue: ctx => {
    const name = requiredString(ctx, 'QueueName');
    if (!QUEUE_NAME.test(name)) {
      throw invalidParameter(
        'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length',
      );
    }
    const { queues } = queuesOf(ctx);
    const queue = queues.create(
      callerAccountId(ctx),
      name,
      queueAttributes(ctx),
    );
    return { QueueUrl: queueUrl(ctx, queue) };
  },

  GetQueueUrl: ctx => {
    const name = requiredString(ctx, 'QueueName');
    const owner =
      ctx.input.optionalString('QueueOwnerAWSAccountId') ??
      callerAccountId(ctx);
    const queue = queuesOf(ctx).queues.get(owner, name);
    return { QueueUrl: queueUrl(ctx, queue) };
  },

  ListQueues: ctx => {
    const prefix = ctx.input.optionalString('QueueNamePrefix') ?? '';
    const urls = queuesOf(ctx)
      .queues.list()
      .filter(q => q.name.startsWith(prefix))
      .map(q => queueUrl(ctx, q));
    return urls.length > 0 ? { QueueUrls: urls } : {};
  },

  DeleteQueue: ctx => {
    const { queues, queue } = queueOf(ctx);
    queues.delete(queue);
    return {};
  },

  GetQueueAttributes: ctx => {
    const { queue } = queueOf(ctx);
    const attributes = queueAttributesAnswer(ctx, queue);
    return Object.keys(attributes).length > 0 ? { Attributes: attributes } : {};
  },

  SendMessage: ctx => {
    const { queues, queue } = queueOf(ctx);
    const body = requiredString(ctx, 'MessageBody');
    checkBody(body);
    const delaySeconds = optionalInteger(ctx, 'DelaySeconds', 0, 900);
    const attributes = messageAttributes(ctx);
    const size = sizeOf(body, attributes);
    if (size > queue.attributes.MaximumMessageSize) {
      throw invalidParameter(
        `One or more parameters are invalid. Reason: Message must be shorter than ${queue.attributes.MaximumMessageSize} bytes.`,
      );
    }
    const message = queues.send(queue, body, {
      attributes,
      delaySeconds,
      senderId: ctx.origin?.accessKeyId ?? callerAccountId(ctx),
    });
    return {
      MessageId: message.id,
      MD5OfMessageBody: message.md5OfBody,
      ...(message.md5OfMessageAttributes
        ? { MD5OfMessageAttributes: message.md5OfMessageAttributes }
        : {}),
    };
  },

  ReceiveMessage: async ctx => {
    const { queues, queue } = queueOf(ctx);
    const max =
      optionalInteger(
        ctx,
        'MaxNumberOfMessages',
        1,
        10,
        'Must be between 1 and 10, if provided.',
      ) ?? 1;
    const visibility =
      optionalInteger(ctx, 'VisibilityTimeout', 0, 43_200) ??
      queue.attributes.VisibilityTimeout;
    const wait =
      optionalInteger(ctx, 'WaitTimeSeconds', 0, 20) ??
      queue.attributes.ReceiveMessageWaitTimeSeconds;
    const systemNames = [
      ...stringList(ctx, 'AttributeNames'),
      ...stringList(ctx, 'MessageSystemAttributeNames'),
    ];
    const attributeNames = stringList(ctx, 'MessageAttributeNames');
    const received = await queues.receive(queue, max, visibility, wait);
    if (received.length === 0) return {};
    return {
      Messages: received.map(message => {
        const attributes = pickMessageAttributes(
          message.attributes,
          attributeNames,
        );
        return {
          MessageId: message.id,
          ReceiptHandle: message.receiptHandle,
          MD5OfBody: message.md5OfBody,
          Body: message.body,
          ...(message.md5OfMessageAttributes && attributes
            ? {
                MD5OfMessageAttributes: message.md5OfMessageAttributes,
                MessageAttributes: attributes,
              }
            : {}),
          ...(systemAttributes(message, systemNames)
            ? { Attributes: systemAttributes(message, systemNames) }
            : {}),
        };
      }),
    };
  },

  DeleteMessage: ctx => {
    const { queues, queue } = queueOf(ctx);
    queues.deleteByHandle(queue, requiredString(ctx, 'ReceiptHandle'));
    return {};
  },

  DeleteMessageBatch: ctx => {
    const { queues, queue } = queueOf(ctx);
    return batchEntries(ctx, entry => {
      queues.deleteByHandle(queue, entry.ReceiptHandle);
    });
  },

  ChangeMessageVisibility: ctx => {
    const { queues, queue } = queueOf(ctx);
    const handle = requiredString(ctx, 'ReceiptHandle');
    if (ctx.input.body.VisibilityTimeout === undefined) {
      throw invalidParameter(
        'The request must contain the parameter VisibilityTimeout.',
      );
    }
    const seconds = optionalInteger(ctx, 'VisibilityTimeout', 0, 43_200)!;
    queues.changeVisibility(queue, handle, seconds);
    return {};
  },

  ChangeMessageVisibilityBatch: ctx => {
    const { queues, queue } = queueOf(ctx);
    return batchEntries(ctx, entry => {
      const seconds = entry.VisibilityTimeout;
      if (
        typeof seconds !== 'number' ||
        !Number.isInteger(seconds) ||
        seconds < 0 ||
        seconds > 43_200
      ) {
        throw invalidParameter(
          `Value ${String(
            seconds,
          )} for parameter VisibilityTimeout is invalid. Reason: Must be >= 0 and <= 43200, if provided.`,
        );
      }
      queues.changeVisibility(queue, entry.ReceiptHandle, seconds);
    });
  },

  PurgeQueue: ctx => {
    const { queues, queue } = queueOf(ctx);
    queues.purge(queue);
    return {};
  },
};
