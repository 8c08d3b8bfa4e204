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

export {
  cloudTrailProtectedRule,
  dataPerimeterRule,
  iamUserCreationBlockedRule,
  managementAccountAccessRule,
  noDirectPrivilegedUserAssignmentsRule,
  ownerResolvableRule,
  permissionsBoundaryRule,
  privilegedSessionDurationRule,
  rcpsEnabledRule,
  regionsRestrictedRule,
  securityLoggingAccountRule,
  suspendedAccountNoAssignmentsRule,
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
];
