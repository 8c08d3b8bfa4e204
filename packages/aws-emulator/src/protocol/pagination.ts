import { EmulatedService, validationError } from './errors';
import { RequestInput } from './input';

/** Page-size limits and defaults of each service. @public */
export const PAGE_LIMITS: Record<
  EmulatedService,
  { min: number; max: number; default: number }
> = {
  organizations: { min: 1, max: 20, default: 20 },
  ssoAdmin: { min: 1, max: 100, default: 100 },
  identityStore: { min: 1, max: 100, default: 100 },
  sqs: { min: 1, max: 1000, default: 1000 },
  // IAM MaxItems 1-1000 (default 100); Config Limit 0-100 (0 or none: 25
  // for a non-aggregation query); STS does not page.
  iam: { min: 1, max: 1000, default: 100 },
  sts: { min: 1, max: 1, default: 1 },
  config: { min: 0, max: 100, default: 25 },
  // CloudTrail's reads here do not page (DescribeTrails, GetTrailStatus).
  cloudTrail: { min: 1, max: 50, default: 50 },
  // Security Hub GetFindingsV2 MaxResults 1-100 (default 100); Access
  // Analyzer ListAnalyzers/ListFindingsV2 maxResults (default 100).
  securityHub: { min: 1, max: 100, default: 100 },
  accessAnalyzer: { min: 1, max: 100, default: 100 },
};

/** The names of the paging members (lower camel case in REST-JSON APIs). */
export interface PageMemberNames {
  maxResults: string;
  nextToken: string;
}

const DEFAULT_NAMES: PageMemberNames = {
  maxResults: 'MaxResults',
  nextToken: 'NextToken',
};

/** What a paginated handler needs to know about the call. @public */
export interface PageContext {
  operation: string;
  /**
   * Fault injection: true when this call must answer an empty page that
   * still carries a NextToken (consumes one injected fault).
   */
  emptyPage(): boolean;
}

/** One page of a listing. @public */
export interface Page<T> {
  items: T[];
  nextToken?: string;
}

function fingerprint(
  operation: string,
  body: Record<string, unknown>,
  names: PageMemberNames = DEFAULT_NAMES,
) {
  const rest = { ...body };
  delete rest[names.nextToken];
  delete rest[names.maxResults];
  const text = `${operation}:${JSON.stringify(rest)}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

function encodeToken(offset: number, fp: string): string {
  return Buffer.from(JSON.stringify({ v: 1, o: offset, f: fp })).toString(
    'base64url',
  );
}

function decodeToken(
  input: RequestInput,
  token: string,
  fp: string,
  operation: string,
): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (
      parsed.v === 1 &&
      parsed.f === fp &&
      Number.isInteger(parsed.o) &&
      parsed.o >= 0
    ) {
      return parsed.o;
    }
  } catch {
    // fall through to the service's error
  }
  throw validationError(
    input.service,
    input.service === 'organizations'
      ? 'The provided pagination token is not valid.'
      : `Invalid NextToken for ${operation}`,
    'INVALID_PAGINATION_TOKEN',
  );
}

/**
 * Reads `MaxResults` with the service's limits: out of range answers
 * InvalidInputException (Organizations) or ValidationException.
 *
 * @public
 */
export function readMaxResults(
  input: RequestInput,
  names: PageMemberNames = DEFAULT_NAMES,
  limits = PAGE_LIMITS[input.service],
): number {
  const value = input.body[names.maxResults];
  if (value === undefined || value === null) return limits.default;
  // "If you specify 0, AWS Config uses the default" (a minimum of 0).
  if (value === 0 && limits.min === 0) return limits.default;
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < limits.min ||
    value > limits.max
  ) {
    throw validationError(
      input.service,
      `1 validation error detected: Value '${String(
        value,
      )}' at 'maxResults' failed to satisfy constraint: Member must have value between ${
        limits.min
      } and ${limits.max}`,
      typeof value === 'number' && value > limits.max
        ? 'MAX_VALUE_EXCEEDED'
        : 'MIN_VALUE_EXCEEDED',
    );
  }
  return value;
}

/**
 * Cuts one page out of `items` with an opaque NextToken bound to the
 * operation and its other parameters; a token from another request, or a
 * made-up one, answers the service's validation error.
 *
 * @public
 */
export function paginate<T>(
  ctx: PageContext,
  input: RequestInput,
  items: readonly T[],
  options: {
    maxResults?: boolean;
    names?: PageMemberNames;
    /** The operation's own page limits, when they differ from the service's. */
    limits?: { min: number; max: number; default: number };
  } = {},
): Page<T> {
  const names = options.names ?? DEFAULT_NAMES;
  const limits = options.limits ?? PAGE_LIMITS[input.service];
  const pageSize =
    options.maxResults === false
      ? limits.default
      : readMaxResults(input, names, limits);
  const fp = fingerprint(ctx.operation, input.body, names);
  const token = input.optionalString(names.nextToken);
  const offset = token ? decodeToken(input, token, fp, ctx.operation) : 0;
  if (ctx.emptyPage()) {
    return { items: [], nextToken: encodeToken(offset, fp) };
  }
  const end = offset + pageSize;
  return {
    items: items.slice(offset, end),
    nextToken: end < items.length ? encodeToken(end, fp) : undefined,
  };
}
