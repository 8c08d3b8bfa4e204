/**
 * Types of the resource control policy (RCP) evaluator and of the combined
 * answer for a request with a principal side (SCPs) and a resource side
 * (RCPs).
 */
import type {
  EffectiveScps,
  ScpDecisionKind,
  ScpEvaluation,
  ScpLevel,
  ScpRequest,
  ScpStatementRef,
} from '../scp/types';

/**
 * The RCPs that apply to the resources of one account, level by level: the
 * root, each OU on the path (root side first), then the account.
 *
 * @public
 */
export interface EffectiveRcps {
  accountId: string;
  /** True for the management account: RCPs do not restrict its resources. */
  managementAccount: boolean;
  /** False when the organization has not enabled the RCP policy type. */
  rcpsEnabled: boolean;
  /**
   * False when the RCP type is enabled but the snapshot does not hold the
   * RCPs (a reader that does not read them): their effect is unknown.
   */
  known: boolean;
  levels: ScpLevel[];
  /**
   * Context keys known for resources of this account (aws:ResourceAccount,
   * aws:ResourceOrgID, aws:ResourceOrgPaths); request context overrides.
   */
  derivedContext: Record<string, string | string[]>;
}

/**
 * Who makes a request.
 * - `iam`: an IAM user or role (or the root user) of an account, in this
 *   organization or not; `serviceLinkedRole` for a service-linked role.
 * - `service`: an AWS service principal (e.g. `cloudtrail.amazonaws.com`).
 *
 * @public
 */
export type RequestPrincipal =
  | { type: 'iam'; accountId: string; serviceLinkedRole?: boolean }
  | { type: 'service'; servicePrincipal: string };

/**
 * A what-if request with both sides: who asks (the principal) and whose
 * resource it is (the resource's account).
 *
 * @public
 */
export interface OrganizationPolicyRequest
  extends Omit<ScpRequest, 'accountId'> {
  principal: RequestPrincipal;
  /**
   * The account that owns the resource. When omitted it is taken from the
   * resource ARN's account field; S3 ARNs have none, so give it for S3.
   */
  resourceAccountId?: string;
  /**
   * For KMS requests: whether the key is customer managed or AWS managed
   * (DescribeKey's `KeyManager`). RCPs do not apply to AWS managed keys, so
   * without it an RCP denial of a KMS request is not certain (an alias
   * under `alias/aws/` is AWS managed).
   */
  kmsKeyManager?: 'AWS' | 'CUSTOMER';
}

/** Which layer of organization policies. @public */
export type PolicyLayer = 'scp' | 'rcp';

/** One layer's part of a combined answer. @public */
export type LayerOutcome =
  | { applies: false; reason: string }
  | { applies: true; evaluation: ScpEvaluation };

/** A deciding statement with the layer it belongs to. @public */
export interface LayeredStatementRef extends ScpStatementRef {
  layer: PolicyLayer;
}

/** The answer of {@link evaluateScpsAndRcps}. @public */
export interface OrganizationPolicyEvaluation {
  decision: ScpDecisionKind;
  /** The layers whose answer decided (both when both deny). */
  decidedBy: PolicyLayer[];
  /** Plain-language reasons, most important first, each naming its layer. */
  reasons: string[];
  /** The deciding statements of the deciding layers. */
  decisive: LayeredStatementRef[];
  scp: LayerOutcome;
  rcp: LayerOutcome;
  /** Context keys whose absence made the answer indeterminate. */
  missingKeys: string[];
  unknownOperators: string[];
}

/**
 * The policies of both sides, when not evaluated against a snapshot:
 * `outside-organization` for a principal or resource of an account that is
 * not in the organization.
 *
 * @public
 */
export interface OrganizationPolicySides {
  principal: EffectiveScps | 'outside-organization';
  resource: EffectiveRcps | 'outside-organization';
}
