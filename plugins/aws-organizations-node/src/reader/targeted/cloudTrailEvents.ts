import { EventPlan, RefreshTarget } from './targets';

/*
 * CloudTrail records of Organizations, IAM Identity Center (SSO Admin) and
 * the Identity Store, as EventBridge delivers them ("AWS API Call via
 * CloudTrail" and "AWS Service Event via CloudTrail"): `detail` is the
 * CloudTrail record, its `requestParameters` and `responseElements` the
 * API's request and answer with lower camel case member names.
 */

/** The fields of an EventBridge CloudTrail event the plan reads. @public */
export interface CloudTrailEventFields {
  /** The EventBridge event id: unique per event, the same on redelivery. */
  id: string;
  /** `aws.organizations`, `aws.sso` or `aws.identitystore`. */
  source: string;
  time: string;
  eventName: string;
  /** The CloudTrail record's id. */
  eventId?: string;
}

type Params = Record<string, unknown>;

const SOURCES = {
  'aws.organizations': 'organizations.amazonaws.com',
  'aws.sso': 'sso.amazonaws.com',
  'aws.identitystore': 'identitystore.amazonaws.com',
} as const;

function isObject(value: unknown): value is Params {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(params: unknown, ...path: string[]): string | undefined {
  let value: unknown = params;
  for (const key of path) {
    if (!isObject(value)) return undefined;
    value = value[key];
  }
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * The fields of an EventBridge event whose detail is a CloudTrail record of
 * one of the three services, or `undefined` for anything else.
 *
 * @public
 */
export function cloudTrailEventFields(
  event: unknown,
): CloudTrailEventFields | undefined {
  if (!isObject(event) || !isObject(event.detail)) return undefined;
  const source = str(event, 'source');
  const id = str(event, 'id');
  const eventName = str(event, 'detail', 'eventName');
  if (!source || !id || !eventName || !(source in SOURCES)) return undefined;
  if (
    str(event, 'detail', 'eventSource') !==
    SOURCES[source as keyof typeof SOURCES]
  ) {
    return undefined;
  }
  return {
    id,
    source,
    eventName,
    time: str(event, 'time') ?? str(event, 'detail', 'eventTime') ?? '',
    ...(str(event, 'detail', 'eventID')
      ? { eventId: str(event, 'detail', 'eventID') }
      : {}),
  };
}

const refresh = (...targets: (RefreshTarget | undefined)[]): EventPlan => {
  const known = targets.filter((t): t is RefreshTarget => t !== undefined);
  return known.length === targets.length && known.length > 0
    ? { action: 'refresh', targets: known }
    : { action: 'full', reason: 'the event does not name what it changed' };
};

const account = (accountId?: string) =>
  accountId ? ({ kind: 'account', accountId } as const) : undefined;
const policy = (policyId?: string) =>
  policyId ? ({ kind: 'policy', policyId } as const) : undefined;
const ou = (organizationalUnitId?: string) =>
  organizationalUnitId
    ? ({ kind: 'organizationalUnit', organizationalUnitId } as const)
    : undefined;
const permissionSet = (permissionSetArn?: string) =>
  permissionSetArn
    ? ({ kind: 'permissionSet', permissionSetArn } as const)
    : undefined;

function organizationsPlan(
  name: string,
  req: Params,
  res: Params,
  details: Params,
): EventPlan | undefined {
  switch (name) {
    case 'CreateAccount':
      // AWS answers IN_PROGRESS; CreateAccountResult tells the outcome.
      return { action: 'ignore', reason: 'CreateAccountResult follows' };
    case 'CreateAccountResult': {
      const status = details.createAccountStatus;
      if (str(status, 'state') !== 'SUCCEEDED') {
        return { action: 'ignore', reason: 'the account was not created' };
      }
      // AWS attaches FullAWSAccess to a new account by itself.
      const accountId = str(status, 'accountId');
      return refresh(
        account(accountId),
        accountId ? { kind: 'targetPolicies', targetId: accountId } : undefined,
      );
    }
    case 'CloseAccountResult':
      return refresh(account(str(details, 'closeAccountStatus', 'accountId')));
    case 'MoveAccount':
    case 'CloseAccount':
      return refresh(account(str(req, 'accountId')));
    case 'TagResource':
    case 'UntagResource': {
      const resourceId = str(req, 'resourceId');
      return refresh(resourceId ? { kind: 'tags', resourceId } : undefined);
    }
    case 'CreatePolicy':
      return refresh(policy(str(res, 'policy', 'policySummary', 'id')));
    case 'UpdatePolicy':
    case 'DeletePolicy':
      return refresh(policy(str(req, 'policyId')));
    case 'AttachPolicy':
    case 'DetachPolicy': {
      const policyId = str(req, 'policyId');
      const targetId = str(req, 'targetId');
      return refresh(
        policyId && targetId
          ? { kind: 'policyAttachment', policyId, targetId }
          : undefined,
      );
    }
    case 'CreateOrganizationalUnit': {
      // AWS attaches FullAWSAccess to a new OU by itself.
      const id = str(res, 'organizationalUnit', 'id');
      return refresh(
        ou(id),
        id ? { kind: 'targetPolicies', targetId: id } : undefined,
      );
    }
    case 'UpdateOrganizationalUnit':
    case 'DeleteOrganizationalUnit':
      return refresh(ou(str(req, 'organizationalUnitId')));
    default:
      return undefined;
  }
}

/** SSO Admin writes that change one permission set's definition. */
const PERMISSION_SET_WRITES = new Set([
  'CreatePermissionSet',
  'UpdatePermissionSet',
  'DeletePermissionSet',
  'ProvisionPermissionSet',
  'AttachManagedPolicyToPermissionSet',
  'DetachManagedPolicyFromPermissionSet',
  'AttachCustomerManagedPolicyReferenceToPermissionSet',
  'DetachCustomerManagedPolicyReferenceFromPermissionSet',
  'PutInlinePolicyToPermissionSet',
  'DeleteInlinePolicyFromPermissionSet',
  'PutPermissionsBoundaryToPermissionSet',
  'DeletePermissionsBoundaryFromPermissionSet',
]);

function ssoPlan(
  name: string,
  req: Params,
  res: Params,
): EventPlan | undefined {
  if (name === 'CreatePermissionSet') {
    return refresh(
      permissionSet(str(res, 'permissionSet', 'permissionSetArn')),
    );
  }
  if (PERMISSION_SET_WRITES.has(name)) {
    return refresh(permissionSet(str(req, 'permissionSetArn')));
  }
  switch (name) {
    case 'CreateAccountAssignment':
    case 'DeleteAccountAssignment': {
      const permissionSetArn = str(req, 'permissionSetArn');
      const accountId = str(req, 'targetId');
      if (str(req, 'targetType') && str(req, 'targetType') !== 'AWS_ACCOUNT') {
        return undefined;
      }
      return refresh(
        permissionSetArn && accountId
          ? { kind: 'assignments', permissionSetArn, accountId }
          : undefined,
      );
    }
    case 'TagResource':
    case 'UntagResource':
      // Tags of SSO Admin resources the snapshot holds: permission sets.
      return /:permissionSet\//.test(str(req, 'resourceArn') ?? '')
        ? refresh(permissionSet(str(req, 'resourceArn')))
        : {
            action: 'ignore',
            reason: 'tags of a resource the snapshot does not hold',
          };
    default:
      return undefined;
  }
}

function identityStorePlan(
  name: string,
  req: Params,
  res: Params,
): EventPlan | undefined {
  const user = (userId?: string) =>
    refresh(userId ? { kind: 'user', userId } : undefined);
  const group = (groupId?: string) =>
    refresh(groupId ? { kind: 'group', groupId } : undefined);
  switch (name) {
    case 'CreateUser':
      return user(str(res, 'userId'));
    case 'UpdateUser':
    case 'DeleteUser':
      return user(str(req, 'userId'));
    case 'CreateGroup':
      return group(str(res, 'groupId'));
    case 'UpdateGroup':
    case 'DeleteGroup':
      return group(str(req, 'groupId'));
    case 'CreateGroupMembership': {
      const groupId = str(req, 'groupId');
      return refresh(groupId ? { kind: 'memberships', groupId } : undefined);
    }
    case 'DeleteGroupMembership': {
      const membershipId = str(req, 'membershipId');
      return refresh(
        membershipId ? { kind: 'membership', membershipId } : undefined,
      );
    }
    default:
      return undefined;
  }
}

/**
 * What an EventBridge CloudTrail event asks of the snapshot: the smallest
 * re-reads that bring it up to date, nothing (reads, failed calls, events
 * of other services), or a full read for any write no targeted re-read
 * covers (e.g. EnablePolicyType, RemoveAccountFromOrganization,
 * InviteAccountToOrganization). Never throws.
 *
 * @public
 */
export function planForCloudTrailEvent(event: unknown): EventPlan {
  const fields = cloudTrailEventFields(event);
  if (!fields) {
    return {
      action: 'ignore',
      reason: 'not a CloudTrail event of Organizations or Identity Center',
    };
  }
  const detail = (event as { detail: Params }).detail;
  if (detail.readOnly === true) {
    return { action: 'ignore', reason: 'a read' };
  }
  if (str(detail, 'errorCode')) {
    return { action: 'ignore', reason: `a failed call (${detail.errorCode})` };
  }
  const req = isObject(detail.requestParameters)
    ? detail.requestParameters
    : {};
  const res = isObject(detail.responseElements) ? detail.responseElements : {};
  const details = isObject(detail.serviceEventDetails)
    ? detail.serviceEventDetails
    : {};
  const name = fields.eventName;
  let plan: EventPlan | undefined;
  if (fields.source === 'aws.organizations') {
    plan = organizationsPlan(name, req, res, details);
  } else if (fields.source === 'aws.sso') {
    plan = ssoPlan(name, req, res);
  } else {
    plan = identityStorePlan(name, req, res);
  }
  if (!plan && /^(List|Describe|Get|Search|Is)[A-Z]/.test(name)) {
    return { action: 'ignore', reason: 'a read' };
  }
  return (
    plan ?? {
      action: 'full',
      reason: `${fields.source} ${name} has no targeted re-read`,
    }
  );
}
