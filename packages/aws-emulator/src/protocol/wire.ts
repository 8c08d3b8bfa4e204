import { AwsError, EmulatedService } from './errors';

/** How a service's answers look on the wire. */
interface WireFormat {
  contentType: string;
  /** The error body and extra headers of `error`. */
  error(error: AwsError): {
    body: Record<string, unknown>;
    headers: Record<string, string>;
  };
}

/** AWS JSON 1.1 (Organizations, SSO Admin, Identity Store). */
const JSON_1_1: WireFormat = {
  contentType: 'application/x-amz-json-1.1',
  error: error => ({
    body: { __type: error.code, Message: error.message, ...error.fields },
    headers: { 'x-amzn-errortype': error.code },
  }),
};

/**
 * The legacy Query codes of the SQS errors whose code differs from their
 * shape name ("Interpreting Amazon SQS JSON API responses": SQS answers in
 * AWS JSON 1.0 and keeps the Query code in `x-amzn-query-error`, which the
 * SDK exposes as the error's `Code`).
 */
const SQS_QUERY_CODES: Record<string, string> = {
  QueueDoesNotExist: 'AWS.SimpleQueueService.NonExistentQueue',
  QueueNameExists: 'QueueAlreadyExists',
  MessageNotInflight: 'AWS.SimpleQueueService.MessageNotInflight',
  PurgeQueueInProgress: 'AWS.SimpleQueueService.PurgeQueueInProgress',
  EmptyBatchRequest: 'AWS.SimpleQueueService.EmptyBatchRequest',
  BatchEntryIdsNotDistinct: 'AWS.SimpleQueueService.BatchEntryIdsNotDistinct',
  TooManyEntriesInBatchRequest:
    'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
  InvalidBatchEntryId: 'AWS.SimpleQueueService.InvalidBatchEntryId',
  UnsupportedOperation: 'AWS.SimpleQueueService.UnsupportedOperation',
  AccessDeniedException: 'AccessDenied',
};

/**
 * Errors SQS answers that its API model has no shape for: their `__type`
 * is the generic service namespace, not `com.amazonaws.sqs`.
 */
const SQS_UNMODELED: Record<string, string> = {
  InvalidParameterValue:
    'com.amazon.coral.service#InvalidParameterValueException',
  MissingParameter: 'com.amazon.coral.service#MissingParameterException',
  InternalFailure: 'com.amazon.coral.service#InternalFailure',
  AccessDeniedException: 'com.amazon.coral.service#AccessDeniedException',
  UnknownOperationException:
    'com.amazon.coral.service#UnknownOperationException',
  SerializationException: 'com.amazon.coral.service#SerializationException',
};

/** AWS JSON 1.0 with the awsQueryCompatible error header (SQS). */
const SQS_JSON_1_0: WireFormat = {
  contentType: 'application/x-amz-json-1.0',
  error: error => {
    const fault = error.statusCode >= 500 ? 'Receiver' : 'Sender';
    return {
      body: {
        __type: SQS_UNMODELED[error.code] ?? `com.amazonaws.sqs#${error.code}`,
        message: error.message,
        ...error.fields,
      },
      headers: {
        'x-amzn-query-error': `${
          SQS_QUERY_CODES[error.code] ?? error.code
        };${fault}`,
      },
    };
  },
};

const WIRE_FORMATS: Partial<Record<EmulatedService, WireFormat>> = {
  sqs: SQS_JSON_1_0,
};

/** The wire format of a service (JSON 1.1 unless listed above). */
export function wireFormatOf(service: EmulatedService | undefined) {
  return (service && WIRE_FORMATS[service]) ?? JSON_1_1;
}
