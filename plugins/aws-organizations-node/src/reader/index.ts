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
export { DEFAULT_READER_RATE_LIMITS } from './rateLimit';
export type { ReaderRateLimits, ServiceRateLimit } from './rateLimit';
export type { AssignmentStrategy } from './assignments';
export { readOrganizationSnapshot } from './readSnapshot';
export type { ReadOrganizationSnapshotOptions } from './readSnapshot';
