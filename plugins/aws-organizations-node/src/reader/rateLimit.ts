import { DefaultRateLimiter } from '@smithy/core/retry';
import type { AwsServiceName } from './errors';
import { AdaptiveRate } from './adaptiveRate';
import { TokenBucket } from '@aws-governance/plugin-aws-organizations-common';

/**
 * Optional client-side bounds of one rate budget (a service, or the IAM
 * Identity Center family). The reader finds the real rate by itself; these
 * only keep it lower, for teams that must leave headroom to other tools.
 *
 * @public
 */
export interface ServiceRateLimit {
  /** Requests per second the discovered rate never exceeds. No cap by default. */
  tps?: number;
  /** Requests saved up for after an idle period; default one second's worth. */
  burst?: number;
  /** Logical calls in flight at once, per service. */
  concurrency?: number;
}

/**
 * Where the bounds apply: `organizations`, `identityCenter` (SSO Admin and
 * the Identity Store together: one budget, as AWS documents one collective
 * rate for IAM Identity Center), or `ssoAdmin` / `identityStore` to give
 * those two budgets of their own; `iam`, `sts` and `config` (the roles
 * sources) have a budget each.
 *
 * @public
 */
export type RateLimitKey = AwsServiceName | 'identityCenter';

/** @public */
export type ReaderRateLimits = Partial<Record<RateLimitKey, ServiceRateLimit>>;

/** Logical calls in flight per service, by default. @public */
export const DEFAULT_READER_CONCURRENCY: Record<AwsServiceName, number> = {
  organizations: 8,
  ssoAdmin: 10,
  identityStore: 10,
  iam: 8,
  sts: 8,
  config: 4,
  securityHub: 4,
  accessAnalyzer: 4,
  cloudTrail: 4,
};

/**
 * The optional sources' services (roles and signals): each a budget of its
 * own, so an optional read never slows the required ones.
 */
export const OPTIONAL_SERVICES = [
  'iam',
  'sts',
  'config',
  'securityHub',
  'accessAnalyzer',
  'cloudTrail',
] as const;
const ROLES_SERVICES = OPTIONAL_SERVICES;

/** How the reader paces itself. @public */
export type RateControl = 'aimd' | 'sdk-adaptive';

/** One rate shared by the services it covers. */
export interface RateBudgetSpec {
  name: RateLimitKey;
  services: AwsServiceName[];
  cap?: number;
  burst?: number;
}

/** The budgets and the concurrency per service of a read. */
export interface ResolvedRateLimits {
  budgets: RateBudgetSpec[];
  concurrency: Record<AwsServiceName, number>;
}

const IDENTITY_CENTER: AwsServiceName[] = ['ssoAdmin', 'identityStore'];

function check(key: string, limit: ServiceRateLimit = {}): ServiceRateLimit {
  for (const field of ['tps', 'burst', 'concurrency'] as const) {
    const value = limit[field];
    if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
      throw new TypeError(
        `Invalid rate limit ${key}.${field}: ${value} must be a positive number`,
      );
    }
  }
  return limit;
}

/**
 * Resolves the optional bounds into budgets: Organizations alone, and one
 * Identity Center budget for SSO Admin and the Identity Store unless either
 * is configured apart (then each has its own, over the `identityCenter`
 * values).
 */
export function resolveRateLimits(
  overrides: ReaderRateLimits = {},
): ResolvedRateLimits {
  const organizations = check('organizations', overrides.organizations);
  const identityCenter = check('identityCenter', overrides.identityCenter);
  const apart = IDENTITY_CENTER.some(s => overrides[s] !== undefined);
  const own = (s: AwsServiceName) => ({
    ...identityCenter,
    ...check(s, overrides[s]),
  });
  const budgets: RateBudgetSpec[] = [
    {
      name: 'organizations',
      services: ['organizations'],
      ...bounds(organizations),
    },
    ...(apart
      ? IDENTITY_CENTER.map(s => ({
          name: s,
          services: [s],
          ...bounds(own(s)),
        }))
      : [
          {
            name: 'identityCenter' as const,
            services: IDENTITY_CENTER,
            ...bounds(identityCenter),
          },
        ]),
  ];
  for (const s of ROLES_SERVICES) {
    budgets.push({ name: s, services: [s], ...bounds(check(s, overrides[s])) });
  }
  const concurrency = { ...DEFAULT_READER_CONCURRENCY };
  concurrency.organizations =
    organizations.concurrency ?? concurrency.organizations;
  for (const s of ROLES_SERVICES) {
    concurrency[s] = overrides[s]?.concurrency ?? concurrency[s];
  }
  for (const s of IDENTITY_CENTER) {
    concurrency[s] = own(s).concurrency ?? concurrency[s];
  }
  return { budgets, concurrency };
}

function bounds(limit: ServiceRateLimit) {
  return {
    ...(limit.tps !== undefined ? { cap: limit.tps } : {}),
    ...(limit.burst !== undefined ? { burst: limit.burst } : {}),
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** What one budget did during a read. */
export interface RateBudgetSummary {
  services: AwsServiceName[];
  /** The rate at the end of the read, requests per second. */
  finalTps: number;
  peakTps: number;
  /** Times throttling lowered the rate. */
  decreases: number;
}

/**
 * One budget at run time: every HTTP attempt of its services takes a token
 * of one bucket, whose rate an `AdaptiveRate` finds from the answers
 * (`aimd`); with `sdk-adaptive` the bucket only enforces the cap and the
 * SDK's own client-side rate limiter, shared by the budget's services,
 * paces the attempts.
 */
export class RateBudget {
  readonly spec: RateBudgetSpec;
  readonly #bucket: TokenBucket;
  readonly #rate?: AdaptiveRate;
  readonly #now: () => number;
  /** The SDK's limiter of this budget, for `sdk-adaptive`. */
  readonly sdkRateLimiter?: DefaultRateLimiter;

  constructor(
    spec: RateBudgetSpec,
    control: RateControl,
    now: () => number = () => performance.now(),
  ) {
    this.spec = spec;
    this.#now = now;
    if (control === 'aimd') {
      this.#rate = new AdaptiveRate({ cap: spec.cap, now: now() });
    } else {
      this.sdkRateLimiter = new DefaultRateLimiter();
    }
    const tps = this.#rate?.tps ?? spec.cap ?? Infinity;
    this.#bucket = new TokenBucket({ tps, capacity: this.#capacity(tps), now });
  }

  #capacity(tps: number) {
    return this.spec.burst ?? (Number.isFinite(tps) ? tps : 1);
  }

  /** Waits for a token; resolves with the time the attempt may be sent. */
  take(): Promise<number> {
    return this.#bucket.take();
  }

  /** An attempt of this budget succeeded. */
  success(): void {
    if (this.#rate?.success(this.#now(), this.#bucket.lastWaitAt)) {
      this.#bucket.setRate(this.#rate.tps, this.#capacity(this.#rate.tps));
    }
  }

  /** An attempt sent at `sentAt` was throttled. */
  throttled(sentAt: number): void {
    if (this.#rate?.throttled(sentAt, this.#now())) {
      this.#bucket.setRate(this.#rate.tps, this.#capacity(this.#rate.tps));
      this.#bucket.empty();
    }
  }

  /** What the adaptive rate found; undefined with `sdk-adaptive`. */
  summary(): RateBudgetSummary | undefined {
    const rate = this.#rate;
    return rate
      ? {
          services: this.spec.services,
          finalTps: round(rate.tps),
          peakTps: round(rate.peakTps),
          decreases: rate.decreases,
        }
      : undefined;
  }
}
