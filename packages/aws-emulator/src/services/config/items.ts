/**
 * Configuration items of IAM resources as AWS Config records them (the
 * AWS::IAM::Role, AWS::IAM::User and AWS::IAM::Policy resource types):
 * IAM is global, so `awsRegion` is `global`; policy documents in
 * `configuration` are URL-encoded, as IAM returns them.
 */
import type {
  IamManagedPolicyRecord,
  IamRoleRecord,
  IamUserRecord,
} from '../../state/iamTypes';
import type { TagMap } from '../../state/types';
import { encodeDocument } from '../iam/shapes';

/** The IAM resource types the emulator's Config answers. */
export const IAM_RESOURCE_TYPES = [
  'AWS::IAM::Role',
  'AWS::IAM::User',
  'AWS::IAM::Policy',
] as const;
export type IamResourceType = (typeof IAM_RESOURCE_TYPES)[number];

const CAPTURED = '2026-01-05T06:00:00.000Z';

const tags = (map: TagMap) =>
  Object.entries(map).map(([key, value]) => ({ key, value }));

const attached = (policies: { name: string; arn: string }[]) =>
  policies.map(p => ({ policyName: p.name, policyArn: p.arn }));

const inline = (policies: { name: string; document: string }[]) =>
  policies.map(p => ({
    policyName: p.name,
    policyDocument: encodeDocument(p.document),
  }));

const boundary = (arn: string | undefined) =>
  arn
    ? {
        permissionsBoundaryType: 'PermissionsBoundaryPolicy',
        permissionsBoundaryArn: arn,
      }
    : null;

function envelope(
  accountId: string,
  resourceType: IamResourceType,
  resource: {
    id: string;
    name: string;
    arn: string;
    created: Date;
    tags: TagMap;
  },
  configuration: Record<string, unknown>,
) {
  return {
    version: '1.3',
    accountId,
    configurationItemCaptureTime: CAPTURED,
    configurationItemStatus: 'OK',
    configurationStateId: '1767592800000',
    arn: resource.arn,
    resourceType,
    resourceId: resource.id,
    resourceName: resource.name,
    awsRegion: 'global',
    availabilityZone: 'Not Applicable',
    resourceCreationTime: resource.created.toISOString(),
    tags: tags(resource.tags),
    configuration,
    supplementaryConfiguration: {},
  };
}

/** An AWS::IAM::Role configuration item. */
export function roleItem(accountId: string, role: IamRoleRecord) {
  return envelope(
    accountId,
    'AWS::IAM::Role',
    {
      id: role.roleId,
      name: role.name,
      arn: role.arn,
      created: role.createDate,
      tags: role.tags,
    },
    {
      path: role.path,
      roleName: role.name,
      roleId: role.roleId,
      arn: role.arn,
      createDate: role.createDate.toISOString(),
      assumeRolePolicyDocument: encodeDocument(role.trustPolicy),
      instanceProfileList: [],
      rolePolicyList: inline(role.inlinePolicies),
      attachedManagedPolicies: attached(role.attachedPolicies),
      permissionsBoundary: boundary(role.permissionsBoundary),
      tags: tags(role.tags),
      roleLastUsed: role.lastUsed
        ? {
            lastUsedDate: role.lastUsed.date.toISOString(),
            region: role.lastUsed.region,
          }
        : null,
      ...(role.description ? { description: role.description } : {}),
      maxSessionDuration: 3600,
    },
  );
}

/** An AWS::IAM::User configuration item (Config records no access keys). */
export function userItem(accountId: string, user: IamUserRecord) {
  return envelope(
    accountId,
    'AWS::IAM::User',
    {
      id: user.userId,
      name: user.name,
      arn: user.arn,
      created: user.createDate,
      tags: user.tags,
    },
    {
      path: user.path,
      userName: user.name,
      userId: user.userId,
      arn: user.arn,
      createDate: user.createDate.toISOString(),
      userPolicyList: inline(user.inlinePolicies),
      groupList: user.groups,
      attachedManagedPolicies: attached(user.attachedPolicies),
      permissionsBoundary: boundary(user.permissionsBoundary),
      tags: tags(user.tags),
    },
  );
}

/** An AWS::IAM::Policy configuration item (customer managed). */
export function policyItem(
  accountId: string,
  policy: IamManagedPolicyRecord,
  attachmentCount: number,
) {
  return envelope(
    accountId,
    'AWS::IAM::Policy',
    {
      id: policy.policyId,
      name: policy.name,
      arn: policy.arn,
      created: policy.createDate,
      tags: {},
    },
    {
      policyName: policy.name,
      policyId: policy.policyId,
      arn: policy.arn,
      path: policy.path,
      defaultVersionId: policy.defaultVersionId,
      attachmentCount,
      permissionsBoundaryUsageCount: 0,
      isAttachable: true,
      createDate: policy.createDate.toISOString(),
      updateDate: policy.updateDate.toISOString(),
      policyVersionList: policy.versions.map(v => ({
        document: encodeDocument(v.document),
        versionId: v.versionId,
        isDefaultVersion: v.versionId === policy.defaultVersionId,
        createDate: v.createDate.toISOString(),
      })),
    },
  );
}
