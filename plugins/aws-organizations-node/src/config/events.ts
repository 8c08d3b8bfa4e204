import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  invalidConfig,
  readAt,
  readBoolean,
  readOptionalHttpUrl,
  readOptionalString,
  readPositiveInteger,
  readSchedule,
} from './rules';

/**
 * Incremental updates from CloudTrail events (`awsOrganizations.events`):
 * EventBridge routes the organization's CloudTrail events to an SQS queue,
 * `@backstage/plugin-events-backend-module-aws-sqs` publishes each message
 * on {@link AwsOrganizationsEventsConfig.topic}, and the backend re-reads
 * only what each event changed. A full read stays as the reconciliation.
 *
 * @public
 */
export interface AwsOrganizationsEventsConfig {
  /** Off by default. */
  enabled: boolean;
  /** The events topic the SQS module publishes the queue's messages on. */
  topic: string;
  /** The queue, for its health check (the SQS module reads it). */
  queue: {
    url: string;
    region: string;
    /** Endpoint override (an emulator, a VPC endpoint). */
    endpoint?: string;
  };
  /** How events are gathered and the queue checked. */
  poll: {
    /** Events arriving within this window are applied together. */
    batchWindowMs: number;
    /** How often the queue is checked (GetQueueAttributes). */
    healthCheckSeconds: number;
  };
  /** The full read (reconciliation) while events are on; default daily. */
  reconciliationSchedule: SchedulerServiceTaskScheduleDefinition;
}

/** The events topic the demo and the README use. @public */
export const DEFAULT_EVENTS_TOPIC = 'aws-organizations-cloudtrail';

/**
 * The default reconciliation while events are on: a full read once a day
 * (and at startup, as every sync schedule).
 *
 * @public
 */
export const DEFAULT_RECONCILIATION_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { hours: 24 },
    timeout: { minutes: 60 },
    initialDelay: { seconds: 5 },
  };

const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/;
// A config key too: the SQS module names its topics by config keys.
const TOPIC_PATTERN = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/i;

function readUrl(config: Config, key: string, required: boolean) {
  const value = readOptionalHttpUrl(config, key);
  if (value === undefined && required) {
    throw invalidConfig(key, 'is required when events are on');
  }
  return value;
}

/** A queue URL names the account and the queue: `<origin>/<account id>/<name>`. */
function readQueueUrl(config: Config, key: string): string {
  const value = readUrl(config, key, true)!;
  const path = new URL(value).pathname.replace(/\/+$/, '');
  if (!/^\/\d{12}\/[\w-]{1,80}$/.test(path)) {
    throw invalidConfig(
      key,
      `"${value}" is not an SQS queue URL (<endpoint>/<account id>/<queue name>)`,
    );
  }
  return value;
}

function readBounded(
  config: Config,
  key: string,
  fallback: number,
  max: number,
): number {
  const value = readPositiveInteger(config, key) ?? fallback;
  if (value > max) {
    throw invalidConfig(key, `${value} is more than ${max}`);
  }
  return value;
}

/** Where the SQS module reads the queue of a topic. */
const SQS_MODULE_TOPICS =
  'events.modules.awsSqs.awsSqsConsumingEventPublisher.topics';

/**
 * When the SQS module is configured for the topic, it must read the queue
 * this config names: two different queues would leave the health check
 * watching one queue while the events come from another.
 */
function checkSqsModuleQueue(rootConfig: Config, topic: string, url: string) {
  const topics = rootConfig.getOptionalConfig(SQS_MODULE_TOPICS);
  if (!topics || !topics.keys().includes(topic)) return;
  const moduleUrl = topics.getOptionalString(`${topic}.queue.url`);
  if (moduleUrl !== undefined && moduleUrl !== url) {
    throw invalidConfig(
      'events.queue.url',
      `"${url}" differs from ${SQS_MODULE_TOPICS}.${topic}.queue.url ("${moduleUrl}"), the queue the SQS module reads for the topic`,
    );
  }
}

/**
 * Reads `awsOrganizations.events` (keys relative to `awsOrganizations`).
 * When events are off, only `enabled` is read: the rest may be absent.
 */
export function readEventsConfig(
  rootConfig: Config,
  config: Config,
): AwsOrganizationsEventsConfig {
  const enabled = readBoolean(config, 'events.enabled', false);
  const topic =
    readOptionalString(config, 'events.topic') ?? DEFAULT_EVENTS_TOPIC;
  if (!TOPIC_PATTERN.test(topic)) {
    throw invalidConfig(
      'events.topic',
      `"${topic}" is not an events topic: letters and digits, joined by "-" or "_" (it is a config key of the SQS module)`,
    );
  }
  const reconciliationSchedule = readSchedule(
    config,
    'events.reconciliation.schedule',
    DEFAULT_RECONCILIATION_SCHEDULE,
  );
  const poll = {
    batchWindowMs: readBounded(
      config,
      'events.poll.batchWindowMs',
      2000,
      60_000,
    ),
    healthCheckSeconds: readBounded(
      config,
      'events.poll.healthCheckSeconds',
      60,
      3600,
    ),
  };
  if (!enabled) {
    return {
      enabled,
      topic,
      queue: { url: '', region: 'us-east-1' },
      poll,
      reconciliationSchedule,
    };
  }
  readAt('events.queue', () => config.getConfig('events.queue'));
  const url = readQueueUrl(config, 'events.queue.url');
  const region = readOptionalString(config, 'events.queue.region');
  if (region === undefined || !REGION_PATTERN.test(region)) {
    throw invalidConfig(
      'events.queue.region',
      region === undefined
        ? 'is required when events are on'
        : `"${region}" is not an AWS region name`,
    );
  }
  const endpoint = readUrl(config, 'events.queue.endpoint', false);
  checkSqsModuleQueue(rootConfig, topic, url);
  return {
    enabled,
    topic,
    queue: { url, region, ...(endpoint ? { endpoint } : {}) },
    poll,
    reconciliationSchedule,
  };
}
