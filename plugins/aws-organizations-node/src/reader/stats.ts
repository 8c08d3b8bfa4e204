import type { ReadStatistics } from '@aws-governance/plugin-aws-organizations-common';
import type { AwsServiceName } from './errors';

/**
 * Counts what one read costs: HTTP attempts per service and operation
 * (retries included), retries and throttling responses.
 */
export class ReadStatsRecorder {
  readonly #startedAt = new Date();
  readonly #start = performance.now();
  readonly #calls: Record<string, Record<string, number>> = {};
  #retries = 0;
  #throttles = 0;
  #rates?: ReadStatistics['rates'];
  #assignmentStrategy?: ReadStatistics['assignmentStrategy'];
  #assignmentEstimate?: ReadStatistics['assignmentEstimate'];

  /** One HTTP attempt of an operation (first try or retry). */
  recordCall(service: AwsServiceName, operation: string): void {
    const perService = (this.#calls[service] ??= {});
    perService[operation] = (perService[operation] ?? 0) + 1;
  }

  recordRetry(): void {
    this.#retries += 1;
  }

  recordThrottle(): void {
    this.#throttles += 1;
  }

  /** What the rate budgets found, at the end of the read. */
  recordRates(rates: NonNullable<ReadStatistics['rates']>): void {
    this.#rates = rates;
  }

  recordAssignmentStrategy(
    strategy: NonNullable<ReadStatistics['assignmentStrategy']>,
    estimate: NonNullable<ReadStatistics['assignmentEstimate']>,
  ): void {
    this.#assignmentStrategy = strategy;
    this.#assignmentEstimate = estimate;
  }

  /** Total attempts of one service, or of all services. */
  totalCalls(service?: AwsServiceName): number {
    const services = service ? [service] : Object.keys(this.#calls);
    return services
      .flatMap(s => Object.values(this.#calls[s] ?? {}))
      .reduce((a, b) => a + b, 0);
  }

  snapshot(): ReadStatistics {
    const calls: Record<string, Record<string, number>> = {};
    for (const [service, ops] of Object.entries(this.#calls)) {
      calls[service] = { ...ops };
    }
    return {
      startedAt: this.#startedAt.toISOString(),
      durationMs: Math.round(performance.now() - this.#start),
      calls,
      retries: this.#retries,
      throttles: this.#throttles,
      ...(this.#rates ? { rates: this.#rates } : {}),
      ...(this.#assignmentStrategy
        ? {
            assignmentStrategy: this.#assignmentStrategy,
            assignmentEstimate: this.#assignmentEstimate,
          }
        : {}),
    };
  }
}
