/**
 * The wire types of the guardrails that come with RCPs and the other
 * policy types: an account's resource-side guardrails (RCPs by level), the
 * other policy types attached on its path, and the two-sided simulation.
 * Kept apart from ./governanceApi.ts, whose types they extend.
 */
import type { GuardrailLevel } from './governanceApi';
import type { PolicyTypeStatus } from './policyTypes';

/**
 * The RCPs that apply to an account's resources, by level (root first).
 * `status` is `not-enabled` when the organization has not enabled RCPs,
 * `unknown` when they are enabled but the snapshot does not hold them (a
 * reader that does not read them, or a listing that failed).
 *
 * @public
 */
export interface ResourceGuardrails {
  status: 'enabled' | 'not-enabled' | 'unknown';
  /** Resources of the management account are not restricted by RCPs. */
  managementAccountExempt: boolean;
  levels: GuardrailLevel[];
  /**
   * Plain-language sentences of what the RCPs restrict, e.g. "only
   * principals of this organization may use S3 buckets in this account".
   */
  summary: string[];
}

/** A policy of another type, as attached at one level. @public */
export interface AttachedOrganizationPolicy {
  id: string;
  name: string;
  description: string;
  awsManaged: boolean;
  /** The document exactly as AWS returned it. */
  content: string;
  parseError?: string;
}

/**
 * One policy type other than SCPs and RCPs on an account's path: the
 * policies attached at each level (root first), shown, not evaluated.
 * `levels` is absent when its listing failed (`unknownReason` says why).
 *
 * @public
 */
export interface AccountPolicyTypeView {
  type: string;
  /** AWS's name of the type, e.g. "Backup policy". */
  title: string;
  status: PolicyTypeStatus;
  levels?: {
    kind: 'root' | 'ou' | 'account';
    targetId: string;
    name: string;
    policies: AttachedOrganizationPolicy[];
  }[];
  unknownReason?: string;
}

/** Who makes a simulated request. @public */
export type SimulationPrincipalType = 'iam' | 'service-linked-role' | 'service';

/** The part of `POST /simulate`'s body for the principal and resource sides. @public */
export interface SimulationSides {
  /**
   * The principal's account (default: `accountId`); may be outside the
   * organization.
   */
  principalAccountId?: string;
  /**
   * For a principal outside this organization: the organization it belongs
   * to (aws:PrincipalOrgID), or `null` when it belongs to none (the key is
   * then absent). Unknown when omitted: a condition on it makes the answer
   * indeterminate.
   */
  principalOrgId?: string | null;
  /** Default `iam` (an IAM user or role, or the root user). */
  principalType?: SimulationPrincipalType;
  /** For `service`: the service principal, e.g. `cloudtrail.amazonaws.com`. */
  servicePrincipal?: string;
  /**
   * The resource's account; may be outside the organization. Default: the
   * resource ARN's account, else `accountId`.
   */
  resourceAccountId?: string;
  /** For KMS: whether the key is AWS managed (RCPs do not apply to those). */
  kmsKeyManager?: 'AWS' | 'CUSTOMER';
}

/** One layer's part of a simulation. @public */
export interface SimulationLayer {
  /** False when the layer does not apply to the request (`reason` says why). */
  applies: boolean;
  decision?: 'allowed' | 'denied' | 'indeterminate';
  reason?: string;
  /** The account whose policies the layer weighed. */
  accountId?: string;
}

/** The two-sided part of `POST /simulate`'s response. @public */
export interface SimulationLayers {
  /** The layers whose answer decided (both when both deny). */
  decidedBy: ('scp' | 'rcp')[];
  scp: SimulationLayer;
  rcp: SimulationLayer;
  principalAccountId: string;
  resourceAccountId: string;
}
