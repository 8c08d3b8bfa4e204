/**
 * Types of the service control policy (SCP) evaluator: the normalized policy
 * document, the levels that apply to an account, the request and the answer.
 */

/** The effect of a statement. @public */
export type ScpEffect = 'Allow' | 'Deny';

/**
 * A condition block as written in a policy, normalized: operator (as
 * written, e.g. `ForAnyValue:StringLikeIfExists`) to condition key (as
 * written) to the values, always an array of strings.
 *
 * @public
 */
export type ScpConditionBlock = Record<string, Record<string, string[]>>;

/**
 * One statement of a parsed policy. Exactly one of `action` / `notAction` is
 * set, and at most one of `resource` / `notResource`; when neither resource
 * element is written, `resource` is `['*']` (the SCP default).
 *
 * @public
 */
export interface ScpStatement {
  /** Position in the document's `Statement` array (0 for a lone object). */
  index: number;
  sid?: string;
  effect: ScpEffect;
  action?: string[];
  notAction?: string[];
  resource?: string[];
  notResource?: string[];
  condition?: ScpConditionBlock;
}

/** A policy document, parsed and normalized. @public */
export interface ParsedScp {
  version?: string;
  statements: ScpStatement[];
}

/** Where an SCP is attached relative to an account. @public */
export type ScpLevelKind = 'root' | 'ou' | 'account';

/** One level of the path from the root to an account. @public */
export interface ScpLevelRef {
  kind: ScpLevelKind;
  /** The root id, the OU id or the account id. */
  targetId: string;
  name: string;
}

/** A policy attached at a level: what the evaluator needs of it. @public */
export interface ScpPolicySource {
  id: string;
  name: string;
  /** The raw policy document. */
  content: string;
  /** Set when the document is known to be unreadable (e.g. not JSON). */
  parseError?: string;
  awsManaged?: boolean;
}

/** The SCPs attached at one level. @public */
export interface ScpLevel extends ScpLevelRef {
  policies: ScpPolicySource[];
}

/**
 * The SCPs that apply to one account, level by level: the root, each OU on
 * the path (root side first), then the account itself.
 *
 * @public
 */
export interface EffectiveScps {
  accountId: string;
  /** True for the management account: SCPs do not restrict it. */
  managementAccount: boolean;
  /** False when the organization has not enabled the SCP policy type. */
  scpsEnabled: boolean;
  levels: ScpLevel[];
  /**
   * Context keys the snapshot knows for principals of this account
   * (aws:PrincipalAccount, aws:PrincipalOrgID, aws:PrincipalOrgPaths);
   * request context values override them.
   */
  derivedContext: Record<string, string | string[]>;
}

/** A request context value: strings, string lists, booleans or numbers. @public */
export type ScpContextValue = string | string[] | boolean | number;

/**
 * A what-if request.
 *
 * @public
 */
export interface ScpRequest {
  /** Required when evaluating against a snapshot; ignored for levels. */
  accountId?: string;
  /**
   * e.g. `iam:CreateUser`. A pattern with `*` or `?` (e.g. `s3:Delete*`)
   * is evaluated for every action AWS documents that it matches.
   */
  action: string;
  /**
   * The resource ARN. For an action AWS lists without a resource type
   * (e.g. `iam:ListRoles`, `s3:ListAllMyBuckets`) the resource is `*`
   * whatever is given. For other actions, omitted or `*` means "not
   * specified": statements whose Resource is `*` apply, others make the
   * outcome depend on the resource (indeterminate, unless decided
   * elsewhere).
   */
  resource?: string;
  /** Sets aws:RequestedRegion unless the context gives it. */
  region?: string;
  /** Condition keys (case-insensitive), e.g. `aws:PrincipalArn`. */
  context?: Record<string, ScpContextValue>;
  /**
   * Keys the caller states are absent from the request: conditions on them
   * are evaluated as AWS does for a missing key. `true` treats every key
   * the context lacks that way (plain AWS semantics, never indeterminate
   * for a missing key).
   */
  absentKeys?: string[] | true;
}

/** The decision of an evaluation. @public */
export type ScpDecisionKind = 'allowed' | 'denied' | 'indeterminate';

/** A statement that decided (or could decide) the answer. @public */
export interface ScpStatementRef {
  policyId: string;
  policyName: string;
  level: ScpLevelRef;
  statementIndex: number;
  sid?: string;
  effect: ScpEffect;
}

/** A statement or policy whose applicability is unknown, and why. @public */
export interface ScpUncertainty {
  policyId: string;
  policyName: string;
  level: ScpLevelRef;
  /** Absent when the whole policy is unreadable. */
  statementIndex?: number;
  sid?: string;
  effect?: ScpEffect;
  reasons: string[];
  /** Context keys the request lacks that this statement depends on. */
  missingKeys: string[];
  /** Condition operators of this statement the evaluator does not know. */
  unknownOperators: string[];
}

/** What AWS's Service Authorization Reference says about a request's action. @public */
export interface ScpActionInfo {
  /** The action as AWS spells it (as written when unknown). */
  name: string;
  /** False when the reference does not list the action. */
  known: boolean;
  /** False when the reference does not list its service prefix. */
  serviceKnown: boolean;
  /** True when the action takes no resource type (its resource is `*`). */
  resourceless: boolean;
}

/** The answer of {@link evaluateScps}. @public */
export interface ScpEvaluation {
  decision: ScpDecisionKind;
  /** Plain-language reasons, most important first. */
  reasons: string[];
  /**
   * The statements that decided: the matching Deny statements when denied,
   * one matching Allow per level when allowed; empty otherwise.
   */
  decisive: ScpStatementRef[];
  /** Levels with no matching Allow statement (a denial on its own). */
  levelsWithoutAllow: ScpLevelRef[];
  /** What made the answer indeterminate (empty unless indeterminate). */
  uncertain: ScpUncertainty[];
  /** Context keys whose absence made the answer indeterminate. */
  missingKeys: string[];
  /** Condition operators the evaluator does not know. */
  unknownOperators: string[];
  /**
   * What the explanation should also say: an action AWS does not document,
   * a policy variable AWS does not substitute. Also in `reasons`.
   */
  notes?: string[];
  /** The request's action in AWS's reference (absent for an action pattern). */
  action?: ScpActionInfo;
}
