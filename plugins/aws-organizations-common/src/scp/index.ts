/**
 * The service control policy evaluator: parse, evaluate what-if requests,
 * summarize guardrails.
 *
 * Indeterminate rule. Every test is true, false or unknown (Kleene logic:
 * AND/OR short-circuit on a definite false/true). A test is unknown when:
 * its operator is unknown; its condition key (or a policy variable's key)
 * is not in the request context, unless the caller declares it absent
 * (`absentKeys`, or `true` for all: plain AWS semantics) — this covers
 * global keys a real request always carries (aws:PrincipalArn,
 * aws:RequestedRegion when no `region` is given) and optional ones
 * (aws:PrincipalTag/..., aws:RequestTag/...); a policy value is malformed;
 * or the statement names specific resources and the request gives none.
 * An unreadable policy is unknown as both Deny and Allow. The decision is
 * `denied` when a Deny definitely matches or a level definitely has no
 * matching Allow; otherwise `indeterminate` if any unknown remains on a
 * Deny or on a level lacking a definite Allow; otherwise `allowed`. Keys
 * the snapshot knows (aws:PrincipalAccount, aws:PrincipalOrgID,
 * aws:PrincipalOrgPaths) are derived, never missing. Cases AWS's
 * documentation leaves open are unknown too: a policy variable that cannot
 * be resolved, an operator without set qualifier on a multivalued key, a
 * wildcard that would cross a colon inside an ARN segment, a wildcard ARN
 * against an action without resource type (see the package README).
 */
export * from './types';
export {
  parseScp,
  tryParseScp,
  parsePolicy,
  tryParsePolicy,
  ScpParseError,
} from './parse';
export type { PolicyKind } from './parse';
export { effectivePolicies } from './effective';
export { evaluateScps, isActionDenied } from './evaluate';
export { IAM_REFERENCE_VERSION } from './iam/catalog';
export type { ScpSource, ActionDeniedAnswer } from './evaluate';
export { summarizeScp } from './summarize';
export type {
  ScpStatementKind,
  ScpStatementSummary,
  ScpSummary,
} from './summarize';
export { describeLevel, describeStatement } from './describe';
export type { DescribeStatementOptions } from './describe';
export { summarizeGuardrails } from './guardrails';
export type { GuardrailItem, GuardrailSummary } from './guardrails';
export { allowedRegions } from './regions';
export type { AllowedRegions, RegionRestriction } from './regions';
