/**
 * The governance views behind the REST API: pure, synchronous functions
 * that build each response from a stored snapshot, its resolution and its
 * compliance report.
 */
export { buildGovernanceIndex } from './buildGovernanceIndex';
export type {
  GovernanceChildren,
  GovernanceIndex,
  GovernanceOptions,
  GovernanceRefs,
} from './types';
export {
  listAccounts,
  accountSummary,
  accountOwner,
  DEFAULT_ACCOUNTS_LIMIT,
} from './listAccounts';
export type { AccountsFilter } from './listAccounts';
export { accountDetail } from './accountDetail';
export { accountGuardrails } from './guardrails';
export { simulate } from './simulate';
export { accountAccess, principalAccess, groupMembers } from './access';
export { permissionSetView } from './permissionSetView';
export {
  accessReportCsv,
  accessReportCsvChunks,
  accountAccessCsv,
  accessReportRows,
  ACCESS_REPORT_COLUMNS,
} from './accessReport';
export type { AccessReportRow } from './accessReport';
export { organizationTree } from './organizationTree';
export {
  complianceSummary,
  accountCompliance,
  ownersCompliance,
} from './complianceViews';
export {
  accountRoleReach,
  principalRoleReach,
  incompleteOf,
  reachOf,
  UnknownReachUnit,
} from './roleReach';
export type { RoleReachViewOptions } from './roleReach';
export {
  accountRoles,
  isExternalPrincipal,
  trustPrincipalLabel,
  UnknownAccountRole,
} from './accountRoles';
export type { AccountRolesOptions } from './accountRoles';
export { trustMap, UnknownTrustMapUnit } from './trustMap';
