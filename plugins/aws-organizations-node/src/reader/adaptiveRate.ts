/**
 * Rate changes of the reader's adaptive rate (`AdaptiveRate`), exported for
 * the README and tests.
 *
 * @public
 */
export const AIMD = {
  /** Requests per second before anything is known. */
  initialTps: 10,
  /** Never below: a throttled service is still asked, slowly. */
  minTps: 0.5,
  /** Multiplicative decrease on throttling. */
  beta: 0.8,
  /** Slow start: each success while the rate limits adds this many TPS. */
  slowStartGain: 1,
  /** Additive increase after the first throttle, TPS per second... */
  increasePerSecond: 0.5,
  /** ...or this share of the current rate per second, when larger. */
  increaseShare: 1 / 40,
  /** The rate is "the limit" while a caller waited within this window. */
  limitedWindowMs: 1000,
} as const;

/**
 * Finds a service's real request rate from its answers (AIMD): from
 * {@link AIMD.initialTps}, a slow start grows the rate by one TPS per
 * success until the service first throttles; each throttling answer then
 * multiplies the rate by {@link AIMD.beta} — once per congestion episode:
 * a throttle of a request sent before the last decrease is not counted
 * again — and every second without one adds
 * max({@link AIMD.increasePerSecond}, rate × {@link AIMD.increaseShare}).
 * The rate grows only while it is what limits the read (a caller waited
 * for a token recently), so that a read bound by its concurrency or its
 * data does not inflate it. `cap` bounds it.
 */
export class AdaptiveRate {
  readonly #cap: number;
  #rate: number;
  #slowStart = true;
  #lastDecreaseAt = -Infinity;
  #lastIncreaseAt: number;
  #decreases = 0;
  #peak: number;

  constructor(options: { cap?: number; initialTps?: number; now: number }) {
    this.#cap = options.cap ?? Infinity;
    this.#rate = Math.min(this.#cap, options.initialTps ?? AIMD.initialTps);
    this.#lastIncreaseAt = options.now;
    this.#peak = this.#rate;
  }

  /** The current rate, requests per second. */
  get tps(): number {
    return this.#rate;
  }

  /** The highest rate reached. */
  get peakTps(): number {
    return this.#peak;
  }

  /** How many times throttling lowered the rate. */
  get decreases(): number {
    return this.#decreases;
  }

  /**
   * A request succeeded at `now`; `limitedAt` is when a caller last waited
   * for a token. Returns whether the rate changed.
   */
  success(now: number, limitedAt: number): boolean {
    const elapsed = now - this.#lastIncreaseAt;
    this.#lastIncreaseAt = now;
    if (now - limitedAt > AIMD.limitedWindowMs || this.#rate >= this.#cap) {
      return false;
    }
    const gain = this.#slowStart
      ? AIMD.slowStartGain
      : (Math.max(AIMD.increasePerSecond, this.#rate * AIMD.increaseShare) *
          elapsed) /
        1000;
    this.#rate = Math.min(this.#cap, this.#rate + gain);
    this.#peak = Math.max(this.#peak, this.#rate);
    return gain > 0;
  }

  /**
   * The service throttled a request sent at `sentAt`; answered at `now`.
   * Returns whether the rate was lowered (the first throttle of an episode).
   */
  throttled(sentAt: number, now: number): boolean {
    if (sentAt < this.#lastDecreaseAt) {
      return false;
    }
    this.#slowStart = false;
    this.#rate = Math.max(AIMD.minTps, this.#rate * AIMD.beta);
    this.#lastDecreaseAt = now;
    this.#lastIncreaseAt = now;
    this.#decreases += 1;
    return true;
  }
}
