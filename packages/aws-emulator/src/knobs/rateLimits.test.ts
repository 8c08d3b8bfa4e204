import { ListRootsCommand } from '@aws-sdk/client-organizations';
import {
  ListInstancesCommand,
  ThrottlingException as SsoThrottling,
} from '@aws-sdk/client-sso-admin';
import {
  ListUsersCommand,
  ThrottlingException as IdsThrottling,
} from '@aws-sdk/client-identitystore';
import { sdkClients } from '../__testUtils__/clients';
import { DEMO_IDS } from '../datasets';
import { RunningEmulator, startEmulator } from '../emulator';
import { RateLimiters } from './rateLimits';

describe('collective Identity Center rate limit', () => {
  it('takes SSO Admin and Identity Store calls from one bucket, Organizations apart', () => {
    let now = 0;
    const limits = new RateLimiters(
      {
        identityCenter: { tps: 1, burst: 2 },
        organizations: { tps: 1, burst: 1 },
      },
      () => now,
    );
    expect(limits.tryTake('ssoAdmin')).toBe(true);
    expect(limits.tryTake('identityStore')).toBe(true);
    expect(limits.tryTake('identityStore')).toBe(false);
    expect(limits.tryTake('ssoAdmin')).toBe(false);
    expect(limits.tryTake('organizations')).toBe(true);
    now = 1000;
    expect(limits.tryTake('identityStore')).toBe(true);
    expect(limits.tryTake('ssoAdmin')).toBe(false);
  });

  it('applies a per-service bucket on top of the collective one', () => {
    const limits = new RateLimiters(
      { identityCenter: { tps: 1, burst: 10 }, ssoAdmin: { tps: 1, burst: 1 } },
      () => 0,
    );
    expect(limits.tryTake('ssoAdmin')).toBe(true);
    expect(limits.tryTake('ssoAdmin')).toBe(false);
    expect(limits.tryTake('identityStore')).toBe(true);
  });

  describe('over HTTP', () => {
    let emulator: RunningEmulator;
    let aws: ReturnType<typeof sdkClients>;
    beforeAll(async () => {
      emulator = await startEmulator({
        rateLimit: { identityCenter: { tps: 0.001, burst: 1 } },
      });
      aws = sdkClients(emulator.url);
    });
    afterAll(async () => {
      aws.destroy();
      await emulator.close();
    });

    it('answers each protocol’s ThrottlingException once the shared bucket is empty', async () => {
      await aws.ssoAdmin.send(new ListInstancesCommand({}));
      await expect(
        aws.identityStore.send(
          new ListUsersCommand({ IdentityStoreId: DEMO_IDS.identityStoreId }),
        ),
      ).rejects.toBeInstanceOf(IdsThrottling);
      await expect(
        aws.ssoAdmin.send(new ListInstancesCommand({})),
      ).rejects.toBeInstanceOf(SsoThrottling);
      await expect(
        aws.organizations.send(new ListRootsCommand({})),
      ).resolves.toBeDefined();
      expect(emulator.stats().throttled).toBe(2);
    });
  });
});
