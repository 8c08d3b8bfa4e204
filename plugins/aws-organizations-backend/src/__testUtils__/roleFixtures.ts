/**
 * Roles parts for tests: roles with trust and inline policies, IAM users,
 * and a snapshot with a roles part added.
 */
import {
  AccountIam,
  IamRole,
  IamUser,
  OrganizationSnapshot,
} from '@aws-governance/plugin-aws-organizations-common';

/** An account outside the organization (a vendor's). */
export const VENDOR = '777788889999';

export const policyDoc = (...Statement: object[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement });

/** A trust policy admitting one AWS principal (account id or ARN). */
export function trusts(principal: string, condition?: object): string {
  return policyDoc({
    Effect: 'Allow',
    Principal: principal === '*' ? '*' : { AWS: principal },
    Action: 'sts:AssumeRole',
    ...(condition ? { Condition: condition } : {}),
  });
}

/** A trust policy admitting a service. */
export const trustsService = (service: string) =>
  policyDoc({
    Effect: 'Allow',
    Principal: { Service: service },
    Action: 'sts:AssumeRole',
  });

/** An identity policy allowing sts:AssumeRole on the resources. */
export const mayAssume = (...Resource: string[]) =>
  policyDoc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource });

/** A role of an account. */
export function iamRole(
  accountId: string,
  name: string,
  trustPolicy: string,
  extra: Partial<IamRole> & { inline?: string[] } = {},
): IamRole {
  const { inline = [], ...rest } = extra;
  const path = rest.path ?? '/';
  return {
    arn: `arn:aws:iam::${accountId}:role${path}${name}`,
    name,
    path,
    trustPolicy,
    attachedPolicies: [],
    inlinePolicies: inline.map((document, i) => ({
      name: `inline-${i}`,
      document,
    })),
    permissionsBoundary: null,
    lastUsed: { lastUsedDate: '2026-01-01T00:00:00Z', region: 'us-east-1' },
    createDate: '2024-01-01T00:00:00Z',
    ...rest,
  };
}

/** An IAM user of an account. */
export function iamUser(
  accountId: string,
  name: string,
  extra: Partial<IamUser> = {},
): IamUser {
  return {
    arn: `arn:aws:iam::${accountId}:user/${name}`,
    name,
    path: '/',
    attachedPolicies: [],
    inlinePolicies: [],
    groups: [],
    permissionsBoundary: null,
    accessKeys: [],
    ...extra,
  };
}

/** A known roles part. */
export function known(roles: IamRole[], users: IamUser[] = []): AccountIam {
  return { status: 'known', source: 'account-role', roles, users };
}

/** The snapshot with a roles part: every listed account, the others not read. */
export function withIam(
  snapshot: OrganizationSnapshot,
  accounts: Record<string, AccountIam>,
): OrganizationSnapshot {
  return { ...snapshot, iam: { accounts, managedPolicies: [] } };
}

/** Every account of the snapshot known with no roles, then `accounts` over it. */
export function withIamEverywhere(
  snapshot: OrganizationSnapshot,
  accounts: Record<string, AccountIam> = {},
): OrganizationSnapshot {
  const all: Record<string, AccountIam> = {};
  for (const a of snapshot.accounts) all[a.id] = known([]);
  return withIam(snapshot, { ...all, ...accounts });
}
