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
import { QueueStore } from './services/sqs/queues';
import { EventRecorder, EventsOptions } from './events/recorder';
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
  /**
   * Record every write the emulator accepts (through the AWS APIs or the
   * admin endpoint) as a CloudTrail event and deliver it, as the
   * EventBridge event JSON, to this SQS queue the emulator serves. Off
   * unless given.
   */
  events?: EventsOptions;
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
  /**
   * The URL of the queue the events go to (`<url>/<accountId>/<queueName>`),
   * when `events` is on.
   */
  eventsQueueUrl?: string;
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
  readonly queues = new QueueStore('us-east-1');
  readonly events?: EventRecorder;
  /** The server's URL, which queue URLs start with. */
  baseUrl = '';

  /** The URL of the events queue, when events are on. */
  get eventsQueueUrl(): string | undefined {
    return this.events && `${this.baseUrl}/${this.events.queuePath}`;
  }

  constructor(state: EmulatorState, options: EmulatorOptions, seed: number) {
    this.#state = state;
    if (options.events) {
      this.events = new EventRecorder(state, this.queues, options.events);
    }
    this.faults = new FaultInjector(seed, options.faults);
    this.#latency = new LatencyModel(
      options.latencyMs,
      options.latencyJitterMs,
      seed,
    );
    this.#limits = new RateLimiters(options.rateLimit);
    this.#caller = options.caller ?? 'management-account';
  }

  handle = async (call: AwsCall) => {
    const { service, operation, body } = call;
    handlerOf(call);
    this.counter.count(service, operation);
    await this.#latency.wait(service);
    if (!this.#limits.tryTake(service)) {
      this.counter.throttle();
      throw throttlingError(service);
    }
    this.faults.beforeCall(service, operation, body);
    const input = new RequestInput(service, body);
    checkCaller(this.#caller, this.#state, service, operation, input);
    return this.apply(call);
  };

  /**
   * Runs an operation on the state and records it: the one path of every
   * write, whether it came through the AWS APIs or the admin endpoint.
   */
  apply = async (call: AwsCall) => {
    const response = await handlerOf(call)({
      state: this.#state,
      input: new RequestInput(call.service, call.body),
      operation: call.operation,
      caller: this.#caller,
      identity: resolveIdentity(this.#state, call.origin?.accessKeyId),
      emptyPage: () => this.faults.takeEmptyPage(call.operation),
      origin: call.origin,
      sqs: { queues: this.queues, baseUrl: this.baseUrl },
    });
    this.events?.record(
      call.service,
      call.operation,
      call.body,
      response,
      call.origin,
    );
    return response;
  };
}

function handlerOf({ service, operation }: AwsCall) {
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
  return handler;
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
      call: pipeline.apply,
      events: () =>
        pipeline.events && {
          queueUrl: pipeline.eventsQueueUrl,
          ...pipeline.events.counts,
        },
    }),
    port: options.port,
    host: options.host,
  });
  pipeline.baseUrl = server.url;
  return {
    url: server.url,
    eventsQueueUrl: pipeline.eventsQueueUrl,
    state,
    get expected() {
      return countState(state);
    },
    stats,
    resetStats,
    setFaults,
    close: () => {
      pipeline.queues.close();
      return server.close();
    },
  };
}
