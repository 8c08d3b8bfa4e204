import type { Account } from '@aws-governance/plugin-aws-organizations-common';
import type { ComplianceSnapshotIndex } from '../snapshotIndex';
import type { ComplianceOutcome } from '../types';

/**
 * Scope guard of guardrail (SCP) rules: false for the management account
 * (SCPs do not restrict it) and for accounts that cannot be used
 * (suspended, closed or closing). Return `undefined` (no result) when it is
 * false.
 *
 * @public
 */
export function guardrailsApply(
  account: Account,
  index: ComplianceSnapshotIndex,
): boolean {
  return (
    !index.isManagementAccount(account.id) &&
    (account.state === 'ACTIVE' || account.state === 'PENDING_ACTIVATION')
  );
}

/**
 * Scope guard of access (Identity Center) rules: the outcome to return when
 * the assignments cannot be judged, else `undefined` (go on and judge them).
 * `unknown` when Identity Center could not be read, or for the management
 * account when it was read from a delegated administrator (which does not
 * see that account's assignments); `pass` when Identity Center is not
 * enabled (no permission set grants access).
 *
 * @param accountId - the account an account rule judges; omit it in an
 *   organization rule.
 * @public
 */
export function identityCenterOutcome(
  index: ComplianceSnapshotIndex,
  accountId?: string,
): ComplianceOutcome | undefined {
  const ic = index.identityCenter;
  if (
    ic.status === 'available' &&
    ic.readFrom === 'delegated-administrator' &&
    accountId !== undefined &&
    index.isManagementAccount(accountId)
  ) {
    return {
      status: 'unknown',
      message:
        'Read from a delegated administrator of IAM Identity Center: the assignments in the management account are not visible',
    };
  }
  if (ic.status === 'unavailable') {
    return {
      status: 'unknown',
      message: `IAM Identity Center could not be read: ${ic.reason}`,
    };
  }
  if (ic.status === 'not-enabled') {
    return {
      status: 'pass',
      message:
        'IAM Identity Center is not enabled: no permission set grants access',
    };
  }
  return undefined;
}
