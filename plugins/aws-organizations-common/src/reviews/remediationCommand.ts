import type { PrincipalType } from '../snapshot';

/** What {@link deleteAccountAssignmentCommand} removes. @public */
export interface AccountAssignmentRef {
  instanceArn: string;
  accountId: string;
  permissionSetArn: string;
  principalType: PrincipalType;
  principalId: string;
}

/** Quotes a value for a POSIX shell when it holds anything but safe characters. */
function shellQuote(value: string): string {
  return /^[A-Za-z0-9_:/@.+=,-]+$/.test(value)
    ? value
    : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The AWS CLI command that removes an account assignment
 * (`sso-admin delete-account-assignment`, run by someone allowed to in the
 * management or delegated administrator account). The product never runs
 * it: it is what a remediation entry tells a person to run.
 *
 * @public
 */
export function deleteAccountAssignmentCommand(
  ref: AccountAssignmentRef,
): string {
  return [
    'aws sso-admin delete-account-assignment',
    `--instance-arn ${shellQuote(ref.instanceArn)}`,
    `--target-id ${shellQuote(ref.accountId)}`,
    '--target-type AWS_ACCOUNT',
    `--permission-set-arn ${shellQuote(ref.permissionSetArn)}`,
    `--principal-type ${ref.principalType}`,
    `--principal-id ${shellQuote(ref.principalId)}`,
  ].join(' ');
}
