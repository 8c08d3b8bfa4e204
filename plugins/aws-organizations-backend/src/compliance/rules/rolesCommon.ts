/**
 * What the role rules share: the scope guard (an account whose roles are
 * unknown is unknown, never compliant; without a roles source the rules
 * do not run), role paths, and evidence naming a role or a user. Name
 * patterns are the kit's `matchesAnyName`.
 */
import {
  ComplianceEvidence,
  IamRole,
  IamUser,
  AccountIam,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  AccountComplianceRuleContext,
  ComplianceOutcome,
  ComplianceParameters,
} from '@aws-governance/plugin-aws-organizations-node';

/**
 * The roles part of the account the rule judges, or the outcome to return
 * instead: `undefined` (no result) without a roles source or for an
 * account that cannot be used; `unknown` when its roles were not read.
 */
export function knownRoles<P extends ComplianceParameters>(
  context: AccountComplianceRuleContext<P>,
):
  | { part: Extract<AccountIam, { status: 'known' }> }
  | { outcome: ComplianceOutcome | undefined } {
  const { account, index } = context;
  if (account.state !== 'ACTIVE' && account.state !== 'PENDING_ACTIVATION') {
    return { outcome: undefined };
  }
  const part = index.iam.account(account.id);
  if (!part) return { outcome: undefined };
  if (part.status === 'unknown') {
    return {
      outcome: {
        status: 'unknown',
        message: `The roles of ${account.name} are unknown: ${part.reason}`,
      },
    };
  }
  return { part };
}

/** Whether a role's path starts with one of the prefixes. */
export function onPaths(role: IamRole, prefixes: readonly string[]): boolean {
  return prefixes.some(p => role.path.startsWith(p));
}

/** Evidence naming a role. */
export function roleEvidence(
  role: IamRole,
  accountId: string,
  description: string,
): ComplianceEvidence {
  return { kind: 'role', description, arn: role.arn, accountId };
}

/** Evidence naming an IAM user. */
export function userEvidence(
  user: IamUser,
  accountId: string,
  description: string,
): ComplianceEvidence {
  return { kind: 'iam-user', description, arn: user.arn, accountId };
}

/** Whole days from `from` to `to` (ISO dates); undefined when unreadable. */
export function daysBetween(from: string, to: string): number | undefined {
  const a = Date.parse(from);
  const b = Date.parse(to);
  if (Number.isNaN(a) || Number.isNaN(b)) return undefined;
  return Math.floor((b - a) / 86_400_000);
}
