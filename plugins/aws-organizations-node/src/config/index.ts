export { AWS_ORGANIZATIONS_CONFIG_ROOT } from './rules';
export { readAwsOrganizationsReaderConfig } from './reader';
export type { AwsOrganizationsReaderConfig, RolesSourceConfig } from './reader';
export type { SignalsConfig, SignalSourceConfig } from './signals';
export { readAwsOrganizationsCatalogConfig } from './catalog';
export { readAwsOrganizationsComplianceConfig } from './compliance';
export type {
  ComplianceConfig,
  ComplianceRuleScope,
  ComplianceRuleSettings,
} from './compliance';
export type { AwsOrganizationsCatalogConfig } from './catalog';
export {
  readAwsOrganizationsConfig,
  DEFAULT_RESOLUTION_SCHEDULE,
  DEFAULT_REVIEWS_SCHEDULE,
  DEFAULT_SYNC_SCHEDULE,
  REACH_DEPTH,
} from './settings';
export type {
  AwsOrganizationsConfig,
  GroupMappingRule,
  HistoryConfig,
  OwnershipConfig,
  PrincipalMappingConfig,
  ReachConfig,
  ReviewsConfig,
  UserMappingRule,
} from './settings';
export {
  DEFAULT_EVENTS_TOPIC,
  DEFAULT_RECONCILIATION_SCHEDULE,
} from './events';
export type { AwsOrganizationsEventsConfig } from './events';
