export * from './types';
export {
  awsOrganizationsComplianceExtensionPoint,
  ComplianceRuleCollector,
} from './extensionPoint';
export type { AwsOrganizationsComplianceExtensionPoint } from './extensionPoint';
export { createComplianceSnapshotIndex } from './snapshotIndex';
export type {
  ComplianceIdentityCenterState,
  ComplianceSnapshotIndex,
} from './snapshotIndex';
export * from './kit';
