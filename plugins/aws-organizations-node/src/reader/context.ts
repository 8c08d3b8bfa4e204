import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Command, MetadataBearer } from '@aws-sdk/types';
import type {
  Knowable,
  SnapshotWarning,
} from '@aws-governance/plugin-aws-organizations-common';
import type { AwsOrganizationsClients } from './clients';
import { AwsReadError, AwsServiceName, isThrottling } from './errors';
import {
  DEFAULT_READER_RATE_LIMITS,
  ReaderRateLimits,
  ServiceLimiter,
} from './rateLimit';
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

/**
 * Everything one read shares: clients, per-service limiters, statistics,
 * warnings, and the abort signal that stops all calls once a required
 * listing has failed.
 */
export class ReadContext {
  readonly clients: AwsOrganizationsClients;
  readonly logger: LoggerService;
  readonly stats: ReadStatsRecorder;
  readonly warnings: SnapshotWarning[];
  readonly #limiters: Record<AwsServiceName, ServiceLimiter>;
  /** Calls sent and not settled yet, shared by the whole read. */
  readonly #inFlight: Set<Promise<unknown>>;
  readonly #abort = new AbortController();
  #failure?: unknown;

  constructor(
    options: {
      clients: AwsOrganizationsClients;
      logger: LoggerService;
      rateLimits?: ReaderRateLimits;
    },
    parent?: ReadContext,
  ) {
    this.clients = options.clients;
    this.logger = options.logger;
    if (parent) {
      this.stats = parent.stats;
      this.warnings = parent.warnings;
      this.#limiters = parent.#limiters;
      this.#inFlight = parent.#inFlight;
      const onParentAbort = () => this.fail(parent.#failure);
      if (parent.#abort.signal.aborted) {
        onParentAbort();
      } else {
        parent.#abort.signal.addEventListener('abort', onParentAbort, {
          once: true,
        });
      }
    } else {
      this.stats = new ReadStatsRecorder();
      this.warnings = [];
      this.#inFlight = new Set();
      const limits = options.rateLimits ?? DEFAULT_READER_RATE_LIMITS;
      this.#limiters = {
        organizations: new ServiceLimiter(limits.organizations),
        ssoAdmin: new ServiceLimiter(limits.ssoAdmin),
        identityStore: new ServiceLimiter(limits.identityStore),
      };
    }
  }

  /**
   * A context for one part of the read (e.g. Identity Center) that can fail
   * on its own: failing it stops its calls only, failing the parent stops
   * both. Statistics, warnings and limits are shared.
   */
  child(): ReadContext {
    return new ReadContext(
      { clients: this.clients, logger: this.logger },
      this,
    );
  }

  /** Stops every pending and later call: the read has failed. */
  fail(error: unknown): void {
    if (!this.#failure) {
      this.#failure = error;
      this.#abort.abort();
    }
  }

  /**
   * Resolves once no call of the read (children included) is queued or in
   * flight. After {@link ReadContext.fail}, every call rejects at once, so
   * this waits only for the aborts to land: a failed read awaits it so that
   * no call outlives the read.
   */
  async drain(): Promise<void> {
    while (this.#inFlight.size > 0) {
      await Promise.allSettled([...this.#inFlight]);
    }
  }

  /** Records a warning for an optional part that degraded to unknown. */
  warn(target: CallTarget, error: unknown): string {
    const message = error instanceof AwsReadError ? error.code : String(error);
    const reason = `${target.operation} failed: ${message}`;
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
   * Reads an optional part: when it fails (and the read as a whole has not),
   * the value is unknown and a warning says why.
   */
  async optional<T>(
    target: CallTarget,
    read: () => Promise<T>,
  ): Promise<Knowable<T>> {
    try {
      return await read();
    } catch (error) {
      if (this.#abort.signal.aborted) {
        throw this.#failure ?? error;
      }
      return { unknown: true, reason: this.warn(target, error) };
    }
  }

  /**
   * Sends one command within the service's concurrency bound. Every HTTP
   * attempt (retries included) waits for a token of the service's bucket
   * and is counted; throttling responses are counted. Failures become an
   * {@link AwsReadError} naming the operation and resource.
   */
  async send<Output extends MetadataBearer>(
    target: CallTarget,
    command: SdkCommand<Output>,
  ): Promise<Output> {
    const { service, operation } = target;
    const limiter = this.#limiters[service];
    const stats = this.stats;
    let attempts = 0;
    command.middlewareStack.add(
      next => async args => {
        attempts += 1;
        if (attempts > 1) {
          stats.recordCall(service, operation);
          stats.recordRetry();
        }
        await limiter.bucket.take();
        try {
          return await next(args);
        } catch (error) {
          if (isThrottling(error)) {
            stats.recordThrottle();
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
    const call = limiter.run(async () => {
      if (this.#abort.signal.aborted) {
        throw this.#failure;
      }
      stats.recordCall(service, operation);
      const client = this.clients[service] as unknown as SendableClient;
      try {
        return (await client.send(command, {
          abortSignal: this.#abort.signal,
        })) as Output;
      } catch (error) {
        if (this.#abort.signal.aborted && this.#failure) {
          throw this.#failure;
        }
        throw new AwsReadError({ ...target, cause: error });
      }
    });
    this.#inFlight.add(call);
    const forget = () => {
      this.#inFlight.delete(call);
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
  ): Promise<Item[]> {
    const result: Item[] = [];
    let emptyPagesInARow = 0;
    let nextToken: string | undefined;
    do {
      const output = await this.send(target, makeCommand(nextToken));
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
