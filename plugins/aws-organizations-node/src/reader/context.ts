import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Command, MetadataBearer } from '@aws-sdk/types';
import pLimit from 'p-limit';
import type {
  Knowable,
  SnapshotWarning,
} from '@aws-governance/plugin-aws-organizations-common';
import type { AwsOrganizationsClients } from './clients';
import { AwsReadError, AwsServiceName, isThrottling } from './errors';
import {
  OPTIONAL_SERVICES,
  RateBudget,
  RateControl,
  ResolvedRateLimits,
  resolveRateLimits,
} from './rateLimit';
import { CallClass, ReadRetries } from './retries';
import { ReadStatsRecorder } from './stats';

/** An SDK command; its output type is inferred from it. */
type SdkCommand<Output extends MetadataBearer> = Command<
  any,
  any,
  any,
  Output,
  any
>;

type SendableClient = {
  send(command: any, options?: { abortSignal?: AbortSignal }): Promise<any>;
};

/** Page sizes at the service maximum. */
export const PAGE_SIZE: Record<AwsServiceName, number> = {
  organizations: 20,
  ssoAdmin: 100,
  identityStore: 100,
  // IAM MaxItems 1000, Config Limit 100; STS does not page.
  iam: 1000,
  sts: 1,
  config: 100,
  // GetFindingsV2 MaxResults 100; ListFindingsV2 maxResults 100;
  // CloudTrail's trail reads do not page.
  securityHub: 100,
  accessAnalyzer: 100,
  cloudTrail: 1,
};

/**
 * Empty pages with a NextToken in a row after which a listing is considered
 * endless (AWS may answer a few empty pages before the data).
 */
const MAX_EMPTY_PAGES = 50;

/** Which operation and resource a call reads, for errors and warnings. */
export interface CallTarget {
  service: AwsServiceName;
  operation: string;
  resource: string;
}

/** What every part of one read shares. */
interface SharedRead {
  clients: AwsOrganizationsClients;
  logger: LoggerService;
  stats: ReadStatsRecorder;
  warnings: SnapshotWarning[];
  budgets: Record<AwsServiceName, RateBudget>;
  concurrency: Record<AwsServiceName, pLimit.Limit>;
  retries: ReadRetries;
  /** Calls sent and not settled yet, shared by the whole read. */
  inFlight: Set<Promise<unknown>>;
}

/** A part of the read that fails as one. */
interface FailureScope {
  abort: AbortController;
  failure?: unknown;
}

/** Options of a new read. */
export interface ReadContextOptions {
  clients: AwsOrganizationsClients;
  logger: LoggerService;
  rateLimits?: ResolvedRateLimits;
  rateControl?: RateControl;
  /** Attempts per call, first try included. */
  maxAttempts: number;
}

/** A part of a read: the read's state, its own failure scope and call class. */
interface DerivedContext {
  shared: SharedRead;
  scope: FailureScope;
  callClass: CallClass;
}

function createShared(options: ReadContextOptions): SharedRead {
  const limits = options.rateLimits ?? resolveRateLimits();
  const budgets = {} as Record<AwsServiceName, RateBudget>;
  for (const spec of limits.budgets) {
    const budget = new RateBudget(spec, options.rateControl ?? 'aimd');
    for (const service of spec.services) budgets[service] = budget;
  }
  const concurrency = {} as Record<AwsServiceName, pLimit.Limit>;
  for (const [service, n] of Object.entries(limits.concurrency)) {
    concurrency[service as AwsServiceName] = pLimit(n);
  }
  return {
    clients: options.clients,
    logger: options.logger,
    stats: new ReadStatsRecorder(),
    warnings: [],
    budgets,
    concurrency,
    retries: new ReadRetries(options.maxAttempts),
    inFlight: new Set(),
  };
}

/**
 * Everything one read shares: clients, rate budgets, retry allowances,
 * statistics, warnings, and the abort signal that stops all calls once a
 * required listing has failed. A context sends its calls as required or
 * optional ({@link ReadContext.optional}): the two classes have separate
 * retry allowances.
 */
export class ReadContext {
  readonly #shared: SharedRead;
  readonly #scope: FailureScope;
  readonly #callClass: CallClass;

  /** A new read, or (internal) a part of one that shares its state. */
  constructor(source: ReadContextOptions | DerivedContext) {
    if ('shared' in source) {
      this.#shared = source.shared;
      this.#scope = source.scope;
      this.#callClass = source.callClass;
    } else {
      this.#shared = createShared(source);
      this.#scope = { abort: new AbortController() };
      this.#callClass = 'required';
    }
  }

  get clients(): AwsOrganizationsClients {
    return this.#shared.clients;
  }

  get logger(): LoggerService {
    return this.#shared.logger;
  }

  get stats(): ReadStatsRecorder {
    return this.#shared.stats;
  }

  get warnings(): SnapshotWarning[] {
    return this.#shared.warnings;
  }

  /** What each rate budget found, by budget name. */
  rateSummaries() {
    const budgets = new Set(Object.values(this.#shared.budgets));
    // The optional sources' budgets only when they were used.
    const unused = (b: RateBudget) =>
      b.spec.services.every(
        s =>
          (OPTIONAL_SERVICES as readonly string[]).includes(s) &&
          this.#shared.stats.totalCalls(s) === 0,
      );
    return Object.fromEntries(
      [...budgets]
        .filter(b => !unused(b))
        .flatMap(b => {
          const summary = b.summary();
          return summary ? [[b.spec.name, summary]] : [];
        }),
    );
  }

  #derive(scope: FailureScope, callClass: CallClass): ReadContext {
    return new ReadContext({ shared: this.#shared, scope, callClass });
  }

  /**
   * A context for one part of the read (e.g. Identity Center) that can fail
   * on its own: failing it stops its calls only, failing the parent stops
   * both. Statistics, warnings, budgets and retries are shared.
   */
  child(): ReadContext {
    const parent = this.#scope;
    const scope: FailureScope = { abort: new AbortController() };
    const child = this.#derive(scope, this.#callClass);
    const onParentAbort = () => child.fail(parent.failure);
    if (parent.abort.signal.aborted) {
      onParentAbort();
    } else {
      parent.abort.signal.addEventListener('abort', onParentAbort, {
        once: true,
      });
    }
    return child;
  }

  /** Stops every pending and later call: the read has failed. */
  fail(error: unknown): void {
    if (!this.#scope.failure) {
      this.#scope.failure = error;
      this.#scope.abort.abort();
    }
  }

  /**
   * Resolves once no call of the read (children included) is queued or in
   * flight. After {@link ReadContext.fail}, every call rejects at once, so
   * this waits only for the aborts to land: a failed read awaits it so that
   * no call outlives the read.
   */
  async drain(): Promise<void> {
    while (this.#shared.inFlight.size > 0) {
      await Promise.allSettled([...this.#shared.inFlight]);
    }
  }

  /** Records a warning for an optional part that degraded to unknown. */
  warn(target: CallTarget, error: unknown): string {
    const message = error instanceof AwsReadError ? error.code : String(error);
    // A part read in several calls names the call that failed.
    const call =
      error instanceof AwsReadError &&
      (error.operation !== target.operation ||
        error.resource !== target.resource)
        ? ` (${error.operation} on ${error.resource})`
        : '';
    const reason = `${target.operation} failed: ${message}${call}`;
    this.warnings.push({
      operation: target.operation,
      resource: target.resource,
      message: reason,
    });
    this.logger.warn(
      `Could not read ${target.operation} for ${target.resource}; it is unknown in the snapshot`,
      { operation: target.operation, resource: target.resource, code: message },
    );
    return reason;
  }

  /**
   * Reads an optional part with the optional calls' retry allowance: when
   * it fails (and the read as a whole has not), the value is unknown and a
   * warning says why.
   */
  async optional<T>(
    target: CallTarget,
    read: (optionalCtx: ReadContext) => Promise<T>,
  ): Promise<Knowable<T>> {
    try {
      return await read(this.#derive(this.#scope, 'optional'));
    } catch (error) {
      if (this.#scope.abort.signal.aborted) {
        throw this.#scope.failure ?? error;
      }
      return { unknown: true, reason: this.warn(target, error) };
    }
  }

  /** Resolves with the time a token of the budget was granted, or rejects once the read is aborted. */
  #takeToken(budget: RateBudget): Promise<number> {
    const signal = this.#scope.abort.signal;
    if (signal.aborted) return Promise.reject(this.#scope.failure);
    return new Promise<number>((resolve, reject) => {
      const onAbort = () => reject(this.#scope.failure);
      signal.addEventListener('abort', onAbort, { once: true });
      budget.take().then(sentAt => {
        signal.removeEventListener('abort', onAbort);
        resolve(sentAt);
      });
    });
  }

  /**
   * Sends one command within the service's concurrency bound. Every HTTP
   * attempt (retries included) waits for a token of the service's rate
   * budget and is counted; its answer adapts the budget's rate, and
   * throttling answers are counted. Failures become an
   * {@link AwsReadError} naming the operation and resource.
   */
  async send<Output extends MetadataBearer>(
    target: CallTarget,
    command: SdkCommand<Output>,
    /** Another client of the service, e.g. with an account's assumed-role credentials. */
    client?: { send(command: any, options?: any): Promise<any> },
  ): Promise<Output> {
    const { service, operation } = target;
    const { budgets, concurrency, retries, stats } = this.#shared;
    const budget = budgets[service];
    let attempts = 0;
    retries.apply(command, budget, this.#callClass);
    command.middlewareStack.add(
      next => async args => {
        attempts += 1;
        if (attempts > 1) {
          stats.recordCall(service, operation);
          stats.recordRetry();
        }
        const sentAt = await this.#takeToken(budget);
        try {
          const result = await next(args);
          budget.success();
          return result;
        } catch (error) {
          if (isThrottling(error)) {
            stats.recordThrottle();
            budget.throttled(sentAt);
          }
          throw error;
        }
      },
      {
        step: 'deserialize',
        name: 'awsOrganizationsReaderLimits',
        priority: 'high',
      },
    );
    const signal = this.#scope.abort.signal;
    const call = concurrency[service](async () => {
      if (signal.aborted) {
        throw this.#scope.failure;
      }
      stats.recordCall(service, operation);
      const sender = (client ??
        this.clients[service as keyof AwsOrganizationsClients]) as unknown as
        | SendableClient
        | undefined;
      if (!sender) {
        throw new AwsReadError({
          ...target,
          cause: new Error(`No ${service} client was configured`),
        });
      }
      try {
        return (await sender.send(command, { abortSignal: signal })) as Output;
      } catch (error) {
        if (signal.aborted && this.#scope.failure) {
          throw this.#scope.failure;
        }
        throw new AwsReadError({ ...target, cause: error });
      }
    });
    this.#shared.inFlight.add(call);
    const forget = () => {
      this.#shared.inFlight.delete(call);
    };
    call.then(forget, forget);
    return call;
  }

  /**
   * Reads every page of a listing. Empty pages that still carry a NextToken
   * are followed (up to {@link MAX_EMPTY_PAGES} in a row).
   */
  async paginate<Output extends MetadataBearer & { NextToken?: string }, Item>(
    target: CallTarget,
    makeCommand: (nextToken: string | undefined) => SdkCommand<Output>,
    items: (output: Output) => Item[] | undefined,
    client?: { send(command: any, options?: any): Promise<any> },
  ): Promise<Item[]> {
    const result: Item[] = [];
    let emptyPagesInARow = 0;
    let nextToken: string | undefined;
    do {
      const output = await this.send(target, makeCommand(nextToken), client);
      const page = items(output) ?? [];
      result.push(...page);
      nextToken = output.NextToken || undefined;
      emptyPagesInARow = page.length === 0 ? emptyPagesInARow + 1 : 0;
      if (nextToken !== undefined && emptyPagesInARow >= MAX_EMPTY_PAGES) {
        throw new AwsReadError({
          ...target,
          cause: Object.assign(
            new Error(
              `${target.operation} returned ${MAX_EMPTY_PAGES} empty pages in a row, each with a NextToken`,
            ),
            { name: 'EndlessPagination' },
          ),
        });
      }
    } while (nextToken !== undefined);
    return result;
  }
}
