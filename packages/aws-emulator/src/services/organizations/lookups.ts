import { AwsError } from '../../protocol/errors';
import {
  AccountRecord,
  EmulatorState,
  OrganizationRecord,
  OrganizationalUnitRecord,
  PolicyRecord,
  RootRecord,
} from '../../state/types';
import { epochSeconds, OperationContext } from '../types';

export const ACCOUNT_ID = /^\d{12}$/;
export const OU_ID = /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/;
export const ROOT_ID = /^r-[0-9a-z]{4,32}$/;
export const PARENT_ID =
  /^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/;
export const POLICY_ID = /^p-[0-9a-zA-Z_]{8,128}$/;
export const TARGET_ID =
  /^(r-[0-9a-z]{4,32}|\d{12}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/;
export const CHILD_ID = /^(\d{12}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/;
export const RESOURCE_ID =
  /^(r-[0-9a-z]{4,32}|\d{12}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|p-[0-9a-zA-Z_]{8,128})$/;
export { SCP } from '../../state/policyTypes';

function notFound(code: string, what: string): AwsError {
  return new AwsError(code, `We can't find ${what} that you specified.`);
}

/** The organization, or AWSOrganizationsNotInUseException. */
export function requireOrganization(state: EmulatorState): {
  organization: OrganizationRecord;
  root: RootRecord;
} {
  if (!state.organization || !state.root) {
    throw new AwsError(
      'AWSOrganizationsNotInUseException',
      'Your account is not a member of an organization.',
    );
  }
  return { organization: state.organization, root: state.root };
}

export function findAccount(ctx: OperationContext, id: string): AccountRecord {
  const account = ctx.state.accounts.get(id);
  if (!account) throw notFound('AccountNotFoundException', 'an AWS account');
  return account;
}

export function findOu(
  ctx: OperationContext,
  id: string,
): OrganizationalUnitRecord {
  const ou = ctx.state.organizationalUnits.get(id);
  if (!ou) {
    throw notFound(
      'OrganizationalUnitNotFoundException',
      'an organizational unit (OU)',
    );
  }
  return ou;
}

export function findPolicy(ctx: OperationContext, id: string): PolicyRecord {
  const policy = ctx.state.policies.get(id);
  if (!policy) throw notFound('PolicyNotFoundException', 'a policy');
  return policy;
}

/** Checks that a root or OU exists, with the given not-found code. */
export function requireParent(
  ctx: OperationContext,
  id: string,
  code = 'ParentNotFoundException',
) {
  if (ctx.state.root?.id !== id && !ctx.state.organizationalUnits.has(id)) {
    throw notFound(code, 'a root or OU');
  }
}

/** A policy target (root, OU or account), or TargetNotFoundException. */
export function findTarget(ctx: OperationContext, id: string) {
  const { root } = requireOrganization(ctx.state);
  if (root.id === id) {
    return { TargetId: id, Arn: root.arn, Name: root.name, Type: 'ROOT' };
  }
  const ou = ctx.state.organizationalUnits.get(id);
  if (ou) {
    return {
      TargetId: id,
      Arn: ou.arn,
      Name: ou.name,
      Type: 'ORGANIZATIONAL_UNIT',
    };
  }
  const account = ctx.state.accounts.get(id);
  if (account) {
    return {
      TargetId: id,
      Arn: account.arn,
      Name: account.name,
      Type: 'ACCOUNT',
    };
  }
  throw notFound('TargetNotFoundException', 'a root, OU, account, or email');
}

/** The legacy `Status` that goes with a `State`. */
function legacyStatus(account: AccountRecord): string {
  switch (account.state) {
    case 'SUSPENDED':
    case 'CLOSED':
      return 'SUSPENDED';
    case 'PENDING_CLOSURE':
      return 'PENDING_CLOSURE';
    default:
      return 'ACTIVE';
  }
}

/** The root as ListRoots and EnablePolicyType answer it. */
export function rootShape(root: RootRecord) {
  return {
    Id: root.id,
    Arn: root.arn,
    Name: root.name,
    PolicyTypes: root.policyTypes.map(Type => ({ Type, Status: 'ENABLED' })),
  };
}

export function accountShape(account: AccountRecord) {
  return {
    Id: account.id,
    Arn: account.arn,
    Email: account.email,
    Name: account.name,
    Status: legacyStatus(account),
    State: account.state,
    JoinedMethod: account.joinedMethod,
    JoinedTimestamp: epochSeconds(account.joinedTimestamp),
  };
}

export function ouShape(ou: OrganizationalUnitRecord) {
  return { Id: ou.id, Arn: ou.arn, Name: ou.name };
}

export function policySummary(policy: PolicyRecord) {
  return {
    Id: policy.id,
    Arn: policy.arn,
    Name: policy.name,
    Description: policy.description,
    Type: policy.type,
    AwsManaged: policy.awsManaged,
  };
}
