import { LoggerService } from '@backstage/backend-plugin-api';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { AwsOrganizationsEventsConfig } from '@aws-governance/plugin-aws-organizations-node';
import { AwsOrganizationsStore } from '../store/AwsOrganizationsStore';

/** What the last check of the queue found (this replica). */
export interface QueueHealth {
  checkedAt: string;
  readable: boolean;
  /** Messages waiting, as SQS approximates them. */
  approximateMessages?: number;
  /** Messages received and not deleted yet. */
  approximateMessagesInFlight?: number;
  /** The AWS error code when the queue cannot be read. */
  error?: string;
}

/** A claim left pending this long was never applied (its replica stopped). */
const STALE_CLAIM_MS = 10 * 60 * 1000;

/** The check of the queue and the claims. */
export interface QueueHealthCheck {
  check(): Promise<void>;
  status(): QueueHealth | undefined;
}

/**
 * Checks the queue the events come from, and the claims nobody finished.
 * A queue that cannot be read, or events claimed and never applied, are
 * gaps: a full read is asked for (once per outage of the queue; again
 * after `outageReadEveryMs` while it lasts).
 */
export function createQueueHealth(options: {
  config: AwsOrganizationsEventsConfig;
  store: AwsOrganizationsStore;
  logger: LoggerService;
  requestFullRead: (reason: string) => Promise<void>;
  /** While the queue stays unreadable, a full read this often. */
  outageReadEveryMs: number;
  sqs?: SQSClient;
  now?: () => Date;
}): QueueHealthCheck {
  const { config, store, logger, requestFullRead } = options;
  const now = options.now ?? (() => new Date());
  const sqs =
    options.sqs ??
    new SQSClient({
      region: config.queue.region,
      ...(config.queue.endpoint ? { endpoint: config.queue.endpoint } : {}),
      maxAttempts: 2,
    });
  let health: QueueHealth | undefined;
  let lastOutageRead = 0;

  async function checkQueue() {
    const checkedAt = now();
    try {
      const { Attributes = {} } = await sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: config.queue.url,
          AttributeNames: [
            'ApproximateNumberOfMessages',
            'ApproximateNumberOfMessagesNotVisible',
          ],
        }),
      );
      if (health && !health.readable) {
        logger.info('The AWS organization events queue can be read again');
      }
      health = {
        checkedAt: checkedAt.toISOString(),
        readable: true,
        approximateMessages: Number(
          Attributes.ApproximateNumberOfMessages ?? 0,
        ),
        approximateMessagesInFlight: Number(
          Attributes.ApproximateNumberOfMessagesNotVisible ?? 0,
        ),
      };
    } catch (error) {
      const code =
        (error as { Code?: string }).Code ?? (error as Error).name ?? 'Error';
      const wasReadable = health?.readable ?? true;
      health = {
        checkedAt: checkedAt.toISOString(),
        readable: false,
        error: code,
      };
      const due =
        checkedAt.getTime() - lastOutageRead >= options.outageReadEveryMs;
      if (wasReadable || due) {
        lastOutageRead = checkedAt.getTime();
        logger.warn(
          'The AWS organization events queue cannot be read; reading the organization in full',
          {
            queueUrl: config.queue.url,
            error: code,
          },
        );
        await requestFullRead(`the events queue cannot be read (${code})`);
      }
    }
  }

  async function checkClaims() {
    const stale = await store.events.failStalePending(
      new Date(now().getTime() - STALE_CLAIM_MS),
      now(),
    );
    if (stale > 0) {
      await requestFullRead(`${stale} claimed events were never applied`);
    }
  }

  return {
    async check(): Promise<void> {
      await checkQueue();
      await checkClaims();
    },
    status: () => health,
  };
}
