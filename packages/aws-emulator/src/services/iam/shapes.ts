/** IAM's answer shapes (query protocol members), documents URL-encoded as IAM returns them. */
import type {
  IamAttachedPolicyRecord,
  IamInlinePolicyRecord,
  IamManagedPolicyRecord,
  IamRoleRecord,
  IamUserRecord,
} from '../../state/iamTypes';
import type { TagMap } from '../../state/types';

/** RFC 3986 encoding, as IAM returns policy documents. */
export function encodeDocument(document: string): string {
  return encodeURIComponent(document).replace(
    /[!'()*]/g,
    c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

const tags = (map: TagMap) =>
  Object.entries(map).map(([Key, Value]) => ({ Key, Value }));

const attached = (policies: IamAttachedPolicyRecord[]) =>
  policies.map(p => ({ PolicyName: p.name, PolicyArn: p.arn }));

const inline = (policies: IamInlinePolicyRecord[]) =>
  policies.map(p => ({
    PolicyName: p.name,
    PolicyDocument: encodeDocument(p.document),
  }));

const boundary = (arn: string | undefined) =>
  arn
    ? {
        PermissionsBoundaryType: 'PermissionsBoundaryPolicy',
        PermissionsBoundaryArn: arn,
      }
    : undefined;

/** A RoleDetail of GetAccountAuthorizationDetails. */
export function roleDetail(role: IamRoleRecord) {
  return {
    Path: role.path,
    RoleName: role.name,
    RoleId: role.roleId,
    Arn: role.arn,
    CreateDate: role.createDate,
    AssumeRolePolicyDocument: encodeDocument(role.trustPolicy),
    InstanceProfileList: [],
    RolePolicyList: inline(role.inlinePolicies),
    AttachedManagedPolicies: attached(role.attachedPolicies),
    PermissionsBoundary: boundary(role.permissionsBoundary),
    Tags: tags(role.tags),
    RoleLastUsed: role.lastUsed
      ? { LastUsedDate: role.lastUsed.date, Region: role.lastUsed.region }
      : {},
  };
}

/** A UserDetail of GetAccountAuthorizationDetails. */
export function userDetail(user: IamUserRecord) {
  return {
    Path: user.path,
    UserName: user.name,
    UserId: user.userId,
    Arn: user.arn,
    CreateDate: user.createDate,
    UserPolicyList: inline(user.inlinePolicies),
    GroupList: user.groups,
    AttachedManagedPolicies: attached(user.attachedPolicies),
    PermissionsBoundary: boundary(user.permissionsBoundary),
    Tags: tags(user.tags),
  };
}

/** A Policy of GetPolicy (without versions). */
export function policyShape(
  policy: IamManagedPolicyRecord,
  attachmentCount: number,
) {
  return {
    PolicyName: policy.name,
    PolicyId: policy.policyId,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: policy.defaultVersionId,
    AttachmentCount: attachmentCount,
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    CreateDate: policy.createDate,
    UpdateDate: policy.updateDate,
  };
}

/** A ManagedPolicyDetail of GetAccountAuthorizationDetails. */
export function policyDetail(
  policy: IamManagedPolicyRecord,
  attachmentCount: number,
) {
  return {
    ...policyShape(policy, attachmentCount),
    PolicyVersionList: policy.versions.map(v => ({
      Document: encodeDocument(v.document),
      VersionId: v.versionId,
      IsDefaultVersion: v.versionId === policy.defaultVersionId,
      CreateDate: v.createDate,
    })),
  };
}
