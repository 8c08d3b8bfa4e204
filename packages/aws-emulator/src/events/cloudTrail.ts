import { randomUUID } from 'node:crypto';
import { EmulatedService } from '../protocol/errors';
import { CallOrigin } from '../protocol/server';

/**
 * The services whose writes CloudTrail records, with the `eventSource` of
 * their CloudTrail records and the `source` EventBridge gives them (the
 * EventBridge events reference: aws.organizations, aws.sso,
 * aws.identitystore).
 *
 * @public
 */
export const CLOUDTRAIL_SOURCES: Partial<
  Record<EmulatedService, { eventSource: string; source: string }>
> = {
  organizations: {
    eventSource: 'organizations.amazonaws.com',
    source: 'aws.organizations',
  },
  ssoAdmin: { eventSource: 'sso.amazonaws.com', source: 'aws.sso' },
  identityStore: {
    eventSource: 'identitystore.amazonaws.com',
    source: 'aws.identitystore',
  },
};

/** A CloudTrail record (CloudTrail record contents). @public */
export interface CloudTrailRecord {
  eventVersion: string;
  userIdentity: Record<string, unknown>;
  eventTime: string;
  eventSource: string;
  eventName: string;
  awsRegion: string;
  sourceIPAddress: string;
  userAgent: string;
  requestParameters: Record<string, unknown> | null;
  responseElements: Record<string, unknown> | null;
  requestID?: string;
  eventID: string;
  readOnly: boolean;
  eventType: 'AwsApiCall' | 'AwsServiceEvent';
  managementEvent: true;
  recipientAccountId: string;
  serviceEventDetails?: Record<string, unknown>;
  eventCategory: 'Management';
}

/** An EventBridge event whose detail is a CloudTrail record. @public */
export interface CloudTrailEventBridgeEvent {
  version: '0';
  id: string;
  'detail-type':
    | 'AWS API Call via CloudTrail'
    | 'AWS Service Event via CloudTrail';
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: CloudTrailRecord;
}

/** Whether an operation only reads (CloudTrail's `readOnly`). */
export function isReadOnly(operation: string): boolean {
  return /^(List|Describe|Get)/.test(operation);
}

const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** A timestamp as CloudTrail writes them in responseElements: "Sep 16, 2020 9:20:50 PM" (UTC). */
export function cloudTrailTimestamp(date: Date): string {
  const hours = date.getUTCHours();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${
    MONTHS[date.getUTCMonth()]
  } ${date.getUTCDate()}, ${date.getUTCFullYear()} ${
    hours % 12 === 0 ? 12 : hours % 12
  }:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${
    hours < 12 ? 'AM' : 'PM'
  }`;
}

/** ISO 8601 to the second, as `eventTime` and the EventBridge `time`. */
export function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/**
 * An API shape as CloudTrail records it: member names in lower camel case
 * (`AccountId` -> `accountId`), timestamps (epoch seconds in JSON 1.1) as
 * {@link cloudTrailTimestamp}.
 */
export function toCloudTrailShape(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map(v => toCloudTrailShape(v));
  if (typeof value === 'number' && /(Timestamp|Date)$/.test(key)) {
    return cloudTrailTimestamp(new Date(value * 1000));
  }
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k.charAt(0).toLowerCase() + k.slice(1),
      toCloudTrailShape(v, k),
    ]),
  );
}

/** Parameters CloudTrail masks ("****" in the CreateAccount example). */
const MASKED: Record<string, string[]> = {
  CreateAccount: ['email', 'accountName'],
};

function mask(operation: string, shape: unknown): unknown {
  const keys = MASKED[operation];
  if (!keys || typeof shape !== 'object' || shape === null) return shape;
  const masked = { ...(shape as Record<string, unknown>) };
  for (const key of keys) if (key in masked) masked[key] = '****';
  return masked;
}

/** What a recorded write needs besides the call itself. */
export interface RecordContext {
  /** The account that receives the event: the management account, or Identity Center's. */
  accountId: string;
  region: string;
  origin?: CallOrigin;
  now: Date;
}

function userIdentity(accountId: string, origin?: CallOrigin) {
  return {
    type: 'AssumedRole',
    principalId: 'AROAEMULATOREXAMPLE:emulator',
    arn: `arn:aws:sts::${accountId}:assumed-role/EmulatorAdmin/emulator`,
    accountId,
    ...(origin?.accessKeyId ? { accessKeyId: origin.accessKeyId } : {}),
    sessionContext: {
      sessionIssuer: {
        type: 'Role',
        principalId: 'AROAEMULATOREXAMPLE',
        arn: `arn:aws:iam::${accountId}:role/EmulatorAdmin`,
        accountId,
        userName: 'EmulatorAdmin',
      },
      attributes: { mfaAuthenticated: 'false' },
    },
  };
}

function envelope(
  source: string,
  context: RecordContext,
  detail: CloudTrailRecord,
): CloudTrailEventBridgeEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type':
      detail.eventType === 'AwsApiCall'
        ? 'AWS API Call via CloudTrail'
        : 'AWS Service Event via CloudTrail',
    source,
    account: context.accountId,
    time: detail.eventTime,
    region: context.region,
    resources: [],
    detail,
  };
}

/** The EventBridge event of an API call CloudTrail recorded. */
export function apiCallEvent(
  service: EmulatedService,
  operation: string,
  request: Record<string, unknown>,
  response: unknown,
  context: RecordContext,
): CloudTrailEventBridgeEvent {
  const { eventSource, source } = CLOUDTRAIL_SOURCES[service]!;
  const requestParameters = mask(operation, toCloudTrailShape(request));
  const responseElements = toCloudTrailShape(response);
  return envelope(source, context, {
    eventVersion: '1.08',
    userIdentity: userIdentity(context.accountId, context.origin),
    eventTime: isoSeconds(context.now),
    eventSource,
    eventName: operation,
    awsRegion: context.region,
    sourceIPAddress: context.origin?.sourceIpAddress ?? '127.0.0.1',
    userAgent: context.origin?.userAgent ?? 'aws-emulator-admin',
    requestParameters:
      Object.keys(request).length > 0
        ? (requestParameters as Record<string, unknown>)
        : null,
    responseElements:
      responseElements &&
      typeof responseElements === 'object' &&
      Object.keys(responseElements).length > 0
        ? (responseElements as Record<string, unknown>)
        : null,
    requestID: randomUUID(),
    eventID: randomUUID(),
    readOnly: isReadOnly(operation),
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: context.accountId,
    eventCategory: 'Management',
  });
}

/**
 * The EventBridge event of a service event CloudTrail recorded, e.g.
 * `CreateAccountResult` when an account creation completes.
 */
export function serviceEvent(
  service: EmulatedService,
  eventName: string,
  serviceEventDetails: Record<string, unknown>,
  context: RecordContext,
): CloudTrailEventBridgeEvent {
  const { eventSource, source } = CLOUDTRAIL_SOURCES[service]!;
  return envelope(source, context, {
    eventVersion: '1.08',
    userIdentity: { accountId: context.accountId, invokedBy: eventSource },
    eventTime: isoSeconds(context.now),
    eventSource,
    eventName,
    awsRegion: context.region,
    sourceIPAddress: eventSource,
    userAgent: eventSource,
    requestParameters: null,
    responseElements: null,
    eventID: randomUUID(),
    readOnly: false,
    eventType: 'AwsServiceEvent',
    managementEvent: true,
    recipientAccountId: context.accountId,
    serviceEventDetails: toCloudTrailShape(serviceEventDetails) as Record<
      string,
      unknown
    >,
    eventCategory: 'Management',
  });
}
