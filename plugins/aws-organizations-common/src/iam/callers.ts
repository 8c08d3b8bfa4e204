/**
 * Callers of role hops: the Identity Center role of a permission set in an
 * account (`AWSReservedSSO_<set>_<suffix>`), or an IAM role, with the
 * policies that decide what it may call.
 * https://docs.aws.amazon.com/singlesignon/latest/userguide/referencingpermissionsets.html
 */
import type { Knowable, PermissionSet } from '../snapshot';
import { isUnknown } from '../snapshot';
import type { HopCaller } from './hop';
import type { IdentityPolicy } from './identity';
import type { IamManagedPolicy, IamRole } from './types';

/** Managed policy documents by ARN. */
export type PolicyDocuments = Map<string, IamManagedPolicy>;

const SSO_ROLE = /^AWSReservedSSO_(.+)_[0-9a-f]{16}$/;

/** The permission set name of an Identity Center role name, if it is one. */
export function ssoPermissionSetName(
  role: Pick<IamRole, 'name' | 'path'>,
): string | undefined {
  if (!role.path.startsWith('/aws-reserved/sso.amazonaws.com/'))
    return undefined;
  return SSO_ROLE.exec(role.name)?.[1];
}

function managed(arn: string, documents: PolicyDocuments): IdentityPolicy {
  const found = documents.get(arn);
  const name = arn.slice(arn.lastIndexOf('/') + 1);
  if (!found) {
    return {
      id: arn,
      name,
      document: {
        unknown: true,
        reason: `the document of ${arn} is not in the snapshot`,
      },
    };
  }
  return { id: arn, name: found.name, document: found.document };
}

/** The policies of an IAM role. */
export function rolePolicies(
  role: IamRole,
  documents: PolicyDocuments,
): HopCaller['policies'] {
  const policies: IdentityPolicy[] = [
    ...role.attachedPolicies.map(p => managed(p.arn, documents)),
    ...role.inlinePolicies.map(p => ({
      id: `${role.arn}/inline/${p.name}`,
      name: p.name,
      document: p.document,
    })),
  ];
  const b = role.permissionsBoundary;
  let boundary: Knowable<IdentityPolicy | null>;
  if (isUnknown(b)) boundary = b;
  else boundary = b === null ? null : managed(b, documents);
  return { policies, boundary };
}

/** The role of an IAM role as a caller. */
export function roleCaller(
  role: IamRole,
  accountId: string,
  documents: PolicyDocuments,
): HopCaller {
  return {
    accountId,
    roleArn: role.arn,
    label: `role ${role.arn}`,
    policies: rolePolicies(role, documents),
  };
}

function partitionOf(arn: string): string {
  return arn.split(':')[1] || 'aws';
}

/**
 * The Identity Center role of a permission set in an account. With the
 * role as read from IAM its own policies decide; otherwise the permission
 * set's (managed, customer managed by name in the account, inline,
 * boundary), and its ARN is unknown.
 */
export function permissionSetCaller(
  permissionSet: PermissionSet,
  accountId: string,
  role: IamRole | undefined,
  documents: PolicyDocuments,
): HopCaller {
  if (role) {
    return {
      ...roleCaller(role, accountId, documents),
      label: `${role.name} (permission set ${permissionSet.name}) in ${accountId}`,
    };
  }
  const partition = partitionOf(permissionSet.arn);
  const policies: IdentityPolicy[] = permissionSet.managedPolicies.map(p =>
    managed(p.arn, documents),
  );
  const customer = permissionSet.customerManagedPolicies;
  if (isUnknown(customer)) {
    policies.push({
      id: `${permissionSet.arn}/customer-managed`,
      name: 'customer managed policies',
      document: customer,
    });
  } else {
    for (const ref of customer) {
      policies.push(
        managed(
          `arn:${partition}:iam::${accountId}:policy${ref.path}${ref.name}`,
          documents,
        ),
      );
    }
  }
  if (permissionSet.inlinePolicy !== null) {
    policies.push({
      id: `${permissionSet.arn}/inline`,
      name: `inline policy of ${permissionSet.name}`,
      document: permissionSet.inlinePolicy,
    });
  }
  const b = permissionSet.permissionsBoundary;
  let boundary: Knowable<IdentityPolicy | null>;
  if (isUnknown(b)) boundary = b;
  else if (b.type === 'none') boundary = null;
  else if (b.type === 'managed')
    boundary = managed(b.managedPolicyArn, documents);
  else {
    boundary = managed(
      `arn:${partition}:iam::${accountId}:policy${b.reference.path}${b.reference.name}`,
      documents,
    );
  }
  const prefix = `AWSReservedSSO_${permissionSet.name}_`;
  return {
    accountId,
    label: `AWSReservedSSO_${permissionSet.name}_* (permission set ${permissionSet.name}) in ${accountId}`,
    roleNameMatches: name => name.startsWith(prefix) && SSO_ROLE.test(name),
    policies: { policies, boundary },
  };
}
