/**
 * A token bucket: `burst` tokens at most, refilled at `tps` per second. A
 * call takes one token; with none left the service answers its throttling
 * error.
 *
 * @public
 */
export class TokenBucket {
  readonly #tps: number;
  readonly #burst: number;
  readonly #now: () => number;
  #tokens: number;
  #last: number;

  constructor(
    options: { tps: number; burst: number },
    now: () => number = () => performance.now(),
  ) {
    this.#tps = options.tps;
    this.#burst = Math.max(1, options.burst);
    this.#now = now;
    this.#tokens = this.#burst;
    this.#last = now();
  }

  /** Takes a token; false when the bucket is empty. */
  tryTake(): boolean {
    const now = this.#now();
    this.#tokens = Math.min(
      this.#burst,
      this.#tokens + ((now - this.#last) / 1000) * this.#tps,
    );
    this.#last = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}
