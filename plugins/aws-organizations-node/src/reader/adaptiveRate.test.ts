import { AIMD, AdaptiveRate } from './adaptiveRate';

describe('AdaptiveRate', () => {
  it('grows by one TPS per success in slow start, only while the rate is the limit', () => {
    const rate = new AdaptiveRate({ now: 0 });
    expect(rate.tps).toBe(AIMD.initialTps);
    expect(rate.success(100, 50)).toBe(true);
    expect(rate.success(200, 150)).toBe(true);
    expect(rate.tps).toBe(AIMD.initialTps + 2);
    // Nobody waited for a token in the last second: not rate-bound.
    expect(rate.success(5000, 150)).toBe(false);
    expect(rate.tps).toBe(AIMD.initialTps + 2);
  });

  it('lowers the rate once per throttling episode', () => {
    const rate = new AdaptiveRate({ now: 0, initialTps: 20 });
    expect(rate.throttled(1000, 1010)).toBe(true);
    expect(rate.tps).toBeCloseTo(20 * AIMD.beta);
    // Sent before the decrease: the same episode.
    expect(rate.throttled(1005, 1020)).toBe(false);
    expect(rate.tps).toBeCloseTo(20 * AIMD.beta);
    // Sent after it: the lower rate is still too high.
    expect(rate.throttled(1015, 1030)).toBe(true);
    expect(rate.tps).toBeCloseTo(20 * AIMD.beta * AIMD.beta);
    expect(rate.decreases).toBe(2);
    expect(rate.peakTps).toBe(20);
  });

  it('grows additively per second after the first throttle', () => {
    const rate = new AdaptiveRate({ now: 0, initialTps: 10 });
    rate.throttled(0, 0);
    expect(rate.tps).toBe(8);
    rate.success(2000, 1999);
    expect(rate.tps).toBeCloseTo(8 + 2 * AIMD.increasePerSecond);
  });

  it('never passes the cap, and never falls below the floor', () => {
    const capped = new AdaptiveRate({ now: 0, cap: 11 });
    for (let t = 1; t < 10; t++) capped.success(t, t);
    expect(capped.tps).toBe(11);
    const low = new AdaptiveRate({ now: 0, initialTps: 1 });
    for (let t = 1; t < 20; t++) low.throttled(t * 10, t * 10 + 1);
    expect(low.tps).toBe(AIMD.minTps);
  });
});
