import { mockServices } from '@backstage/backend-test-utils';
import { readAwsOrganizationsConfig } from '@aws-governance/plugin-aws-organizations-node';
import { ConfigReader } from '@backstage/config';
import { createEventsSubscriber } from './createEventsSubscriber';

const config = readAwsOrganizationsConfig(
  new ConfigReader({
    awsOrganizations: {
      events: {
        enabled: true,
        queue: {
          url: 'https://sqs.us-east-1.amazonaws.com/111122223333/q',
          region: 'us-east-1',
        },
        poll: { batchWindowMs: 1 },
      },
    },
  }),
).events;

const tagEvent = {
  version: '0',
  id: 'e-1',
  'detail-type': 'AWS API Call via CloudTrail',
  source: 'aws.organizations',
  account: '111122223333',
  time: '2026-12-03T10:00:00Z',
  region: 'us-east-1',
  resources: [],
  detail: {
    eventSource: 'organizations.amazonaws.com',
    eventName: 'TagResource',
    awsRegion: 'us-east-1',
    requestParameters: {
      resourceId: '724108355201',
      tags: [{ key: 'owner', value: 'platform' }],
    },
    eventType: 'AwsApiCall',
  },
};

describe('createEventsSubscriber', () => {
  it('asks for a full read when an event cannot be claimed (the SQS module has deleted its message)', async () => {
    const requestFullRead = jest.fn(async () => {});
    const applyTargets = jest.fn();
    const subscriber = createEventsSubscriber({
      config,
      store: {
        events: {
          claim: async () => {
            throw new Error('database unavailable');
          },
        },
      } as any,
      engine: { applyTargets } as any,
      logger: mockServices.logger.mock(),
      requestFullRead,
    });
    await subscriber.onEvent(tagEvent);
    await subscriber.flush();
    expect(requestFullRead).toHaveBeenCalledWith(
      'an event could not be claimed (database unavailable)',
    );
    expect(applyTargets).not.toHaveBeenCalled();
  });

  it('applies a claimed event and skips one claimed before', async () => {
    const claimed = new Set<string>();
    const finished: string[] = [];
    const applyTargets = jest.fn(async () => ({
      outcome: 'applied' as const,
      etag: 'x',
      changes: 1,
      calls: 1,
    }));
    const requestFullRead = jest.fn(async () => {});
    const subscriber = createEventsSubscriber({
      config,
      store: {
        events: {
          claim: async (e: { eventId: string }) =>
            !claimed.has(e.eventId) && Boolean(claimed.add(e.eventId)),
          finishApplied: async (items: { eventId: string }[]) => {
            finished.push(...items.map(i => i.eventId));
          },
        },
      } as any,
      engine: { applyTargets } as any,
      logger: mockServices.logger.mock(),
      requestFullRead,
    });
    await subscriber.onEvent(tagEvent);
    await subscriber.onEvent(tagEvent);
    await subscriber.flush();
    expect(applyTargets).toHaveBeenCalledTimes(1);
    expect(applyTargets).toHaveBeenCalledWith([
      { kind: 'tags', resourceId: '724108355201' },
    ]);
    expect(finished).toEqual(['e-1']);
    expect(subscriber.duplicates()).toBe(1);
    expect(requestFullRead).not.toHaveBeenCalled();
  });
});
