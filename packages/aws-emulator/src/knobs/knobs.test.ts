import {
  AccessDeniedException as OrgAccessDenied,
  ListAccountsForParentCommand,
  ListRootsCommand,
  ServiceException,
  TooManyRequestsException,
} from '@aws-sdk/client-organizations';
import {
  InternalServerException,
  ListInstancesCommand,
  ThrottlingException as SsoThrottling,
} from '@aws-sdk/client-sso-admin';
import {
  AccessDeniedException as IdsAccessDenied,
  ListUsersCommand,
  ThrottlingException as IdsThrottling,
} from '@aws-sdk/client-identitystore';
import { sdkClients } from '../__testUtils__/clients';
import { DEMO_IDS } from '../datasets';
import { EmulatorOptions, RunningEmulator, startEmulator } from '../emulator';
import { LatencyModel } from './latency';
import { RateLimiters } from './rateLimits';

const STORE = DEMO_IDS.identityStoreId;

describe('knobs', () => {
  let emulator: RunningEmulator | undefined;
  let aws: ReturnType<typeof sdkClients>;
  const start = async (options: EmulatorOptions) => {
    emulator = await startEmulator(options);
    aws = sdkClients(emulator.url);
    return emulator;
  };
  afterEach(async () => {
    aws?.destroy();
    await emulator?.close();
    emulator = undefined;
  });

  it('throttles with each service’s own error when the bucket is empty', async () => {
    const em = await start({
      rateLimit: {
        organizations: { tps: 0.001, burst: 2 },
        ssoAdmin: { tps: 0.001, burst: 1 },
        identityStore: { tps: 0.001, burst: 1 },
      },
    });
    await aws.organizations.send(new ListRootsCommand({}));
    await aws.organizations.send(new ListRootsCommand({}));
    await expect(
      aws.organizations.send(new ListRootsCommand({})),
    ).rejects.toBeInstanceOf(TooManyRequestsException);
    await aws.ssoAdmin.send(new ListInstancesCommand({}));
    await expect(
      aws.ssoAdmin.send(new ListInstancesCommand({})),
    ).rejects.toBeInstanceOf(SsoThrottling);
    await aws.identityStore.send(
      new ListUsersCommand({ IdentityStoreId: STORE }),
    );
    await expect(
      aws.identityStore.send(new ListUsersCommand({ IdentityStoreId: STORE })),
    ).rejects.toBeInstanceOf(IdsThrottling);
    expect(em.stats()).toMatchObject({
      throttled: 3,
      calls: {
        organizations: { ListRoots: 3 },
        ssoAdmin: { ListInstances: 2 },
        identityStore: { ListUsers: 2 },
      },
    });
  });

  it('refills the bucket over time', () => {
    // The buckets on a clock the test moves: exact, whatever the load (over
    // HTTP, two calls could be more than a refill apart on a busy machine).
    let now = 0;
    const limits = new RateLimiters(
      {
        organizations: { tps: 50, burst: 2 },
        identityCenter: { tps: 10, burst: 1 },
      },
      () => now,
    );
    expect(limits.tryTake('organizations')).toBe(true);
    expect(limits.tryTake('organizations')).toBe(true);
    expect(limits.tryTake('organizations')).toBe(false);
    expect(limits.tryTake('ssoAdmin')).toBe(true);
    // One Identity Center bucket for both services.
    expect(limits.tryTake('identityStore')).toBe(false);
    now += 19;
    expect(limits.tryTake('organizations')).toBe(false);
    now += 1;
    expect(limits.tryTake('organizations')).toBe(true);
    now += 80;
    expect(limits.tryTake('identityStore')).toBe(true);
  });

  it('denies a whole service', async () => {
    const em = await start({
      faults: { accessDenied: ['organizations', 'identityStore'] },
    });
    await expect(
      aws.organizations.send(new ListRootsCommand({})),
    ).rejects.toBeInstanceOf(OrgAccessDenied);
    await expect(
      aws.identityStore.send(new ListUsersCommand({ IdentityStoreId: STORE })),
    ).rejects.toBeInstanceOf(IdsAccessDenied);
    await expect(
      aws.ssoAdmin.send(new ListInstancesCommand({})),
    ).resolves.toBeDefined();
    em.setFaults({});
    await expect(
      aws.organizations.send(new ListRootsCommand({})),
    ).resolves.toBeDefined();
    expect(em.stats().faultsInjected).toBe(2);
  });

  it('answers 5xx bursts to the next N matching calls, then recovers', async () => {
    const em = await start({});
    em.setFaults({ serverErrorBurst: { service: 'organizations', count: 2 } });
    for (let i = 0; i < 2; i++) {
      await expect(
        aws.organizations.send(new ListRootsCommand({})),
      ).rejects.toMatchObject({
        name: 'ServiceException',
        $metadata: { httpStatusCode: 500 },
      });
    }
    await expect(
      aws.organizations.send(new ListRootsCommand({})),
    ).resolves.toBeDefined();
    em.setFaults({
      serverErrorBurst: { operation: 'ListInstances', count: 1 },
    });
    await expect(
      aws.ssoAdmin.send(new ListInstancesCommand({})),
    ).rejects.toBeInstanceOf(InternalServerException);
  });

  it('lets the SDK retry through a burst with its default retries', async () => {
    const em = await start({ faults: { serverErrorBurst: { count: 1 } } });
    const retrying = sdkClients(em.url, 3);
    try {
      const out = await retrying.organizations.send(new ListRootsCommand({}));
      expect(out.Roots).toHaveLength(1);
      expect(em.stats().calls.organizations.ListRoots).toBe(2);
    } finally {
      retrying.destroy();
    }
  });

  it('injects errors at a seeded rate, reproducibly', async () => {
    const run = async () => {
      const em = await start({
        seed: 42,
        faults: { errorRate: { ListRoots: { rate: 0.5 } } },
      });
      const outcomes: string[] = [];
      for (let i = 0; i < 12; i++) {
        outcomes.push(
          await aws.organizations
            .send(new ListRootsCommand({}))
            .then(() => 'ok')
            .catch(e => (e instanceof ServiceException ? '500' : e.name)),
        );
      }
      aws.destroy();
      await em.close();
      emulator = undefined;
      return outcomes;
    };
    const first = await run();
    expect(first).toContain('ok');
    expect(first).toContain('500');
    expect(await run()).toEqual(first);
    const em = await start({
      faults: {
        errorRate: { ListRoots: { rate: 1, code: 'TooManyRequestsException' } },
      },
    });
    await expect(
      aws.organizations.send(new ListRootsCommand({})),
    ).rejects.toMatchObject({
      name: 'TooManyRequestsException',
      $metadata: { httpStatusCode: 400 },
    });
    expect(em.stats().faultsInjected).toBe(1);
  });

  it('answers empty pages that still carry a NextToken', async () => {
    await start({
      faults: {
        emptyPagesWithToken: { operation: 'ListAccountsForParent', count: 2 },
      },
    });
    const send = (NextToken?: string) =>
      aws.organizations.send(
        new ListAccountsForParentCommand({
          ParentId: DEMO_IDS.ous['Prod-US'],
          NextToken,
        }),
      );
    const first = await send();
    expect(first.Accounts).toEqual([]);
    expect(first.NextToken).toBeDefined();
    const second = await send(first.NextToken);
    expect(second.Accounts).toEqual([]);
    const third = await send(second.NextToken);
    expect(third.Accounts).toHaveLength(3);
    expect(third.NextToken).toBeUndefined();
  });

  it('adds latency per service', async () => {
    await start({ latencyMs: { organizations: 120 } });
    const started = Date.now();
    await aws.organizations.send(new ListRootsCommand({}));
    // A lower bound only: a busy machine makes calls slower, never faster.
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    // The other services get none (the model decides, not a stopwatch).
    const model = new LatencyModel({ organizations: 120 });
    expect(model.delayFor('organizations')).toBe(120);
    expect(model.delayFor('ssoAdmin')).toBe(0);
    expect(model.delayFor('identityStore')).toBe(0);
  });

  it('serves stats, counts, faults, reset and account state over the admin endpoint', async () => {
    const em = await start({});
    const admin = (method: string, path: string, body?: unknown) =>
      fetch(`${em.url}/_emulator/${path}`, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
      }).then(async r => ({ status: r.status, body: await r.json() }));
    await aws.organizations.send(new ListRootsCommand({}));
    expect((await admin('GET', 'stats')).body.calls.organizations).toEqual({
      ListRoots: 1,
    });
    expect((await admin('GET', 'counts')).body).toEqual(em.expected);
    expect(
      (await admin('PUT', 'faults', { accessDenied: ['ssoAdmin'] })).status,
    ).toBe(200);
    await expect(
      aws.ssoAdmin.send(new ListInstancesCommand({})),
    ).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
    expect((await admin('GET', 'faults')).body).toEqual({
      accessDenied: ['ssoAdmin'],
    });
    expect(
      (await admin('PUT', 'faults', { accessDenied: ['nope'] })).status,
    ).toBe(400);
    expect((await admin('POST', 'reset')).body).toEqual({
      calls: {
        organizations: {},
        ssoAdmin: {},
        identityStore: {},
        config: {},
        iam: {},
        sts: {},
        sqs: {},
        cloudTrail: {},
        securityHub: {},
        accessAnalyzer: {},
      },
      throttled: 0,
      faultsInjected: 0,
    });
    const closed = await admin('POST', 'accounts/724108355201/state', {
      state: 'PENDING_CLOSURE',
    });
    expect(closed).toEqual({
      status: 200,
      body: { accountId: '724108355201', state: 'PENDING_CLOSURE' },
    });
    expect(em.state.accounts.get('724108355201')!.state).toBe(
      'PENDING_CLOSURE',
    );
    expect(
      (await admin('POST', 'accounts/724108355201/state', { state: 'GONE' }))
        .status,
    ).toBe(400);
    expect(
      (await admin('POST', 'accounts/111111111111/state', { state: 'CLOSED' }))
        .status,
    ).toBe(404);
    expect((await admin('GET', 'nope')).status).toBe(404);
  });
});
