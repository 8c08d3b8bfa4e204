import { buildDataset, DatasetName } from './datasets';
import { FaultConfig, FaultInjector } from './knobs/faults';
import { LatencyModel, LatencyOption } from './knobs/latency';
import { CallCounter, EmulatorStats } from './knobs/stats';
import { RateLimiters, RateLimitOptions } from './knobs/rateLimits';
import { CallerView, checkCaller, resolveIdentity } from './knobs/caller';
import { createAdminHandler } from './admin';
import {
  AwsError,
  isQueryService,
  QUERY_SERVICE_VERSIONS,
  throttlingError,
} from './protocol/errors';
import { RequestInput } from './protocol/input';
import { AwsCall, startEmulatorServer } from './protocol/server';
import { OPERATIONS } from './services';
import { countState } from './state/counts';
import { DatasetCounts, EmulatorState } from './state/types';

/** @public */
export interface EmulatorOptions {
  /** The data set to serve; default `demo`. Ignored when `state` is given. */
  dataset?: DatasetName;
  /** A ready state to serve instead of a data set (e.g. from createEmptyState). */
  state?: EmulatorState;
  /** Seeds the data set generator and the fault/jitter PRNGs; default 1. */
  seed?: number;
  /** Default 0: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Latency added to every call, for all services or per service. */
  latencyMs?: LatencyOption;
  /** Uniform jitter of the latency, +/- this many ms. */
  latencyJitterMs?: number;
  /**
   * Server-side token buckets, per service and optionally one collective
   * `identityCenter` bucket for SSO Admin and the Identity Store; an empty
   * bucket answers the service's throttling error.
   */
  rateLimit?: RateLimitOptions;
  faults?: FaultConfig;
  /**
   * Whose credentials the caller holds: the management account (default) or
   * a delegated administrator of IAM Identity Center, which AWS denies
   * ListAccountAssignmentsForPrincipal and the permission sets provisioned
   * to the management account.
   */
  caller?: CallerView;
}

/** @public */
export interface RunningEmulator {
  /** Give this to the SDK clients as `endpoint`. */
  url: string;
  /** The live data, mutable for tests. */
  state: EmulatorState;
  /** What the state holds now (a reader must find all of it). */
  readonly expected: DatasetCounts;
  stats(): EmulatorStats;
  resetStats(): void;
  /** Replaces the current faults. */
  setFaults(faults: FaultConfig): void;
  close(): Promise<void>;
}

/**
 * The call pipeline: count, delay, rate-limit, inject faults, answer.
 */
class CallPipeline {
  readonly counter = new CallCounter();
  readonly faults: FaultInjector;
  readonly #state: EmulatorState;
  readonly #latency: LatencyModel;
  readonly #limits: RateLimiters;
  readonly #caller: CallerView;

  constructor(state: EmulatorState, options: EmulatorOptions, seed: number) {
    this.#state = state;
    this.faults = new FaultInjector(seed, options.faults);
    this.#latency = new LatencyModel(
      options.latencyMs,
      options.latencyJitterMs,
      seed,
    );
    this.#limits = new RateLimiters(options.rateLimit);
    this.#caller = options.caller ?? 'management-account';
  }

  handle = async ({ service, operation, body, accessKeyId }: AwsCall) => {
    const handler = OPERATIONS[service][operation];
    if (!handler && isQueryService(service)) {
      throw new AwsError(
        'InvalidAction',
        `Could not find operation ${operation} for version ${QUERY_SERVICE_VERSIONS[service]}`,
      );
    }
    if (!handler) {
      throw new AwsError(
        'UnknownOperationException',
        `The emulator does not support ${service}.${operation}`,
      );
    }
    this.counter.count(service, operation);
    await this.#latency.wait(service);
    if (!this.#limits.tryTake(service)) {
      this.counter.throttle();
      throw throttlingError(service);
    }
    this.faults.beforeCall(service, operation, body);
    const input = new RequestInput(service, body);
    const identity = resolveIdentity(this.#state, accessKeyId);
    checkCaller(this.#caller, this.#state, service, operation, input);
    return handler({
      state: this.#state,
      input,
      operation,
      caller: this.#caller,
      identity,
      emptyPage: () => this.faults.takeEmptyPage(operation),
    });
  };
}

/**
 * Starts the emulator: one HTTP endpoint for Organizations, SSO Admin and
 * Identity Store, plus the admin endpoint under `/_emulator/`.
 *
 * @public
 */
export async function startEmulator(
  options: EmulatorOptions = {},
): Promise<RunningEmulator> {
  const seed = options.seed ?? 1;
  const state = options.state ?? buildDataset(options.dataset ?? 'demo', seed);
  const pipeline = new CallPipeline(state, options, seed);
  const stats = () => pipeline.counter.snapshot(pipeline.faults.injected);
  const resetStats = () => {
    pipeline.counter.reset();
    pipeline.faults.resetCount();
  };
  const setFaults = (faults: FaultConfig) => pipeline.faults.setFaults(faults);
  const server = await startEmulatorServer({
    handle: pipeline.handle,
    admin: createAdminHandler({
      state,
      stats,
      resetStats,
      setFaults,
      getFaults: () => pipeline.faults.faults,
    }),
    port: options.port,
    host: options.host,
  });
  return {
    url: server.url,
    state,
    get expected() {
      return countState(state);
    },
    stats,
    resetStats,
    setFaults,
    close: () => server.close(),
  };
}
