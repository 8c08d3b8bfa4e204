import { CustomErrorBase } from '@backstage/errors';

/**
 * The AWS services the reader calls: Organizations and Identity Center
 * always; IAM, STS and AWS Config when a roles source is configured;
 * Security Hub, IAM Access Analyzer, AWS Config and CloudTrail when a
 * signal source is (`awsOrganizations.signals`).
 *
 * @public
 */
export type AwsServiceName =
  | 'organizations'
  | 'ssoAdmin'
  | 'identityStore'
  | 'iam'
  | 'sts'
  | 'config'
  | 'securityHub'
  | 'accessAnalyzer'
  | 'cloudTrail';

/**
 * A required AWS listing failed: the read stops and no snapshot is produced.
 * Names the service, the operation and the resource it was reading, and the
 * AWS error code of the cause.
 *
 * @public
 */
export class AwsReadError extends CustomErrorBase {
  name = 'AwsReadError' as const;
  readonly service: AwsServiceName;
  readonly operation: string;
  readonly resource: string;
  /** The AWS error code (e.g. AccessDeniedException), or the error name. */
  readonly code: string;

  constructor(options: {
    service: AwsServiceName;
    operation: string;
    resource: string;
    cause: unknown;
  }) {
    const code = awsErrorCode(options.cause);
    super(
      `${options.operation} on ${options.resource} failed: ${code}`,
      options.cause,
    );
    this.service = options.service;
    this.operation = options.operation;
    this.resource = options.resource;
    this.code = code;
  }
}

/**
 * The AWS error code of an SDK error (its name), or a generic fallback. An
 * answer whose body is not JSON (a proxy's 502 page) makes the SDK throw a
 * SyntaxError carrying the HTTP status: its code is then `HTTP <status>`.
 */
export function awsErrorCode(error: unknown): string {
  if (error instanceof AwsReadError) {
    return error.code;
  }
  const status = httpStatus(error);
  if (status !== undefined && (error as Error)?.name === 'SyntaxError') {
    return `HTTP ${status} (the body is not JSON)`;
  }
  if (typeof error === 'object' && error !== null) {
    const e = error as { name?: unknown; Code?: unknown; code?: unknown };
    for (const candidate of [e.Code, e.code, e.name]) {
      if (typeof candidate === 'string' && candidate && candidate !== 'Error') {
        return candidate;
      }
    }
  }
  return 'UnknownError';
}

function httpStatus(error: unknown): number | undefined {
  const meta = (error as { $metadata?: { httpStatusCode?: number } })
    ?.$metadata;
  return meta?.httpStatusCode;
}

const ACCESS_DENIED_CODES = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'AccessDeniedForDependencyException',
  'UnauthorizedOperation',
  'UnrecognizedClientException',
]);

/** Whether the error means the caller may not call the operation. */
export function isAccessDenied(error: unknown): boolean {
  const cause = error instanceof AwsReadError ? error.cause : error;
  return (
    ACCESS_DENIED_CODES.has(awsErrorCode(cause)) || httpStatus(cause) === 403
  );
}

const THROTTLING_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
]);

/** Whether the error is AWS throttling the caller. */
export function isThrottling(error: unknown): boolean {
  return THROTTLING_CODES.has(awsErrorCode(error)) || httpStatus(error) === 429;
}

/** Whether the error says the resource does not exist. */
export function isNotFound(error: unknown): boolean {
  const cause = error instanceof AwsReadError ? error.cause : error;
  return awsErrorCode(cause) === 'ResourceNotFoundException';
}
