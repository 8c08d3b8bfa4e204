import pLimit from 'p-limit';
import type { AwsServiceName } from './errors';

/**
 * Client-side limits of one AWS service.
 *
 * @public
 */
export interface ServiceRateLimit {
  /** Sustained requests per second (token refill rate). */
  tps: number;
  /** Requests that may be sent at once after an idle period (bucket size). */
  burst: number;
  /** Requests in flight at the same time. */
  concurrency: number;
}

/** @public */
export type ReaderRateLimits = Record<AwsServiceName, ServiceRateLimit>;

/**
 * Defaults near the AWS quotas. Organizations does not publish a request
 * rate; its APIs throttle (TooManyRequestsException) from about 10 requests
 * per second per account, so the reader stays there. IAM Identity Center
 * (SSO Admin) and the Identity Store allow about 20 requests per second per
 * account for read APIs.
 *
 * @public
 */
export const DEFAULT_READER_RATE_LIMITS: ReaderRateLimits = {
  organizations: { tps: 10, burst: 10, concurrency: 8 },
  ssoAdmin: { tps: 20, burst: 20, concurrency: 10 },
  identityStore: { tps: 20, burst: 20, concurrency: 10 },
};

/** Merges partial overrides into the defaults and validates them. */
export function resolveRateLimits(
  overrides: Partial<Record<AwsServiceName, Partial<ServiceRateLimit>>> = {},
): ReaderRateLimits {
  const result = {} as ReaderRateLimits;
  for (const service of Object.keys(
    DEFAULT_READER_RATE_LIMITS,
  ) as AwsServiceName[]) {
    const limit = {
      ...DEFAULT_READER_RATE_LIMITS[service],
      ...overrides[service],
    };
    for (const key of ['tps', 'burst', 'concurrency'] as const) {
      if (!(Number.isFinite(limit[key]) && limit[key] > 0)) {
        throw new TypeError(
          `Invalid rate limit ${service}.${key}: ${limit[key]} must be a positive number`,
        );
      }
    }
    result[service] = limit;
  }
  return result;
}

/**
 * A token bucket: `burst` tokens, refilled at `tps` per second. `take()`
 * resolves when a token is available; waiters are served in order.
 */
export class TokenBucket {
  readonly #tps: number;
  readonly #burst: number;
  readonly #now: () => number;
  #tokens: number;
  #last: number;
  #queue: Promise<void> = Promise.resolve();

  constructor(options: { tps: number; burst: number; now?: () => number }) {
    this.#tps = options.tps;
    this.#burst = Math.max(1, options.burst);
    this.#now = options.now ?? (() => performance.now());
    this.#tokens = this.#burst;
    this.#last = this.#now();
  }

  /** Waits for one token, first come first served. */
  take(): Promise<void> {
    const turn = this.#queue.then(() => this.#takeNow());
    this.#queue = turn;
    return turn;
  }

  async #takeNow(): Promise<void> {
    for (;;) {
      this.#refill();
      if (this.#tokens >= 1) {
        this.#tokens -= 1;
        return;
      }
      const waitMs = ((1 - this.#tokens) / this.#tps) * 1000;
      await new Promise(resolve => setTimeout(resolve, Math.ceil(waitMs)));
    }
  }

  #refill() {
    const now = this.#now();
    this.#tokens = Math.min(
      this.#burst,
      this.#tokens + ((now - this.#last) / 1000) * this.#tps,
    );
    this.#last = now;
  }
}

/**
 * The limits of one service: a token bucket for every HTTP attempt and a
 * bound on the logical calls in flight.
 */
export class ServiceLimiter {
  readonly bucket: TokenBucket;
  readonly #limit: pLimit.Limit;

  constructor(limit: ServiceRateLimit) {
    this.bucket = new TokenBucket(limit);
    this.#limit = pLimit(limit.concurrency);
  }

  run<T>(fn: () => Promise<T>): Promise<T> {
    return this.#limit(fn);
  }
}
