/**
 * The services the emulator speaks, by the target prefix of their
 * `X-Amz-Target` header.
 *
 * @public
 */
export const SERVICE_TARGET_PREFIXES = {
  organizations: 'AWSOrganizationsV20161128',
  ssoAdmin: 'SWBExternalService',
  identityStore: 'AWSIdentityStore',
  sqs: 'AmazonSQS',
  config: 'StarlingDoveService',
  cloudTrail: 'CloudTrail_20131101',
} as const;

/**
 * The services that speak the REST-JSON protocol (the operation in the
 * method and path, JSON bodies, the error code in `x-amzn-errortype`).
 *
 * @public
 */
export const REST_SERVICES = ['securityHub', 'accessAnalyzer'] as const;

/**
 * The services that speak the AWS query protocol (form-encoded
 * `Action=...&Version=...`, XML answers), by their API version.
 *
 * @public
 */
export const QUERY_SERVICE_VERSIONS = {
  iam: '2010-05-08',
  sts: '2011-06-15',
} as const;

/** @public */
export type EmulatedService =
  | keyof typeof SERVICE_TARGET_PREFIXES
  | keyof typeof QUERY_SERVICE_VERSIONS
  | (typeof REST_SERVICES)[number];

/** All emulated services. @public */
export const EMULATED_SERVICES = [
  ...Object.keys(SERVICE_TARGET_PREFIXES),
  ...Object.keys(QUERY_SERVICE_VERSIONS),
  ...REST_SERVICES,
] as EmulatedService[];

/** Whether the service speaks REST-JSON. @public */
export function isRestService(
  service: EmulatedService,
): service is (typeof REST_SERVICES)[number] {
  return (REST_SERVICES as readonly string[]).includes(service);
}

/** Whether the service speaks the query protocol (XML). @public */
export function isQueryService(
  service: EmulatedService,
): service is keyof typeof QUERY_SERVICE_VERSIONS {
  return service in QUERY_SERVICE_VERSIONS;
}

/**
 * An AWS service error as the JSON 1.1 protocol carries it: `__type` names
 * the error code, the HTTP status tells client from server faults, `fields`
 * are the error shape's members besides `Message` (e.g. `Reason`).
 *
 * @public
 */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly statusCode: number = 400,
    readonly fields: Record<string, unknown> = {},
    /** Sent instead of the JSON error, e.g. a proxy's HTML error page. */
    readonly htmlBody?: string,
  ) {
    super(message);
    this.name = code;
  }
}

/** The error codes that differ between the services. @public */
export interface ServiceErrorCodes {
  validation: string;
  throttling: string;
  serverError: string;
  notFound: string;
}

/** @public */
export const SERVICE_ERROR_CODES: Record<EmulatedService, ServiceErrorCodes> = {
  organizations: {
    validation: 'InvalidInputException',
    throttling: 'TooManyRequestsException',
    serverError: 'ServiceException',
    notFound: 'TargetNotFoundException',
  },
  ssoAdmin: {
    validation: 'ValidationException',
    throttling: 'ThrottlingException',
    serverError: 'InternalServerException',
    notFound: 'ResourceNotFoundException',
  },
  identityStore: {
    validation: 'ValidationException',
    throttling: 'ThrottlingException',
    serverError: 'InternalServerException',
    notFound: 'ResourceNotFoundException',
  },
  sqs: {
    validation: 'InvalidParameterValue',
    throttling: 'RequestThrottled',
    serverError: 'InternalFailure',
    notFound: 'QueueDoesNotExist',
  },
  // IAM and STS: the query protocol's codes (IAM API reference, Common Errors).
  iam: {
    validation: 'ValidationError',
    throttling: 'Throttling',
    serverError: 'ServiceFailure',
    notFound: 'NoSuchEntity',
  },
  sts: {
    validation: 'ValidationError',
    throttling: 'Throttling',
    serverError: 'InternalFailure',
    notFound: 'NoSuchEntity',
  },
  config: {
    validation: 'ValidationException',
    throttling: 'ThrottlingException',
    serverError: 'InternalFailure',
    notFound: 'NoSuchConfigurationAggregatorException',
  },
  // CloudTrail (JSON 1.1): its API reference's common errors.
  cloudTrail: {
    validation: 'InvalidParameterException',
    throttling: 'ThrottlingException',
    serverError: 'InternalFailure',
    notFound: 'TrailNotFoundException',
  },
  // Security Hub and IAM Access Analyzer (REST-JSON).
  securityHub: {
    validation: 'ValidationException',
    throttling: 'ThrottlingException',
    serverError: 'InternalServerException',
    notFound: 'ResourceNotFoundException',
  },
  accessAnalyzer: {
    validation: 'ValidationException',
    throttling: 'ThrottlingException',
    serverError: 'InternalServerException',
    notFound: 'ResourceNotFoundException',
  },
};

/**
 * The HTTP status of a REST-JSON error by its code (the services' API
 * references); other codes keep the status they were made with.
 *
 * @public
 */
export const REST_ERROR_STATUS: Record<string, number> = {
  AccessDeniedException: 403,
  InvalidAccessException: 401,
  ResourceNotFoundException: 404,
  ConflictException: 409,
  ThrottlingException: 429,
  ServiceQuotaExceededException: 402,
  InternalServerException: 500,
  ValidationException: 400,
  InvalidInputException: 400,
};

/**
 * A validation error of the service: InvalidInputException with a `Reason`
 * for Organizations, ValidationException for SSO Admin and Identity Store.
 *
 * @public
 */
export function validationError(
  service: EmulatedService,
  message: string,
  reason = 'INVALID_INPUT',
): AwsError {
  if (service === 'organizations') {
    return new AwsError('InvalidInputException', message, 400, {
      Reason: reason,
    });
  }
  return new AwsError(SERVICE_ERROR_CODES[service].validation, message);
}

/** The service's throttling error. @public */
export function throttlingError(service: EmulatedService): AwsError {
  if (service === 'sqs') {
    return new AwsError(
      'RequestThrottled',
      'The request was denied due to request throttling.',
    );
  }
  if (isQueryService(service)) {
    return new AwsError('Throttling', 'Rate exceeded', 400);
  }
  return service === 'organizations'
    ? new AwsError(
        'TooManyRequestsException',
        'AWS Organizations can\u2019t complete your request because another request is already in progress. Try again later.',
        400,
        { Type: 'TooManyRequests' },
      )
    : new AwsError('ThrottlingException', 'Rate exceeded', 400, {
        RetryAfterSeconds: 1,
      });
}

/** The service's 500 error. @public */
export function serverError(service: EmulatedService): AwsError {
  return new AwsError(
    SERVICE_ERROR_CODES[service].serverError,
    'The request failed because of an internal error. Try again later.',
    500,
  );
}

/**
 * AccessDeniedException as the service words it (`AccessDenied`, HTTP 403,
 * for IAM and STS).
 *
 * @public
 */
export function accessDeniedError(
  operation: string,
  service?: EmulatedService,
): AwsError {
  if (service && isQueryService(service)) {
    return new AwsError(
      'AccessDenied',
      `User: arn:aws:sts::000000000000:assumed-role/reader/emulator is not authorized to perform: ${service}:${operation}`,
      403,
    );
  }
  return new AwsError(
    'AccessDeniedException',
    `User: arn:aws:sts::000000000000:assumed-role/reader/emulator is not authorized to perform: ${operation}`,
  );
}
