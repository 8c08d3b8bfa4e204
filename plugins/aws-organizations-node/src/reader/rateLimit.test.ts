import {
  TokenBucket,
  resolveRateLimits,
  DEFAULT_READER_RATE_LIMITS,
} from './rateLimit';

describe('TokenBucket', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('lets a burst through, then paces at the refill rate', async () => {
    // On jest's clock (performance.now and setTimeout alike), so the
    // schedule is exact whatever the machine's load.
    jest.useFakeTimers();
    const bucket = new TokenBucket({ tps: 50, burst: 3 });
    const start = performance.now();
    const times: number[] = [];
    const all = Promise.all(
      Array.from({ length: 8 }, () =>
        bucket.take().then(() => times.push(performance.now() - start)),
      ),
    );
    await jest.advanceTimersByTimeAsync(1_000);
    await all;
    // 3 at once, then 5 more at 50/s: one every 20 ms.
    expect(times).toEqual([0, 0, 0, 20, 40, 60, 80, 100]);
  });
});

describe('resolveRateLimits', () => {
  it('merges overrides into the defaults', () => {
    expect(resolveRateLimits({ organizations: { tps: 2 } })).toEqual({
      ...DEFAULT_READER_RATE_LIMITS,
      organizations: { ...DEFAULT_READER_RATE_LIMITS.organizations, tps: 2 },
    });
  });

  it('rejects a limit that is not positive', () => {
    expect(() => resolveRateLimits({ ssoAdmin: { concurrency: 0 } })).toThrow(
      'Invalid rate limit ssoAdmin.concurrency: 0 must be a positive number',
    );
  });
});
