import { AwsComplianceRule } from '@aws-governance/plugin-aws-organizations-node';
import { cloudTrailProtectedRule } from './cloudTrail';
import { noDirectPrivilegedUserAssignmentsRule } from './directUserAssignments';
import { iamUserCreationBlockedRule } from './iamUserCreation';
import { managementAccountAccessRule } from './managementAccess';
import { ownerResolvableRule } from './owner';
import { permissionsBoundaryRule } from './permissionsBoundary';
import { regionsRestrictedRule } from './regions';
import { securityLoggingAccountRule } from './securityLogging';
import { dataPerimeterRule, rcpsEnabledRule } from './resourceControl';
import { privilegedSessionDurationRule } from './sessionDuration';
import { suspendedAccountNoAssignmentsRule } from './suspendedAccounts';
import { noIamUsersRule } from './iamUsers';
import { roleBoundaryRule } from './roleBoundary';
import { roleReachProductionRule } from './roleReachProduction';
import {
  externalTrustExternalIdRule,
  trustAnyoneOrganizationRule,
} from './roleTrust';
import { unusedRolesRule } from './unusedRoles';
import {
  agedCriticalFindingsRule,
  externalAccessFindingsRule,
} from './findings';
import { configRulesCompliantRule } from './configRules';
import { organizationTrailRule } from './organizationTrail';
import { detectorsDelegatedRule } from './detectors';

export {
  agedCriticalFindingsRule,
  cloudTrailProtectedRule,
  configRulesCompliantRule,
  detectorsDelegatedRule,
  externalAccessFindingsRule,
  organizationTrailRule,
  dataPerimeterRule,
  externalTrustExternalIdRule,
  iamUserCreationBlockedRule,
  managementAccountAccessRule,
  noDirectPrivilegedUserAssignmentsRule,
  noIamUsersRule,
  ownerResolvableRule,
  permissionsBoundaryRule,
  privilegedSessionDurationRule,
  rcpsEnabledRule,
  regionsRestrictedRule,
  roleBoundaryRule,
  roleReachProductionRule,
  securityLoggingAccountRule,
  suspendedAccountNoAssignmentsRule,
  trustAnyoneOrganizationRule,
  unusedRolesRule,
};

/**
 * The built-in rules, in the order the README lists them.
 *
 * @public
 */
export const builtInComplianceRules: readonly AwsComplianceRule[] = [
  iamUserCreationBlockedRule,
  cloudTrailProtectedRule,
  regionsRestrictedRule,
  managementAccountAccessRule,
  noDirectPrivilegedUserAssignmentsRule,
  privilegedSessionDurationRule,
  permissionsBoundaryRule,
  ownerResolvableRule,
  securityLoggingAccountRule,
  suspendedAccountNoAssignmentsRule,
  rcpsEnabledRule,
  dataPerimeterRule,
  externalTrustExternalIdRule,
  trustAnyoneOrganizationRule,
  roleReachProductionRule,
  roleBoundaryRule,
  noIamUsersRule,
  unusedRolesRule,
  agedCriticalFindingsRule,
  externalAccessFindingsRule,
  configRulesCompliantRule,
  organizationTrailRule,
  detectorsDelegatedRule,
];
