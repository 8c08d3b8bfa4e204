import {
  accessDeniedError,
  AwsError,
  EmulatedService,
  SERVICE_ERROR_CODES,
  serverError,
  throttlingError,
} from '../protocol/errors';
import { Prng } from '../state/prng';

/**
 * Faults to inject. All random choices come from a PRNG seeded with the
 * emulator's seed and reset by every `setFaults`, so a
 * run is reproducible.
 *
 * @public
 */
export interface FaultConfig {
  /** Every call of these services answers AccessDeniedException. */
  accessDenied?: EmulatedService[];
  /**
   * Per operation name (e.g. `ListAccountsForParent`): the share of calls
   * (0..1) that fail with `code` (default: the service's 500 error) and
   * `statusCode` (default 500 for server error codes, else 400). With
   * `html`, the answer is an HTML page with that status instead of an AWS
   * error (what a proxy or load balancer in front of AWS answers). With
   * `resources`, only calls naming one of them (`ResourceId`,
   * `ResourceArn`, `ParentId`, `PermissionSetArn`, `GroupId`, `PrincipalId`,
   * `AccountId`, `PolicyId`, the policy type in `Filter`, `RoleArn` of
   * STS AssumeRole, `PolicyArn` of IAM, `ConfigurationAggregatorName`) can
   * fail. With `limit`, at most that many calls of the operation fail;
   * with `rate: 1` that is "the first `limit` calls fail", whatever order
   * the calls arrive in (a test that must not depend on timing).
   */
  errorRate?: Record<
    string,
    {
      rate: number;
      code?: string;
      statusCode?: number;
      html?: boolean;
      resources?: string[];
      limit?: number;
    }
  >;
  /** The next `count` matching calls answer the service's 500 error. */
  serverErrorBurst?: {
    service?: EmulatedService;
    operation?: string;
    count: number;
  };
  /** The first `count` calls of `operation` answer an empty page with a NextToken. */
  emptyPagesWithToken?: { operation: string; count: number };
}

function isServerCode(code: string) {
  return Object.values(SERVICE_ERROR_CODES).some(c => c.serverError === code);
}

function errorFor(
  service: EmulatedService,
  operation: string,
  spec: { code?: string; statusCode?: number; html?: boolean },
): AwsError {
  if (spec.html) {
    const status = spec.statusCode ?? 502;
    return new AwsError(
      'BadGateway',
      'Bad Gateway',
      status,
      {},
      `<html><head><title>${status} Bad Gateway</title></head><body><h1>${status} Bad Gateway</h1></body></html>`,
    );
  }
  const code = spec.code ?? SERVICE_ERROR_CODES[service].serverError;
  let base: AwsError;
  if (code === SERVICE_ERROR_CODES[service].throttling) {
    base = throttlingError(service);
  } else if (code === 'AccessDeniedException' || code === 'AccessDenied') {
    base = accessDeniedError(operation, service);
  } else if (isServerCode(code)) {
    base = serverError(service);
  } else {
    base = new AwsError(code, `Injected ${code} for ${operation}`);
  }
  const status =
    spec.statusCode ?? (isServerCode(code) ? 500 : base.statusCode);
  return new AwsError(code, base.message, status, base.fields);
}

const RESOURCE_PARAMETERS = [
  'ResourceId',
  'ResourceArn',
  'ParentId',
  'PermissionSetArn',
  'GroupId',
  'PrincipalId',
  'AccountId',
  'PolicyId',
  'Filter',
  'RoleArn',
  'PolicyArn',
  'ConfigurationAggregatorName',
];

function namesOneOf(body: Record<string, unknown>, resources: string[]) {
  return RESOURCE_PARAMETERS.some(
    p => typeof body[p] === 'string' && resources.includes(body[p] as string),
  );
}

/**
 * Decides, call by call, which fault to inject.
 *
 * @public
 */
export class FaultInjector {
  readonly #seed: number;
  #faults: FaultConfig = {};
  #prng: Prng;
  #burstLeft = 0;
  #emptyPagesLeft = 0;
  #injected = 0;
  /** Faults injected per `errorRate` operation since the last `setFaults`. */
  #injectedByOperation = new Map<string, number>();

  constructor(seed: number, faults: FaultConfig = {}) {
    this.#seed = seed;
    this.#prng = new Prng(seed);
    this.setFaults(faults);
  }

  get faults(): FaultConfig {
    return this.#faults;
  }

  /** How many faults were injected since the last reset. */
  get injected(): number {
    return this.#injected;
  }

  resetCount() {
    this.#injected = 0;
  }

  /** Replaces the faults and restarts the PRNG. */
  setFaults(faults: FaultConfig) {
    this.#faults = structuredClone(faults);
    this.#prng = new Prng(this.#seed);
    this.#burstLeft = faults.serverErrorBurst?.count ?? 0;
    this.#emptyPagesLeft = faults.emptyPagesWithToken?.count ?? 0;
    this.#injectedByOperation.clear();
  }

  /** Throws the fault this call gets, if any. */
  beforeCall(
    service: EmulatedService,
    operation: string,
    body: Record<string, unknown> = {},
  ) {
    const { accessDenied, serverErrorBurst, errorRate } = this.#faults;
    if (accessDenied?.includes(service)) {
      this.#injected++;
      throw accessDeniedError(operation, service);
    }
    if (
      serverErrorBurst &&
      this.#burstLeft > 0 &&
      (!serverErrorBurst.service || serverErrorBurst.service === service) &&
      (!serverErrorBurst.operation || serverErrorBurst.operation === operation)
    ) {
      this.#burstLeft--;
      this.#injected++;
      throw serverError(service);
    }
    const rate = errorRate?.[operation];
    const injectedHere = this.#injectedByOperation.get(operation) ?? 0;
    if (
      rate &&
      (rate.limit === undefined || injectedHere < rate.limit) &&
      (!rate.resources || namesOneOf(body, rate.resources)) &&
      this.#prng.next() < rate.rate
    ) {
      this.#injected++;
      this.#injectedByOperation.set(operation, injectedHere + 1);
      throw errorFor(service, operation, rate);
    }
  }

  /** True when this call of `operation` must answer an empty page. */
  takeEmptyPage(operation: string): boolean {
    const spec = this.#faults.emptyPagesWithToken;
    if (spec?.operation !== operation || this.#emptyPagesLeft <= 0) {
      return false;
    }
    this.#emptyPagesLeft--;
    this.#injected++;
    return true;
  }
}
