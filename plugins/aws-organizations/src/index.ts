/**
 * Frontend plugin of the AWS Organizations family (legacy frontend system).
 * The new frontend system lives in `./alpha`.
 *
 * @packageDocumentation
 */

export {
  awsOrganizationsPlugin,
  AwsOrganizationsExplorerPage,
  AwsOrganizationsReviewsPage,
  EntityAwsAccountReviewsCard,
  EntityAwsGroupReviewsCard,
  EntityAwsAccountContent,
  EntityAwsAccountOverviewContent,
  EntityAwsAccountGuardrailsContent,
  EntityAwsAccountAccessContent,
  EntityAwsAccountComplianceContent,
  EntityAwsAccountSecurityContent,
  EntityAwsAccountHistoryContent,
  EntityAwsAccountNotFound,
  EntityAwsOrganizationalUnitContent,
  EntityAwsServiceControlPolicyContent,
  EntityAwsPermissionSetContent,
  EntityAwsAccountComplianceCard,
  EntityAwsServiceAccountsCard,
  EntityAwsGroupAccountsCard,
  EntityAwsGroupComplianceCard,
  EntityAwsGroupFindingsCard,
  EntityAwsServiceFindingsCard,
  EntityAwsUserAccessCard,
  EntityAwsGroupRoleReachCard,
  EntityAwsServiceRoleReachCard,
} from './plugin';
export * from './api/AwsOrganizationsApi';
export { AwsOrganizationsClient } from './api/AwsOrganizationsClient';
export {
  isAwsOrganizationalUnitEntity,
  isAwsOrganizationRootEntity,
  isAwsServiceControlPolicyEntity,
  isAwsPermissionSetEntity,
  isAwsAccountWorkloadEntity,
} from './entities';
export { isAwsAccountEntity } from '@aws-governance/plugin-aws-organizations-common';
