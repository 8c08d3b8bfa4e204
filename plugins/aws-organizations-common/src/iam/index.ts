/**
 * Cross-account IAM roles: the roles part of a snapshot, trust policies
 * parsed into edges, and the reach index (who reaches which account
 * through roles, each answer with its path and deciding statements). The
 * statement language and its indeterminate rule are the SCP evaluator's
 * (see ../scp/index.ts).
 */
export * from './types';
export type { TrustPrincipal } from './principal';
export { parseTrustPolicy } from './trust';
export type {
  ParsedTrustPolicy,
  TrustCondition,
  TrustConditionKind,
  TrustEdge,
} from './trust';
export type {
  ReachCheck,
  ReachDecision,
  ReachPolicyKind,
  ReachStatementRef,
  ReachStep,
} from './decision';
export type { RoleHop } from './hop';
export {
  buildReachIndex,
  buildReachIndexAsync,
  reachIndex,
  reachIndexAsync,
} from './reach';
export { indexSnapshotIam, isIdentityCenterProvider } from './lookups';
export type {
  AccountTrustEdge,
  AccountTrustEdges,
  IamLookups,
  LocatedRole,
  TrustSource,
} from './lookups';
export type {
  AccountReach,
  AccountReachEntry,
  AsyncReachOptions,
  ReachIndex,
  ReachIndexStats,
  ReachOptions,
  ReachPath,
  ReachPrincipal,
  ReachStart,
} from './reach';
