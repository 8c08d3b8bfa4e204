import {
  TokenBucket,
  resolveRateLimits,
  DEFAULT_READER_RATE_LIMITS,
} from './rateLimit';

describe('TokenBucket', () => {
  it('lets a burst through, then paces at the refill rate', async () => {
    const bucket = new TokenBucket({ tps: 50, burst: 3 });
    const start = performance.now();
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, () =>
        bucket.take().then(() => times.push(performance.now() - start)),
      ),
    );
    // 3 at once, then 5 more at 50/s: about 100 ms
    expect(times.slice(0, 3).every(t => t < 15)).toBe(true);
    expect(times[7]).toBeGreaterThanOrEqual(95);
    expect(times[7]).toBeLessThan(400);
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
