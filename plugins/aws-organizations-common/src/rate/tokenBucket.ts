/**
 * A token bucket: at most `capacity` tokens, refilled at `tps` per second
 * (`Infinity`: no limit).
 *
 * The one bucket of the family, on both sides of the AWS boundary: the
 * reader paces its calls with `take()` (resolves when a token is available;
 * waiters are served in order, and the rate and capacity can change while
 * they wait, driven by the reader's adaptive rate), and the emulator
 * throttles with `tryTake()` (a token now, or its throttling error). The
 * clock is injectable so that tests move it by hand.
 *
 * @public
 */
export class TokenBucket {
  readonly #now: () => number;
  #tps: number;
  #capacity: number;
  #tokens: number;
  #last: number;
  #queue: Promise<unknown> = Promise.resolve();
  #lastWaitAt = -Infinity;

  constructor(options: { tps: number; capacity: number; now?: () => number }) {
    this.#now = options.now ?? (() => performance.now());
    this.#tps = options.tps;
    this.#capacity = Math.max(1, options.capacity);
    this.#tokens = this.#capacity;
    this.#last = this.#now();
  }

  /**
   * Takes a token if one is there now, without waiting: false when the
   * bucket is empty (a server answers its throttling error).
   */
  tryTake(): boolean {
    this.#refill();
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  /** When a caller last had to wait for a token: the rate was the limit. */
  get lastWaitAt(): number {
    return this.#lastWaitAt;
  }

  /** Changes the refill rate and the capacity from now on. */
  setRate(tps: number, capacity: number): void {
    this.#refill();
    this.#tps = tps;
    this.#capacity = Math.max(1, capacity);
    this.#tokens = Math.min(this.#tokens, this.#capacity);
  }

  /** Drops the saved-up tokens: the next call waits for the refill. */
  empty(): void {
    this.#refill();
    this.#tokens = Math.min(this.#tokens, 0);
  }

  /** Waits for one token, first come first served; resolves with the time it was granted. */
  take(): Promise<number> {
    const turn = this.#queue.then(() => this.#takeNow());
    this.#queue = turn;
    return turn;
  }

  async #takeNow(): Promise<number> {
    for (;;) {
      this.#refill();
      if (this.#tokens >= 1) {
        this.#tokens -= 1;
        return this.#last;
      }
      this.#lastWaitAt = this.#last;
      const waitMs = ((1 - this.#tokens) / this.#tps) * 1000;
      await new Promise(resolve =>
        setTimeout(resolve, Math.min(1000, Math.ceil(waitMs))),
      );
    }
  }

  #refill() {
    const now = this.#now();
    if (Number.isFinite(this.#tps)) {
      this.#tokens = Math.min(
        this.#capacity,
        this.#tokens + ((now - this.#last) / 1000) * this.#tps,
      );
    } else {
      this.#tokens = Math.max(this.#tokens, 1);
    }
    this.#last = now;
  }
}
