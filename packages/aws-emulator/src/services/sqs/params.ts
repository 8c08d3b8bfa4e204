import { AwsError } from '../../protocol/errors';
import { OperationContext } from '../types';
import { MessageAttributes } from './digests';
import { Queue, QueueStore } from './queues';

/** The error SQS answers for a missing required parameter. */
export function missingParameter(name: string): AwsError {
  return new AwsError(
    'MissingParameter',
    `The request must contain the parameter ${name}.`,
  );
}

export function invalidParameter(message: string): AwsError {
  return new AwsError('InvalidParameterValue', message);
}

export function requiredString(ctx: OperationContext, name: string): string {
  const value = ctx.input.body[name];
  if (value === undefined || value === null || value === '') {
    throw missingParameter(name);
  }
  if (typeof value !== 'string') {
    throw invalidParameter(`Value for parameter ${name} is invalid.`);
  }
  return value;
}

/** An optional integer parameter within `[min, max]`, worded as SQS does. */
export function optionalInteger(
  ctx: OperationContext,
  name: string,
  min: number,
  max: number,
  reason = `Must be >= ${min} and <= ${max}, if provided.`,
): number | undefined {
  const value = ctx.input.body[name];
  if (value === undefined || value === null) return undefined;
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < min ||
    value > max
  ) {
    throw invalidParameter(
      `Value ${String(
        value,
      )} for parameter ${name} is invalid. Reason: ${reason}`,
    );
  }
  return value;
}

export function queuesOf(ctx: OperationContext) {
  if (!ctx.sqs) {
    throw new AwsError(
      'UnknownOperationException',
      'The emulator serves no queues here',
    );
  }
  return ctx.sqs;
}

/** The queue of the call's `QueueUrl`. */
export function queueOf(ctx: OperationContext): {
  queues: QueueStore;
  queue: Queue;
} {
  const { queues } = queuesOf(ctx);
  return { queues, queue: queues.byUrl(requiredString(ctx, 'QueueUrl')) };
}

/** The account whose queues the caller sees: the management account. */
export function callerAccountId(ctx: OperationContext): string {
  return ctx.state.organization?.managementAccountId ?? '000000000000';
}

export function queueUrl(ctx: OperationContext, queue: Queue): string {
  return `${queuesOf(ctx).baseUrl}/${queue.accountId}/${queue.name}`;
}

/**
 * Characters SQS allows in a body ("#x9 | #xA | #xD | #x20 to #xD7FF |
 * #xE000 to #xFFFD | #x10000 to #x10FFFF").
 */
const INVALID_BODY_CHAR =
  /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

export function checkBody(body: string) {
  if (INVALID_BODY_CHAR.test(body)) {
    throw new AwsError(
      'InvalidMessageContents',
      'Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF',
    );
  }
}

/** `MessageAttributes` of SendMessage: at most 10, each typed and valued. */
export function messageAttributes(ctx: OperationContext): MessageAttributes {
  const raw = ctx.input.optionalObject('MessageAttributes') ?? {};
  const entries = Object.entries(raw);
  if (entries.length > 10) {
    throw invalidParameter(
      `Number of message attributes [${entries.length}] exceeds the allowed maximum [10].`,
    );
  }
  const attributes: MessageAttributes = {};
  for (const [name, value] of entries) {
    const { DataType, StringValue, BinaryValue } = (value ?? {}) as Record<
      string,
      unknown
    >;
    if (
      typeof DataType !== 'string' ||
      !/^(String|Number|Binary)(\..+)?$/.test(DataType)
    ) {
      throw invalidParameter(
        `The type of message (user) attribute '${name}' is invalid. You must use only the following supported type prefixes: Binary, Number, String.`,
      );
    }
    const binary = DataType.startsWith('Binary');
    const given = binary ? BinaryValue : StringValue;
    if (typeof given !== 'string' || given.length === 0) {
      throw invalidParameter(
        `The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${DataType}'.`,
      );
    }
    attributes[name] = binary
      ? { DataType, BinaryValue: given }
      : { DataType, StringValue: given };
  }
  return attributes;
}
