import { TokenBucket } from './tokenBucket';

describe('TokenBucket', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('lets its capacity through at once, then paces at its rate, and follows rate changes', async () => {
    const bucket = new TokenBucket({
      tps: 10,
      capacity: 2,
      now: () => Date.now(),
    });
    const start = Date.now();
    const granted: number[] = [];
    const takes = Array.from({ length: 4 }, () =>
      bucket.take().then(at => granted.push(at - start)),
    );
    await jest.advanceTimersByTimeAsync(1000);
    await Promise.all(takes);
    expect(granted.slice(0, 2)).toEqual([0, 0]);
    expect(granted[2]).toBeGreaterThanOrEqual(100);
    expect(granted[3]).toBeGreaterThanOrEqual(200);
    expect(bucket.lastWaitAt).toBeGreaterThanOrEqual(start);

    bucket.setRate(1, 1);
    bucket.empty();
    const next = bucket.take();
    await jest.advanceTimersByTimeAsync(999);
    let done = false;
    next.then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    await jest.advanceTimersByTimeAsync(1001);
    expect(done).toBe(true);
  });

  it('takes a token now or answers false, refilling on the clock it is given', () => {
    // A clock the test moves: exact, whatever the load.
    let now = 0;
    const bucket = new TokenBucket({ tps: 50, capacity: 1, now: () => now });
    expect(bucket.tryTake()).toBe(true);
    expect(bucket.tryTake()).toBe(false);
    now += 19;
    expect(bucket.tryTake()).toBe(false);
    now += 1;
    expect(bucket.tryTake()).toBe(true);
    const unlimited = new TokenBucket({ tps: Infinity, capacity: 1 });
    expect([1, 2, 3].map(() => unlimited.tryTake())).toEqual([
      true,
      true,
      true,
    ]);
  });
});
