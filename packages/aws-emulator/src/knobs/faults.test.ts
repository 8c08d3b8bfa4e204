import { ListTagsForResourceCommand } from '@aws-sdk/client-organizations';
import { sdkClients } from '../__testUtils__/clients';
import { RunningEmulator, startEmulator } from '../emulator';
import { FaultInjector } from './faults';

describe('faults for some resources only', () => {
  let emulator: RunningEmulator;
  let aws: ReturnType<typeof sdkClients>;
  beforeAll(async () => {
    emulator = await startEmulator({
      dataset: 'demo',
      faults: {
        errorRate: {
          ListTagsForResource: { rate: 1, resources: ['724108355201'] },
        },
      },
    });
    aws = sdkClients(emulator.url);
  });
  afterAll(async () => {
    aws.destroy();
    await emulator.close();
  });

  it('fails the calls naming a listed resource and answers the others', async () => {
    await expect(
      aws.organizations.send(
        new ListTagsForResourceCommand({ ResourceId: '724108355201' }),
      ),
    ).rejects.toMatchObject({ name: 'ServiceException' });
    await expect(
      aws.organizations.send(
        new ListTagsForResourceCommand({ ResourceId: '724108355202' }),
      ),
    ).resolves.toMatchObject({ Tags: expect.any(Array) });
    expect(emulator.stats().faultsInjected).toBe(1);
  });
});

describe('an error rate with a limit', () => {
  it('fails at most `limit` calls of the operation, then answers, until the faults are set again', () => {
    const faults = new FaultInjector(1, {
      errorRate: {
        ListTargetsForPolicy: {
          rate: 1,
          limit: 2,
          code: 'TooManyRequestsException',
        },
      },
    });
    const call =
      (operation = 'ListTargetsForPolicy') =>
      () =>
        faults.beforeCall('organizations', operation, { PolicyId: 'p-1' });
    expect(call()).toThrow(
      expect.objectContaining({ code: 'TooManyRequestsException' }),
    );
    expect(call()).toThrow();
    expect(call()).not.toThrow();
    expect(call('DescribePolicy')).not.toThrow();
    expect(faults.injected).toBe(2);
    faults.setFaults(faults.faults);
    expect(call()).toThrow();
  });
});
