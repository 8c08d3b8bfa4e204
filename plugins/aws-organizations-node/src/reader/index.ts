export {
  createAwsOrganizationsClients,
  createAwsOrganizationsClientsFromSettings,
  DEFAULT_MAX_ATTEMPTS,
} from './clients';
export type {
  AwsOrganizationsClients,
  CreateAwsOrganizationsClientsOptions,
} from './clients';
export { AwsReadError } from './errors';
export type { AwsServiceName } from './errors';
export { DEFAULT_READER_CONCURRENCY } from './rateLimit';
export type {
  RateControl,
  RateLimitKey,
  ReaderRateLimits,
  ServiceRateLimit,
} from './rateLimit';
export { AIMD } from './adaptiveRate';
export type { AssignmentStrategy } from './assignments';
export { readOrganizationSnapshot } from './readSnapshot';
export type { ReadOrganizationSnapshotOptions } from './readSnapshot';
export { createIamRolesReader } from './roles/rolesReader';
export type {
  IamRolesReader,
  IamRolesReaderOptions,
} from './roles/rolesReader';
export { readTargetedUpdate } from './targeted/readTargetedUpdate';
export type {
  ReadTargetedUpdateOptions,
  TargetedUpdate,
} from './targeted/readTargetedUpdate';
export {
  cloudTrailEventFields,
  planForCloudTrailEvent,
} from './targeted/cloudTrailEvents';
export type { CloudTrailEventFields } from './targeted/cloudTrailEvents';
export { mergeRefreshTargets, refreshTargetKey } from './targeted/targets';
export {
  sameSnapshotContent,
  snapshotContent,
} from './targeted/snapshotContent';
export type { SnapshotContent } from './targeted/snapshotContent';
export type { EventPlan, RefreshTarget } from './targeted/targets';
export { createSignalsReader } from './signals/signalsReader';
export type {
  SignalsReader,
  SignalsReaderOptions,
} from './signals/signalsReader';
export { createSignalsReaderFromConfig } from './signals/fromConfig';
