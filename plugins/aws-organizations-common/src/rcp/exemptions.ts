/**
 * What AWS documents RCPs do not restrict, decided before (or after) the
 * RCP levels are evaluated. Each rule quotes the page it follows:
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html#actions-not-restricted-by-rcps
 */
import type { ActionInfo } from '../scp/iam/catalog';
import type { ScpEvaluation } from '../scp/types';
import { splitArn } from '../scp/wildcard';
import type { OrganizationPolicyRequest } from './types';

/** The page of the RCP rules. @internal */
export const RCP_DOC =
  'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html';
const NOT_RESTRICTED = `${RCP_DOC}#actions-not-restricted-by-rcps`;
const EFFECTS = `${RCP_DOC}#rcp-effects-on-permissions`;

/** Why RCPs do not apply to a request whatever they say, or undefined. */
export function rcpExemption(
  request: OrganizationPolicyRequest,
  action: ActionInfo,
): string | undefined {
  const { principal } = request;
  if (principal.type === 'iam' && principal.serviceLinkedRole) {
    return `RCPs do not apply to calls made by service-linked roles (${NOT_RESTRICTED})`;
  }
  if (action.action === 'kms:retiregrant') {
    return `RCPs do not impact the kms:RetireGrant permission (${NOT_RESTRICTED})`;
  }
  if (action.service === 'kms' && isAwsManagedKey(request)) {
    return `RCPs do not apply to AWS managed KMS keys (${NOT_RESTRICTED})`;
  }
  return undefined;
}

/** True for a key stated AWS managed, or an alias of the reserved `aws/` prefix. */
function isAwsManagedKey(request: OrganizationPolicyRequest): boolean {
  if (request.kmsKeyManager === 'AWS') return true;
  const resource = request.resource ? splitArn(request.resource) : undefined;
  return resource?.[5]?.startsWith('alias/aws/') ?? false;
}

/**
 * Whether the RCP answer for a KMS request could change if the key were an
 * AWS managed key the request does not rule out: a denial is then not
 * certain.
 */
export function unsureKmsKey(
  request: OrganizationPolicyRequest,
  action: ActionInfo,
  evaluation: ScpEvaluation,
): string | undefined {
  if (action.service !== 'kms' || action.resourceless) return undefined;
  if (request.kmsKeyManager === 'CUSTOMER') return undefined;
  if (evaluation.decision === 'allowed') return undefined;
  return `the request does not say whether the KMS key is customer managed (kmsKeyManager): RCPs do not apply to AWS managed keys (${NOT_RESTRICTED})`;
}

/**
 * For an action AWS lists without a resource type, which account's RCPs
 * apply is not documented: RCPs apply to "the resources that are authorized
 * as part of an operation request" (the Resource types column), and such an
 * action authorizes none.
 */
export function resourcelessReason(action: ActionInfo): string {
  return `${action.name} takes no resource type, and AWS's documentation does not say which account's RCPs apply to it (${EFFECTS})`;
}
