import { ConfigReader } from '@backstage/config';
import { DEFAULT_RECONCILIATION_SCHEDULE } from './events';
import { readAwsOrganizationsConfig } from './settings';

const QUEUE = 'http://127.0.0.1:4566/481516234200/aws-organizations-events';

const read = (events: object, root: object = {}) =>
  readAwsOrganizationsConfig(
    new ConfigReader({ ...root, awsOrganizations: { events } }),
  ).events;

describe('awsOrganizations.events', () => {
  it('is off by default, and needs nothing else then', () => {
    expect(read({})).toMatchObject({
      enabled: false,
      topic: 'aws-organizations-cloudtrail',
      reconciliationSchedule: DEFAULT_RECONCILIATION_SCHEDULE,
    });
    expect(DEFAULT_RECONCILIATION_SCHEDULE.frequency).toEqual({ hours: 24 });
  });

  it('reads the queue, the poll settings and the reconciliation schedule', () => {
    expect(
      read({
        enabled: true,
        topic: 'org-events',
        queue: {
          url: QUEUE,
          region: 'eu-west-1',
          endpoint: 'http://127.0.0.1:4566',
        },
        poll: { batchWindowMs: 500, healthCheckSeconds: 30 },
        reconciliation: {
          schedule: { frequency: { hours: 12 }, timeout: { hours: 1 } },
        },
      }),
    ).toEqual({
      enabled: true,
      topic: 'org-events',
      queue: {
        url: QUEUE,
        region: 'eu-west-1',
        endpoint: 'http://127.0.0.1:4566',
      },
      poll: { batchWindowMs: 500, healthCheckSeconds: 30 },
      reconciliationSchedule: expect.objectContaining({
        frequency: { hours: 12 },
      }),
    });
  });

  it.each([
    [{ enabled: 'maybe' }, 'awsOrganizations.events.enabled'],
    [{ enabled: true }, 'awsOrganizations.events.queue'],
    [
      { enabled: true, queue: { region: 'us-east-1' } },
      'awsOrganizations.events.queue.url',
    ],
    [
      {
        enabled: true,
        queue: {
          url: 'http://127.0.0.1:4566/not-a-queue',
          region: 'us-east-1',
        },
      },
      'awsOrganizations.events.queue.url',
    ],
    [
      { enabled: true, queue: { url: QUEUE } },
      'awsOrganizations.events.queue.region',
    ],
    [
      { enabled: true, queue: { url: QUEUE, region: 'mars-1' } },
      'awsOrganizations.events.queue.region',
    ],
    [
      {
        enabled: true,
        queue: { url: QUEUE, region: 'us-east-1', endpoint: 'ftp://x' },
      },
      'awsOrganizations.events.queue.endpoint',
    ],
    [{ topic: 'no spaces please' }, 'awsOrganizations.events.topic'],
    [
      { poll: { batchWindowMs: 0 } },
      'awsOrganizations.events.poll.batchWindowMs',
    ],
    [
      { poll: { healthCheckSeconds: 7200 } },
      'awsOrganizations.events.poll.healthCheckSeconds',
    ],
    [
      { reconciliation: { schedule: { frequency: 'daily' } } },
      'awsOrganizations.events.reconciliation.schedule',
    ],
  ])('stops startup naming the key: %j', (events, key) => {
    expect(() => read(events)).toThrow(`Invalid config at ${key}`);
  });

  it('refuses a queue other than the one the SQS module reads for the topic', () => {
    const sqsModule = (url: string) => ({
      events: {
        modules: {
          awsSqs: {
            awsSqsConsumingEventPublisher: {
              topics: {
                'aws-organizations-cloudtrail': {
                  queue: { url, region: 'us-east-1' },
                },
              },
            },
          },
        },
      },
    });
    const events = {
      enabled: true,
      queue: { url: QUEUE, region: 'us-east-1' },
    };
    expect(read(events, sqsModule(QUEUE)).enabled).toBe(true);
    expect(() =>
      read(
        events,
        sqsModule('https://sqs.us-east-1.amazonaws.com/123456789012/other'),
      ),
    ).toThrow(
      /Invalid config at awsOrganizations\.events\.queue\.url: .* differs from events\.modules\.awsSqs/,
    );
  });
});
