/**
 * IAM's answers (GetAccountAuthorizationDetails) and AWS Config's
 * configuration items (AWS::IAM::Role, AWS::IAM::User, AWS::IAM::Policy)
 * as the snapshot's IAM types. Policy documents arrive URL-encoded
 * (RFC 3986) from both; the snapshot holds them decoded.
 */
import type {
  ManagedPolicyDetail,
  RoleDetail,
  UserDetail,
} from '@aws-sdk/client-iam';
import type {
  IamAttachedPolicy,
  IamInlinePolicy,
  IamRole,
  IamUser,
  Knowable,
  Tags,
} from '@aws-governance/plugin-aws-organizations-common';

/** A URL-encoded policy document as JSON text (left as is when not encoded). */
export function decodeDocument(document: string | undefined): string {
  if (document === undefined) return '';
  try {
    return decodeURIComponent(document);
  } catch {
    return document;
  }
}

const iso = (d: Date | string | undefined) =>
  d === undefined ? undefined : new Date(d).toISOString();

const attached = (
  list: { PolicyName?: string; PolicyArn?: string }[] | undefined,
): IamAttachedPolicy[] =>
  (list ?? []).map(p => ({ arn: p.PolicyArn ?? '', name: p.PolicyName ?? '' }));

const inline = (
  list: { PolicyName?: string; PolicyDocument?: string }[] | undefined,
): IamInlinePolicy[] =>
  (list ?? []).map(p => ({
    name: p.PolicyName ?? '',
    document: decodeDocument(p.PolicyDocument),
  }));

const tagsOf = (list: { Key?: string; Value?: string }[] | undefined): Tags =>
  Object.fromEntries((list ?? []).map(t => [t.Key ?? '', t.Value ?? '']));

/** A role of GetAccountAuthorizationDetails. */
export function roleFromDetail(role: RoleDetail): IamRole {
  return {
    arn: role.Arn ?? '',
    name: role.RoleName ?? '',
    path: role.Path ?? '/',
    roleId: role.RoleId,
    createDate: iso(role.CreateDate),
    trustPolicy: decodeDocument(role.AssumeRolePolicyDocument),
    attachedPolicies: attached(role.AttachedManagedPolicies),
    inlinePolicies: inline(role.RolePolicyList),
    permissionsBoundary:
      role.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
    lastUsed: {
      ...(role.RoleLastUsed?.LastUsedDate
        ? { lastUsedDate: iso(role.RoleLastUsed.LastUsedDate) }
        : {}),
      ...(role.RoleLastUsed?.Region
        ? { region: role.RoleLastUsed.Region }
        : {}),
    },
    tags: tagsOf(role.Tags),
  };
}

/** A user of GetAccountAuthorizationDetails; its keys come from ListAccessKeys. */
export function userFromDetail(
  user: UserDetail,
  accessKeys: IamUser['accessKeys'],
): IamUser {
  return {
    arn: user.Arn ?? '',
    name: user.UserName ?? '',
    path: user.Path ?? '/',
    userId: user.UserId,
    createDate: iso(user.CreateDate),
    attachedPolicies: attached(user.AttachedManagedPolicies),
    inlinePolicies: inline(user.UserPolicyList),
    groups: user.GroupList ?? [],
    permissionsBoundary:
      user.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
    accessKeys,
  };
}

/** A customer managed policy of GetAccountAuthorizationDetails: its default version's document. */
export function localPolicyFromDetail(policy: ManagedPolicyDetail) {
  const version = policy.PolicyVersionList?.find(
    v => v.VersionId === policy.DefaultVersionId,
  );
  return {
    arn: policy.Arn ?? '',
    name: policy.PolicyName ?? '',
    awsManaged: false,
    defaultVersionId: policy.DefaultVersionId,
    document: version?.Document
      ? decodeDocument(version.Document)
      : ({
          unknown: true,
          reason: `GetAccountAuthorizationDetails returned no default version of ${policy.Arn}`,
        } as Knowable<string>),
  };
}

/* AWS Config configuration items (camelCase, as Config records them). */

interface ConfigAttached {
  policyName?: string;
  policyArn?: string;
}
interface ConfigInline {
  policyName?: string;
  policyDocument?: string;
}
interface ConfigTag {
  key?: string;
  value?: string;
}
interface ConfigBoundary {
  permissionsBoundaryArn?: string;
}

/** What the reader selects of a configuration item. */
export interface ConfigIamItem {
  accountId?: string;
  resourceType?: string;
  configuration?: Record<string, unknown>;
}

const configAttached = (list: unknown): IamAttachedPolicy[] =>
  ((list as ConfigAttached[] | undefined) ?? []).map(p => ({
    arn: p.policyArn ?? '',
    name: p.policyName ?? '',
  }));

const configInline = (list: unknown): IamInlinePolicy[] =>
  ((list as ConfigInline[] | undefined) ?? []).map(p => ({
    name: p.policyName ?? '',
    document: decodeDocument(p.policyDocument),
  }));

const configTags = (list: unknown): Tags =>
  Object.fromEntries(
    ((list as ConfigTag[] | undefined) ?? []).map(t => [
      t.key ?? '',
      t.value ?? '',
    ]),
  );

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** An AWS::IAM::Role configuration item. */
export function roleFromConfig(c: Record<string, unknown>): IamRole {
  const lastUsed = (c.roleLastUsed ?? undefined) as
    | { lastUsedDate?: string; region?: string }
    | undefined;
  return {
    arn: str(c.arn) ?? '',
    name: str(c.roleName) ?? '',
    path: str(c.path) ?? '/',
    roleId: str(c.roleId),
    createDate: iso(str(c.createDate)),
    trustPolicy: decodeDocument(str(c.assumeRolePolicyDocument)),
    attachedPolicies: configAttached(c.attachedManagedPolicies),
    inlinePolicies: configInline(c.rolePolicyList),
    permissionsBoundary:
      (c.permissionsBoundary as ConfigBoundary | null | undefined)
        ?.permissionsBoundaryArn ?? null,
    lastUsed: {
      ...(lastUsed?.lastUsedDate
        ? { lastUsedDate: iso(lastUsed.lastUsedDate) }
        : {}),
      ...(lastUsed?.region ? { region: lastUsed.region } : {}),
    },
    tags: configTags(c.tags),
  };
}

/** An AWS::IAM::User configuration item: Config records no access keys. */
export function userFromConfig(c: Record<string, unknown>): IamUser {
  return {
    arn: str(c.arn) ?? '',
    name: str(c.userName) ?? '',
    path: str(c.path) ?? '/',
    userId: str(c.userId),
    createDate: iso(str(c.createDate)),
    attachedPolicies: configAttached(c.attachedManagedPolicies),
    inlinePolicies: configInline(c.userPolicyList),
    groups: (c.groupList as string[] | undefined) ?? [],
    permissionsBoundary:
      (c.permissionsBoundary as ConfigBoundary | null | undefined)
        ?.permissionsBoundaryArn ?? null,
    accessKeys: {
      unknown: true,
      reason: 'AWS Config does not record the access keys of IAM users',
    },
  };
}

/** An AWS::IAM::Policy configuration item: its default version's document. */
export function policyFromConfig(c: Record<string, unknown>) {
  const versions =
    (c.policyVersionList as
      | { versionId?: string; document?: string; isDefaultVersion?: boolean }[]
      | undefined) ?? [];
  const defaultVersionId = str(c.defaultVersionId);
  const version = versions.find(v => v.versionId === defaultVersionId);
  return {
    arn: str(c.arn) ?? '',
    name: str(c.policyName) ?? '',
    awsManaged: false,
    defaultVersionId,
    document: version?.document
      ? decodeDocument(version.document)
      : ({
          unknown: true,
          reason: `AWS Config recorded no default version of ${str(c.arn)}`,
        } as Knowable<string>),
  };
}
