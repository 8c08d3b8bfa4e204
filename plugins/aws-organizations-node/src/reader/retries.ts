import {
  AdaptiveRetryStrategy,
  StandardRetryStrategy,
  retryMiddleware,
  retryMiddlewareOptions,
} from '@smithy/core/retry';
import type { Command } from '@aws-sdk/types';
import type { RateBudget } from './rateLimit';

/**
 * Whether a call is required (its failure fails the read) or optional (it
 * degrades to unknown).
 */
export type CallClass = 'required' | 'optional';

type RetryStrategy = StandardRetryStrategy | AdaptiveRetryStrategy;

/**
 * The retry allowances of one read. Each (budget, call class) has its own
 * SDK retry strategy, so its own retry quota (the SDK's 500 tokens): an
 * optional read that keeps failing cannot spend the retries of required
 * reads, and nothing carries over to the next read, whatever clients the
 * caller reuses. The SDK's own retry middleware runs the attempts (backoff
 * with jitter, the error classification, the `amz-sdk-request` header,
 * whose `max=` is then the real `maxAttempts`); it replaces the client's
 * retry middleware for each command the reader sends.
 */
export class ReadRetries {
  readonly #maxAttempts: number;
  readonly #strategies = new Map<string, RetryStrategy>();

  constructor(maxAttempts: number) {
    this.#maxAttempts = maxAttempts;
  }

  get maxAttempts(): number {
    return this.#maxAttempts;
  }

  #strategy(budget: RateBudget, callClass: CallClass): RetryStrategy {
    const key = `${budget.spec.name}:${callClass}`;
    let strategy = this.#strategies.get(key);
    if (!strategy) {
      const maxAttempts = this.#maxAttempts;
      strategy = budget.sdkRateLimiter
        ? new AdaptiveRetryStrategy(async () => maxAttempts, {
            rateLimiter: budget.sdkRateLimiter,
          })
        : new StandardRetryStrategy({ maxAttempts });
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
    const strategy = this.#strategy(budget, callClass);
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
