import { AwsError, EmulatedService } from '../protocol/errors';
import { RequestInput } from '../protocol/input';
import { EmulatorState, PermissionSetRecord } from '../state/types';
import type { IamSessionRecord } from '../state/iamTypes';

/**
 * Whose credentials the caller holds: the management account, or a member
 * account registered as delegated administrator of IAM Identity Center
 * (and allowed the Organizations reads by a delegation policy).
 *
 * @public
 */
export type CallerView = 'management-account' | 'delegated-administrator';

/**
 * Organizations operations that AWS lets only the management account call
 * ("Reference: API operations by account" of the Organizations API
 * reference); the reads are open to a delegated administrator.
 */
const ORGANIZATIONS_MANAGEMENT_ONLY = new Set([
  'CloseAccount',
  'CreateAccount',
  'CreateOrganizationalUnit',
  'DeleteOrganizationalUnit',
  'MoveAccount',
  'UpdateOrganizationalUnit',
]);

/**
 * SSO Admin operations a delegated administrator may not call:
 * ListAccountAssignmentsForPrincipal "must be called from the management
 * account" (its API reference).
 */
const SSO_ADMIN_MANAGEMENT_ONLY = new Set([
  'ListAccountAssignmentsForPrincipal',
]);

function denied(operation: string, why: string): AwsError {
  return new AwsError(
    'AccessDeniedException',
    `User: arn:aws:sts::000000000000:assumed-role/reader/emulator is not authorized to perform: ${operation}: ${why}`,
  );
}

/**
 * Whether a delegated administrator sees the permission set: AWS keeps the
 * sets provisioned to the management account to the management account.
 */
export function visibleToCaller(
  caller: CallerView,
  state: EmulatorState,
  permissionSet: PermissionSetRecord,
): boolean {
  const management = state.organization?.managementAccountId;
  return (
    caller === 'management-account' ||
    management === undefined ||
    !permissionSet.provisionedTo.has(management)
  );
}

/**
 * Answers AccessDeniedException where AWS denies a delegated administrator:
 * the management-only operations above, any call naming a permission set
 * provisioned to the management account, and assignments in the management
 * account.
 */
export function checkCaller(
  caller: CallerView,
  state: EmulatorState,
  service: EmulatedService,
  operation: string,
  input: RequestInput,
): void {
  if (caller === 'management-account') {
    return;
  }
  if (
    (service === 'organizations' &&
      ORGANIZATIONS_MANAGEMENT_ONLY.has(operation)) ||
    (service === 'ssoAdmin' && SSO_ADMIN_MANAGEMENT_ONLY.has(operation))
  ) {
    throw denied(operation, 'callable only from the management account');
  }
  if (service !== 'ssoAdmin') {
    return;
  }
  const ic = state.identityCenter;
  const arn = input.body.PermissionSetArn ?? input.body.ResourceArn;
  const permissionSet =
    typeof arn === 'string' ? ic?.permissionSets.get(arn) : undefined;
  if (permissionSet && !visibleToCaller(caller, state, permissionSet)) {
    throw denied(
      operation,
      'the permission set is provisioned to the management account',
    );
  }
  const management = state.organization?.managementAccountId;
  const accountId = input.body.AccountId ?? input.body.TargetId;
  if (management !== undefined && accountId === management) {
    throw denied(operation, 'the account is the management account');
  }
}

/**
 * Who signed a call: the session of a role assumed through STS (its
 * temporary access key id), else the emulator's base credentials, which
 * act in the management account (any access key the emulator did not
 * issue).
 *
 * @public
 */
export interface CallerIdentity {
  accountId: string;
  arn: string;
  userId: string;
  /** The STS session when the call is signed with assumed-role credentials. */
  session?: IamSessionRecord;
}

/** The base credentials' account when the state has no organization. */
const NO_ORGANIZATION_ACCOUNT = '000000000000';

/**
 * The identity of a call from its access key id. Credentials STS issued
 * and that have expired answer `ExpiredToken`, as AWS does.
 */
export function resolveIdentity(
  state: EmulatorState,
  accessKeyId: string | undefined,
  now: Date = new Date(),
): CallerIdentity {
  const session = accessKeyId
    ? state.iam?.sessions.get(accessKeyId)
    : undefined;
  if (session) {
    if (session.expiration.getTime() <= now.getTime()) {
      throw new AwsError(
        'ExpiredToken',
        'The security token included in the request is expired',
        403,
      );
    }
    return {
      accountId: session.accountId,
      arn: `arn:aws:sts::${session.accountId}:assumed-role/${session.roleName}/${session.sessionName}`,
      userId: `${session.roleId}:${session.sessionName}`,
      session,
    };
  }
  const accountId =
    state.organization?.managementAccountId ?? NO_ORGANIZATION_ACCOUNT;
  return {
    accountId,
    arn: `arn:aws:iam::${accountId}:user/emulator`,
    userId: 'AIDAEMULATORBASEUSER',
  };
}
