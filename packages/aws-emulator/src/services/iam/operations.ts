import { AwsError } from '../../protocol/errors';
import { accountIam } from '../../state/iam';
import type {
  AccountIamRecord,
  IamManagedPolicyRecord,
} from '../../state/iamTypes';
import { OperationContext, OperationTable } from '../types';
import {
  encodeDocument,
  policyDetail,
  policyShape,
  roleDetail,
  userDetail,
} from './shapes';
import { decodeMarker, encodeMarker, readMaxItems } from './markers';

const ENTITY_TYPES = [
  'User',
  'Role',
  'Group',
  'LocalManagedPolicy',
  'AWSManagedPolicy',
] as const;
type EntityType = (typeof ENTITY_TYPES)[number];

const EMPTY: AccountIamRecord = { roles: [], users: [], policies: [] };

function callerAccount(ctx: OperationContext) {
  const accountId = ctx.identity?.accountId;
  if (!accountId) throw new Error('The pipeline passes the identity');
  return { accountId, iam: accountIam(ctx.state, accountId) ?? EMPTY };
}

function attachmentCounts(iam: AccountIamRecord): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entity of [...iam.roles, ...iam.users]) {
    for (const p of entity.attachedPolicies) {
      counts.set(p.arn, (counts.get(p.arn) ?? 0) + 1);
    }
  }
  return counts;
}

function readFilter(ctx: OperationContext): EntityType[] {
  const filter = ctx.input.array('Filter') as string[];
  for (const value of filter) {
    if (!(ENTITY_TYPES as readonly string[]).includes(value)) {
      throw new AwsError(
        'ValidationError',
        `1 validation error detected: Value '[${filter.join(
          ', ',
        )}]' at 'filter' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [${ENTITY_TYPES.join(
          ', ',
        )}]]`,
      );
    }
  }
  return filter.length ? (filter as EntityType[]) : [...ENTITY_TYPES];
}

type Item =
  | { list: 'UserDetailList'; value: unknown }
  | { list: 'RoleDetailList'; value: unknown }
  | { list: 'Policies'; value: unknown };

/**
 * GetAccountAuthorizationDetails: users, roles, customer managed and the
 * attached AWS managed policies of the caller's account (no IAM groups
 * are emulated), `MaxItems` items per page (1-1000, default 100) counted
 * over all lists, `IsTruncated` and an opaque `Marker`.
 */
function getAccountAuthorizationDetails(ctx: OperationContext) {
  const filter = readFilter(ctx);
  const maxItems = readMaxItems(ctx.input);
  const { iam } = callerAccount(ctx);
  const counts = attachmentCounts(iam);
  const items: (() => Item)[] = [];
  if (filter.includes('User')) {
    for (const u of iam.users) {
      items.push(() => ({ list: 'UserDetailList', value: userDetail(u) }));
    }
  }
  if (filter.includes('Role')) {
    for (const r of iam.roles) {
      items.push(() => ({ list: 'RoleDetailList', value: roleDetail(r) }));
    }
  }
  const policy = (p: IamManagedPolicyRecord) => () =>
    ({
      list: 'Policies',
      value: policyDetail(p, counts.get(p.arn) ?? 0),
    } as Item);
  if (filter.includes('LocalManagedPolicy')) {
    items.push(...iam.policies.map(policy));
  }
  if (filter.includes('AWSManagedPolicy')) {
    for (const [arn, p] of ctx.state.iam?.awsManagedPolicies ?? []) {
      if (counts.has(arn)) items.push(policy(p));
    }
  }
  const offset = decodeMarker(ctx, filter.join(','));
  const page = items.slice(offset, offset + maxItems).map(make => make());
  const truncated = offset + maxItems < items.length;
  const result: Record<string, unknown[]> = {
    UserDetailList: [],
    GroupDetailList: [],
    RoleDetailList: [],
    Policies: [],
  };
  for (const item of page) result[item.list].push(item.value);
  return {
    ...result,
    IsTruncated: truncated,
    ...(truncated
      ? { Marker: encodeMarker(offset + maxItems, ctx, filter.join(',')) }
      : {}),
  };
}

function findPolicy(ctx: OperationContext): IamManagedPolicyRecord {
  const arn = ctx.input.string('PolicyArn');
  const { accountId, iam } = callerAccount(ctx);
  let policy: IamManagedPolicyRecord | undefined;
  if (arn.startsWith('arn:aws:iam::aws:policy/')) {
    policy = ctx.state.iam?.awsManagedPolicies.get(arn);
  } else if (arn.startsWith(`arn:aws:iam::${accountId}:policy/`)) {
    policy = iam.policies.find(p => p.arn === arn);
  }
  if (!policy) {
    throw new AwsError(
      'NoSuchEntity',
      `Policy ${arn} does not exist or is not attachable.`,
      404,
    );
  }
  return policy;
}

function getPolicy(ctx: OperationContext) {
  const policy = findPolicy(ctx);
  const { iam } = callerAccount(ctx);
  return {
    Policy: policyShape(policy, attachmentCounts(iam).get(policy.arn) ?? 0),
  };
}

function getPolicyVersion(ctx: OperationContext) {
  const policy = findPolicy(ctx);
  const versionId = ctx.input.string('VersionId');
  const version = policy.versions.find(v => v.versionId === versionId);
  if (!version) {
    throw new AwsError(
      'NoSuchEntity',
      `Policy ${policy.arn} version ${versionId} does not exist or is not attachable.`,
      404,
    );
  }
  return {
    PolicyVersion: {
      Document: encodeDocument(version.document),
      VersionId: version.versionId,
      IsDefaultVersion: version.versionId === policy.defaultVersionId,
      CreateDate: version.createDate,
    },
  };
}

/** ListAccessKeys of a user of the caller's account. */
function listAccessKeys(ctx: OperationContext) {
  const { iam } = callerAccount(ctx);
  const name = ctx.input.optionalString('UserName');
  const maxItems = readMaxItems(ctx.input);
  const user = name ? iam.users.find(u => u.name === name) : undefined;
  if (name && !user) {
    throw new AwsError(
      'NoSuchEntity',
      `The user with name ${name} cannot be found.`,
      404,
    );
  }
  const keys = user?.accessKeys ?? [];
  const offset = decodeMarker(ctx, name ?? '');
  const truncated = offset + maxItems < keys.length;
  return {
    AccessKeyMetadata: keys.slice(offset, offset + maxItems).map(k => ({
      UserName: user!.name,
      AccessKeyId: k.accessKeyId,
      Status: k.status,
      CreateDate: k.createDate,
    })),
    IsTruncated: truncated,
    ...(truncated
      ? { Marker: encodeMarker(offset + maxItems, ctx, name ?? '') }
      : {}),
  };
}

/** IAM: the reads of the roles reader. */
export const iamOperations: OperationTable = {
  GetAccountAuthorizationDetails: getAccountAuthorizationDetails,
  GetPolicy: getPolicy,
  GetPolicyVersion: getPolicyVersion,
  ListAccessKeys: listAccessKeys,
};
