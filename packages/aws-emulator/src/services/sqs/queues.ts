import { randomUUID } from 'node:crypto';
import { AwsError } from '../../protocol/errors';
import { md5Hex, md5OfMessageAttributes, MessageAttributes } from './digests';

/** The queue attributes the emulator keeps, in seconds or bytes. @public */
export interface QueueAttributes {
  VisibilityTimeout: number;
  DelaySeconds: number;
  ReceiveMessageWaitTimeSeconds: number;
  MessageRetentionPeriod: number;
  MaximumMessageSize: number;
}

/** Ranges and defaults from the CreateQueue API reference. */
export const QUEUE_ATTRIBUTE_LIMITS: Record<
  keyof QueueAttributes,
  { min: number; max: number; default: number }
> = {
  VisibilityTimeout: { min: 0, max: 43_200, default: 30 },
  DelaySeconds: { min: 0, max: 900, default: 0 },
  ReceiveMessageWaitTimeSeconds: { min: 0, max: 20, default: 0 },
  MessageRetentionPeriod: { min: 60, max: 1_209_600, default: 345_600 },
  MaximumMessageSize: { min: 1_024, max: 1_048_576, default: 1_048_576 },
};

/** One message of a queue. @public */
export interface QueueMessage {
  id: string;
  body: string;
  md5OfBody: string;
  attributes: MessageAttributes;
  md5OfMessageAttributes?: string;
  senderId: string;
  sentAt: number;
  /** When the message can next be received (delay or visibility timeout). */
  visibleAt: number;
  receiveCount: number;
  firstReceivedAt?: number;
  /** The receipt handle of the latest receive; only it deletes the message. */
  receiptHandle?: string;
}

/** A standard queue. @public */
export interface Queue {
  accountId: string;
  name: string;
  arn: string;
  attributes: QueueAttributes;
  createdAt: number;
  lastModifiedAt: number;
  /** In send order. */
  messages: Map<string, QueueMessage>;
  lastPurgeAt?: number;
}

function queueDoesNotExist(): AwsError {
  return new AwsError(
    'QueueDoesNotExist',
    'The specified queue does not exist.',
  );
}

export function receiptHandleIsInvalid(handle: string): AwsError {
  return new AwsError(
    'ReceiptHandleIsInvalid',
    `The input receipt handle "${handle}" is not a valid receipt handle.`,
  );
}

interface Waiter {
  queue: Queue;
  wake(): void;
}

/**
 * The queues the emulator serves, keyed by account and name as their URL
 * path `/<accountId>/<queueName>`. Receiving waits (long polling) until a
 * message is visible, the wait time ends or the store closes.
 *
 * @public
 */
export class QueueStore {
  readonly region: string;
  readonly #queues = new Map<string, Queue>();
  readonly #waiters = new Set<Waiter>();
  readonly #now: () => number;
  #closed = false;

  constructor(region: string, now: () => number = Date.now) {
    this.region = region;
    this.#now = now;
  }

  now(): number {
    return this.#now();
  }

  /** Creates the queue, or answers the existing one if its attributes match. */
  create(accountId: string, name: string, attributes: QueueAttributes): Queue {
    const key = `${accountId}/${name}`;
    const existing = this.#queues.get(key);
    if (existing) {
      const same = (Object.keys(attributes) as (keyof QueueAttributes)[]).every(
        k => existing.attributes[k] === attributes[k],
      );
      if (!same) {
        throw new AwsError(
          'QueueNameExists',
          'A queue already exists with the same name and a different value for attribute(s).',
        );
      }
      return existing;
    }
    const now = this.#now();
    const queue: Queue = {
      accountId,
      name,
      arn: `arn:aws:sqs:${this.region}:${accountId}:${name}`,
      attributes,
      createdAt: now,
      lastModifiedAt: now,
      messages: new Map(),
    };
    this.#queues.set(key, queue);
    return queue;
  }

  /** The queue named by `accountId` and `name`, or QueueDoesNotExist. */
  get(accountId: string, name: string): Queue {
    const queue = this.#queues.get(`${accountId}/${name}`);
    if (!queue) throw queueDoesNotExist();
    return queue;
  }

  /** The queue of a queue URL (`http(s)://host:port/<accountId>/<name>`). */
  byUrl(url: string): Queue {
    let path: string;
    try {
      path = new URL(url).pathname;
    } catch {
      throw queueDoesNotExist();
    }
    const match = /^\/(\d{12})\/([^/]+)\/?$/.exec(path);
    if (!match) throw queueDoesNotExist();
    return this.get(match[1], match[2]);
  }

  list(): Queue[] {
    return [...this.#queues.values()];
  }

  delete(queue: Queue) {
    this.#queues.delete(`${queue.accountId}/${queue.name}`);
    this.#notify(queue);
  }

  /** Adds a message; it is visible after `delaySeconds`. */
  send(
    queue: Queue,
    body: string,
    options: {
      attributes?: MessageAttributes;
      delaySeconds?: number;
      senderId: string;
    },
  ): QueueMessage {
    const now = this.#now();
    const attributes = options.attributes ?? {};
    const message: QueueMessage = {
      id: randomUUID(),
      body,
      md5OfBody: md5Hex(body),
      attributes,
      md5OfMessageAttributes:
        Object.keys(attributes).length > 0
          ? md5OfMessageAttributes(attributes)
          : undefined,
      senderId: options.senderId,
      sentAt: now,
      visibleAt:
        now + 1000 * (options.delaySeconds ?? queue.attributes.DelaySeconds),
      receiveCount: 0,
    };
    queue.messages.set(message.id, message);
    this.#notify(queue);
    return message;
  }

  /**
   * Receives up to `max` visible messages, waiting up to `waitSeconds` for
   * the first; each received message stays invisible for
   * `visibilitySeconds` and gets a new receipt handle.
   */
  async receive(
    queue: Queue,
    max: number,
    visibilitySeconds: number,
    waitSeconds: number,
  ): Promise<QueueMessage[]> {
    const deadline = this.#now() + waitSeconds * 1000;
    for (;;) {
      this.#expire(queue);
      const received = this.#take(queue, max, visibilitySeconds);
      const now = this.#now();
      if (received.length > 0 || now >= deadline || this.#closed) {
        return received;
      }
      const next = Math.min(deadline, this.#nextVisibleAt(queue) ?? deadline);
      await this.#wait(queue, Math.max(1, next - now));
    }
  }

  /** The message a receipt handle names, and whether it is its latest. */
  findByHandle(queue: Queue, handle: string) {
    const messageId = decodeHandle(queue, handle);
    if (messageId === undefined) throw receiptHandleIsInvalid(handle);
    const message = queue.messages.get(messageId);
    return { message, latest: message?.receiptHandle === handle };
  }

  /**
   * Deletes the message of a receipt handle. AWS: "you must provide the
   * most recently received ReceiptHandle for the message (otherwise, the
   * request succeeds, but the message will not be deleted)".
   */
  deleteByHandle(queue: Queue, handle: string) {
    const { message, latest } = this.findByHandle(queue, handle);
    if (message && latest) queue.messages.delete(message.id);
  }

  /** Makes an in-flight message visible again after `seconds`. */
  changeVisibility(queue: Queue, handle: string, seconds: number) {
    const { message, latest } = this.findByHandle(queue, handle);
    const now = this.#now();
    if (!message || !latest || message.visibleAt <= now) {
      throw new AwsError(
        'MessageNotInflight',
        'The specified message isn\u2019t in flight.',
      );
    }
    message.visibleAt = now + seconds * 1000;
    this.#notify(queue);
  }

  /** Deletes every message; a second purge within 60 s is refused, as AWS does. */
  purge(queue: Queue) {
    const now = this.#now();
    if (queue.lastPurgeAt !== undefined && now - queue.lastPurgeAt < 60_000) {
      throw new AwsError(
        'PurgeQueueInProgress',
        `Only one PurgeQueue operation on ${queue.name} is allowed every 60 seconds.`,
        403,
      );
    }
    queue.lastPurgeAt = now;
    queue.messages.clear();
  }

  /** Counts for GetQueueAttributes. */
  counts(queue: Queue) {
    this.#expire(queue);
    const now = this.#now();
    let visible = 0;
    let inFlight = 0;
    let delayed = 0;
    for (const message of queue.messages.values()) {
      if (message.visibleAt <= now) visible++;
      else if (message.receiveCount > 0) inFlight++;
      else delayed++;
    }
    return { visible, inFlight, delayed };
  }

  /** Ends every long poll (they answer what they have: nothing). */
  close() {
    this.#closed = true;
    for (const waiter of this.#waiters) waiter.wake();
  }

  #take(queue: Queue, max: number, visibilitySeconds: number) {
    const now = this.#now();
    const received: QueueMessage[] = [];
    for (const message of queue.messages.values()) {
      if (received.length >= max) break;
      if (message.visibleAt > now) continue;
      message.receiveCount++;
      message.firstReceivedAt ??= now;
      message.visibleAt = now + visibilitySeconds * 1000;
      message.receiptHandle = encodeHandle(queue, message.id);
      received.push({ ...message });
    }
    return received;
  }

  /** Drops messages older than the retention period. */
  #expire(queue: Queue) {
    const oldest = this.#now() - queue.attributes.MessageRetentionPeriod * 1000;
    for (const message of queue.messages.values()) {
      if (message.sentAt < oldest) queue.messages.delete(message.id);
    }
  }

  #nextVisibleAt(queue: Queue): number | undefined {
    let next: number | undefined;
    for (const message of queue.messages.values()) {
      if (next === undefined || message.visibleAt < next) {
        next = message.visibleAt;
      }
    }
    return next;
  }

  #wait(queue: Queue, ms: number): Promise<void> {
    return new Promise(resolve => {
      let timer: NodeJS.Timeout | undefined = undefined;
      const waiter: Waiter = {
        queue,
        wake: () => {
          clearTimeout(timer);
          this.#waiters.delete(waiter);
          resolve();
        },
      };
      timer = setTimeout(waiter.wake, ms);
      this.#waiters.add(waiter);
    });
  }

  #notify(queue: Queue) {
    for (const waiter of this.#waiters) {
      if (waiter.queue === queue) waiter.wake();
    }
  }
}

/** An opaque receipt handle: the queue, the message and a nonce, base64. */
function encodeHandle(queue: Queue, messageId: string): string {
  return Buffer.from(
    `${queue.accountId}/${queue.name}\n${messageId}\n${randomUUID()}`,
  ).toString('base64');
}

function decodeHandle(queue: Queue, handle: string): string | undefined {
  const parts = Buffer.from(handle, 'base64').toString('utf8').split('\n');
  if (parts.length !== 3 || parts[0] !== `${queue.accountId}/${queue.name}`) {
    return undefined;
  }
  return parts[1];
}
