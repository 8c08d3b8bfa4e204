import {
  AdaptiveRetryStrategy,
  DefaultRateLimiter,
  MAXIMUM_RETRY_DELAY,
  StandardRetryStrategy,
  retryMiddleware,
  retryMiddlewareOptions,
} from '@smithy/core/retry';
import type {
  Command,
  RetryErrorInfo,
  RetryStrategyV2,
  StandardRetryToken,
} from '@aws-sdk/types';
import type { RateBudget } from './rateLimit';

/**
 * Whether a call is required (its failure fails the read) or optional (it
 * degrades to unknown).
 */
export type CallClass = 'required' | 'optional';

/**
 * Base of the back-off after a throttling answer, in ms: the SDK's own
 * (`@smithy/core` 2026 retry behaviour), full jitter, doubling per retry up
 * to {@link MAXIMUM_RETRY_DELAY}.
 */
export const THROTTLING_BACKOFF_BASE_MS = 1000;

/**
 * The retry strategy of one (budget, call class): the SDK's standard (or
 * adaptive) strategy, except that a retry after a throttling answer does not
 * spend the retry quota.
 *
 * The SDK's quota (500 tokens; 14 per retry of a transient error, 5 per
 * retry after throttling; a success gives back only the cost of its own last
 * retry) is a circuit breaker for a failing service: when many calls fail,
 * stop retrying. For throttling it is the reader's rate budget that already
 * reacts — every attempt waits for a token of the budget, whose rate drops on
 * each throttling answer — so charging the quota as well only adds a second,
 * blunter limit: once more than about 30 % of the attempts are throttled, the
 * quota drains by itself (a call throttled twice costs 10 and gives back 5)
 * and, some hundreds of calls into a large organization, a required call
 * fails at its first throttle although it is far from `maxAttempts`. So a
 * throttled call is retried up to `maxAttempts` with the SDK's throttling
 * back-off (and the `Retry-After` hint), paced by the budget; transient and
 * server errors keep the SDK's quota.
 */
export class ReaderRetryStrategy implements RetryStrategyV2 {
  readonly #maxAttempts: number;
  readonly #sdk: StandardRetryStrategy | AdaptiveRetryStrategy;
  readonly #rateLimiter?: DefaultRateLimiter;
  readonly #random: () => number;

  constructor(options: {
    maxAttempts: number;
    /** The SDK's client-side limiter (`sdk-adaptive` rate control). */
    rateLimiter?: DefaultRateLimiter;
    /** Jitter source in [0, 1); for tests. */
    random?: () => number;
  }) {
    const { maxAttempts, rateLimiter } = options;
    this.#maxAttempts = maxAttempts;
    this.#rateLimiter = rateLimiter;
    this.#random = options.random ?? Math.random;
    this.#sdk = rateLimiter
      ? new AdaptiveRetryStrategy(async () => maxAttempts, { rateLimiter })
      : new StandardRetryStrategy({ maxAttempts });
  }

  /** What is left of the quota of transient and server error retries. */
  get capacity(): number {
    const sdk = this.#sdk as { standardRetryStrategy?: StandardRetryStrategy };
    return (
      sdk.standardRetryStrategy ?? (this.#sdk as StandardRetryStrategy)
    ).getCapacity();
  }

  acquireInitialRetryToken(scope: string) {
    return this.#sdk.acquireInitialRetryToken(scope);
  }

  async refreshRetryTokenForRetry(
    token: StandardRetryToken,
    errorInfo: RetryErrorInfo,
  ): Promise<StandardRetryToken> {
    if (errorInfo.errorType !== 'THROTTLING') {
      // The SDK's tokens are standard ones (they carry their cost).
      return (await this.#sdk.refreshRetryTokenForRetry(
        token,
        errorInfo,
      )) as StandardRetryToken;
    }
    const retries = token.getRetryCount();
    if (retries + 1 >= this.#maxAttempts) {
      // The SDK's middleware then throws the throttling error itself.
      throw new Error('No retry token available: maxAttempts reached');
    }
    this.#rateLimiter?.updateClientSendingRate(errorInfo);
    const cap = Math.min(
      THROTTLING_BACKOFF_BASE_MS * 2 ** retries,
      MAXIMUM_RETRY_DELAY,
    );
    let delay = Math.floor(this.#random() * cap);
    if (errorInfo.retryAfterHint instanceof Date) {
      // As the SDK: the server's hint, at most 5 s beyond the back-off.
      const hinted = errorInfo.retryAfterHint.getTime() - Date.now();
      delay = Math.max(delay, Math.min(hinted, delay + 5_000));
    }
    await this.#rateLimiter?.getSendToken();
    return {
      getRetryCount: () => retries + 1,
      getRetryDelay: () => delay,
      // Nothing was taken from the quota, so a success gives nothing back.
      getRetryCost: () => 0,
    };
  }

  recordSuccess(token: StandardRetryToken): void {
    this.#sdk.recordSuccess(token);
  }
}

/**
 * The retry allowances of one read. Each (budget, call class) has its own
 * {@link ReaderRetryStrategy}, so its own retry quota: an optional read that
 * keeps failing cannot spend the retries of required reads, and nothing
 * carries over to the next read, whatever clients the caller reuses. The
 * SDK's own retry middleware runs the attempts (backoff with jitter, the
 * error classification, the `amz-sdk-request` header, whose `max=` is then
 * the real `maxAttempts`); it replaces the client's retry middleware for
 * each command the reader sends.
 */
export class ReadRetries {
  readonly #maxAttempts: number;
  readonly #strategies = new Map<string, ReaderRetryStrategy>();

  constructor(maxAttempts: number) {
    this.#maxAttempts = maxAttempts;
  }

  get maxAttempts(): number {
    return this.#maxAttempts;
  }

  /** The strategy of (budget, class), created on first use. */
  strategy(budget: RateBudget, callClass: CallClass): ReaderRetryStrategy {
    const key = `${budget.spec.name}:${callClass}`;
    let strategy = this.#strategies.get(key);
    if (!strategy) {
      strategy = new ReaderRetryStrategy({
        maxAttempts: this.#maxAttempts,
        rateLimiter: budget.sdkRateLimiter,
      });
      this.#strategies.set(key, strategy);
    }
    return strategy;
  }

  /** Puts the allowance of (budget, class) on the command. */
  apply(
    command: Command<any, any, any, any, any>,
    budget: RateBudget,
    callClass: CallClass,
  ): void {
    const strategy = this.strategy(budget, callClass);
    const maxAttempts = this.#maxAttempts;
    command.middlewareStack.add(
      retryMiddleware({
        retryStrategy: async () => strategy,
        maxAttempts: async () => maxAttempts,
      }),
      retryMiddlewareOptions,
    );
  }
}
