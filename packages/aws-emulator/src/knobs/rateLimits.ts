import { EMULATED_SERVICES, EmulatedService } from '../protocol/errors';
import { TokenBucket } from '@aws-governance/plugin-aws-organizations-common';

/** One server-side token bucket. @public */
export interface RateLimitSpec {
  /** Requests per second the bucket refills. */
  tps: number;
  /** Bucket size: requests allowed at once after an idle period. */
  burst: number;
}

/**
 * Server-side rate limits: a bucket per service, and optionally one
 * `identityCenter` bucket shared by SSO Admin and the Identity Store (AWS
 * documents one collective request rate for the IAM Identity Center APIs).
 * A call is answered only when every bucket that applies to it has a token.
 *
 * @public
 */
export type RateLimitOptions = Partial<
  Record<EmulatedService | 'identityCenter', RateLimitSpec>
>;

/** The services a collective Identity Center bucket covers. */
const IDENTITY_CENTER: readonly EmulatedService[] = [
  'ssoAdmin',
  'identityStore',
];

function bucketOf(spec: RateLimitSpec, now?: () => number): TokenBucket {
  return new TokenBucket({ tps: spec.tps, capacity: spec.burst, now });
}

/** The buckets of {@link RateLimitOptions}, by the service they apply to. */
export class RateLimiters {
  readonly #buckets = Object.fromEntries(
    EMULATED_SERVICES.map(s => [s, []]),
  ) as unknown as Record<EmulatedService, TokenBucket[]>;

  constructor(options: RateLimitOptions = {}, now?: () => number) {
    const { identityCenter, ...perService } = options;
    if (identityCenter) {
      const shared = bucketOf(identityCenter, now);
      for (const service of IDENTITY_CENTER) {
        this.#buckets[service].push(shared);
      }
    }
    for (const [service, spec] of Object.entries(perService)) {
      if (spec) {
        this.#buckets[service as EmulatedService].push(bucketOf(spec, now));
      }
    }
  }

  /** Takes a token from each bucket of the service; false when one is empty. */
  tryTake(service: EmulatedService): boolean {
    return this.#buckets[service].every(bucket => bucket.tryTake());
  }
}
