import {
  DescribeAccountCommand,
  DescribeOrganizationalUnitCommand,
  ListParentsCommand,
  ListPoliciesForTargetCommand,
} from '@aws-sdk/client-organizations';
import type {
  OrganizationPolicy,
  OrganizationSnapshot,
  PolicyTargetType,
  ServiceControlPolicy,
} from '@aws-governance/plugin-aws-organizations-common';
import { isUnknown } from '@aws-governance/plugin-aws-organizations-common';
import { PAGE_SIZE, ReadContext } from '../context';
import { awsErrorCode, AwsReadError } from '../errors';
import { toAccount } from '../organizations';
import { describePolicy, readPolicy, withoutType } from '../policies';
import { readOrganizationsTags } from '../tags';
import { RefreshTarget } from './targets';

const service = 'organizations' as const;
const SCP = 'SERVICE_CONTROL_POLICY';
const RCP = 'RESOURCE_CONTROL_POLICY';

/**
 * A change to apply to a copy of the snapshot once every re-read is done;
 * a string is the reason the change cannot be applied (a full read then).
 */
export type Patch = (draft: OrganizationSnapshot) => string | void;

/** Answers `undefined` when AWS says the resource is gone. */
export async function unlessGone<T>(
  read: Promise<T>,
  codes: string[],
): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    const cause = error instanceof AwsReadError ? error.cause : error;
    if (codes.includes(awsErrorCode(cause))) return undefined;
    throw error;
  }
}

/** Inserts or replaces by id, keeping the list's order. */
export function upsert<T>(
  list: T[],
  item: T,
  sameAs: (other: T) => boolean,
  order: (a: T, b: T) => number,
): void {
  const at = list.findIndex(sameAs);
  if (at >= 0) list.splice(at, 1);
  let insertAt = list.findIndex(other => order(item, other) < 0);
  if (insertAt < 0) insertAt = list.length;
  list.splice(insertAt, 0, item);
}

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
const byPathThenId = (
  a: { id: string; path: string[] },
  b: { id: string; path: string[] },
) => a.path.length - b.path.length || a.id.localeCompare(b.id);

/** The path (root first) of a resource whose parent is `parentId`, if known. */
function pathUnder(
  draft: OrganizationSnapshot,
  parentId: string,
): string[] | undefined {
  if (parentId === draft.root.id) return [draft.root.id];
  const parent = draft.organizationalUnits.find(o => o.id === parentId);
  return parent ? [...parent.path, parent.id] : undefined;
}

function listParent(ctx: ReadContext, childId: string) {
  return ctx.paginate(
    { service, operation: 'ListParents', resource: childId },
    NextToken => new ListParentsCommand({ ChildId: childId, NextToken }),
    out => out.Parents,
  );
}

async function readAccount(
  ctx: ReadContext,
  accountId: string,
): Promise<Patch> {
  const gone = ['AccountNotFoundException', 'ChildNotFoundException'];
  const [described, parents, tags] = await Promise.all([
    unlessGone(
      ctx.send(
        { service, operation: 'DescribeAccount', resource: accountId },
        new DescribeAccountCommand({ AccountId: accountId }),
      ),
      gone,
    ),
    unlessGone(listParent(ctx, accountId), gone),
    readOrganizationsTags(ctx, accountId),
  ]);
  return draft => {
    const parentId = parents?.[0]?.Id;
    if (!described?.Account || !parentId) {
      return `account ${accountId} is no longer in the organization`;
    }
    const path = pathUnder(draft, parentId);
    if (!path) return `account ${accountId} is in ${parentId}, an unknown OU`;
    upsert(
      draft.accounts,
      { ...toAccount(described.Account, accountId, parentId, path), tags },
      a => a.id === accountId,
      byId,
    );
    return undefined;
  };
}

async function readOrganizationalUnit(
  ctx: ReadContext,
  id: string,
): Promise<Patch> {
  const gone = [
    'OrganizationalUnitNotFoundException',
    'ChildNotFoundException',
  ];
  const [described, parents, tags] = await Promise.all([
    unlessGone(
      ctx.send(
        { service, operation: 'DescribeOrganizationalUnit', resource: id },
        new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: id }),
      ),
      gone,
    ),
    unlessGone(listParent(ctx, id), gone),
    readOrganizationsTags(ctx, id),
  ]);
  return draft => {
    const parentId = parents?.[0]?.Id;
    const unit = described?.OrganizationalUnit;
    if (!unit || !parentId) {
      // AWS deletes only empty OUs; policies attached to it go with it.
      const hasChildren =
        draft.accounts.some(a => a.parentId === id) ||
        draft.organizationalUnits.some(o => o.parentId === id);
      if (hasChildren) return `OU ${id} is gone but had children`;
      draft.organizationalUnits = draft.organizationalUnits.filter(
        o => o.id !== id,
      );
      for (const policy of allPolicies(draft)) {
        policy.targets = policy.targets.filter(t => t.targetId !== id);
      }
      return undefined;
    }
    const path = pathUnder(draft, parentId);
    if (!path) return `OU ${id} is in ${parentId}, an unknown OU`;
    upsert(
      draft.organizationalUnits,
      { id, arn: unit.Arn ?? '', name: unit.Name ?? '', parentId, path, tags },
      o => o.id === id,
      byPathThenId,
    );
    return undefined;
  };
}

/** Every policy list the snapshot holds and knows. */
function allPolicies(draft: OrganizationSnapshot): ServiceControlPolicy[] {
  const rcps = draft.resourceControlPolicies;
  return [
    ...draft.policies,
    ...(rcps && !isUnknown(rcps) ? rcps : []),
    ...(draft.otherPolicyTypes ?? []).flatMap(t =>
      isUnknown(t.policies) ? [] : t.policies,
    ),
  ];
}

/** The type of a policy the snapshot holds. */
function typeOfPolicy(
  draft: OrganizationSnapshot,
  policyId: string,
): string | undefined {
  if (draft.policies.some(p => p.id === policyId)) return SCP;
  const rcps = draft.resourceControlPolicies;
  if (rcps && !isUnknown(rcps) && rcps.some(p => p.id === policyId)) return RCP;
  return (draft.otherPolicyTypes ?? []).find(
    t => !isUnknown(t.policies) && t.policies.some(p => p.id === policyId),
  )?.type;
}

/** The list that holds policies of `type`, or why there is none. */
function listOfType(
  draft: OrganizationSnapshot,
  type: string,
): ServiceControlPolicy[] | OrganizationPolicy[] | string {
  if (type === SCP) return draft.policies;
  if (type === RCP) {
    const rcps = draft.resourceControlPolicies;
    return rcps && !isUnknown(rcps) ? rcps : `the ${RCP}s are unknown`;
  }
  const other = (draft.otherPolicyTypes ?? []).find(t => t.type === type);
  return other && !isUnknown(other.policies)
    ? other.policies
    : `the policies of type ${type} are not read`;
}

async function readOnePolicy(
  ctx: ReadContext,
  policyId: string,
): Promise<Patch> {
  const described = await unlessGone(describePolicy(ctx, policyId), [
    'PolicyNotFoundException',
  ]);
  const summary = described?.Policy?.PolicySummary;
  if (!described || !summary?.Type) {
    return draft => {
      for (const list of [
        draft.policies,
        draft.resourceControlPolicies,
        ...(draft.otherPolicyTypes ?? []).map(t => t.policies),
      ]) {
        if (list && !isUnknown(list)) {
          const at = list.findIndex(p => p.id === policyId);
          if (at >= 0) list.splice(at, 1);
        }
      }
    };
  }
  const type = summary.Type;
  const policy = await readPolicy(ctx, type, summary, described);
  return draft => {
    const list = listOfType(draft, type);
    if (typeof list === 'string') return list;
    const item = type === SCP || type === RCP ? withoutType(policy) : policy;
    upsert(list as ServiceControlPolicy[], item, p => p.id === policyId, byId);
    return undefined;
  };
}

function targetTypeOf(targetId: string): PolicyTargetType {
  if (targetId.startsWith('r-')) return 'ROOT';
  if (targetId.startsWith('ou-')) return 'ORGANIZATIONAL_UNIT';
  return 'ACCOUNT';
}

function targetName(draft: OrganizationSnapshot, targetId: string) {
  if (targetId === draft.root.id) return draft.root.name;
  return (
    draft.organizationalUnits.find(o => o.id === targetId)?.name ??
    draft.accounts.find(a => a.id === targetId)?.name
  );
}

/** The policy types whose lists the snapshot holds and knows. */
function knownPolicyTypes(draft: OrganizationSnapshot): string[] {
  return [
    ...(draft.organization.featureSet === 'ALL' ? [SCP] : []),
    ...(draft.resourceControlPolicies &&
    !isUnknown(draft.resourceControlPolicies)
      ? [RCP]
      : []),
    ...(draft.otherPolicyTypes ?? [])
      .filter(t => !isUnknown(t.policies))
      .map(t => t.type),
  ];
}

/**
 * One target's attachments of one policy type: which policies of the type
 * the target has now (ListPoliciesForTarget). Much cheaper than a policy's
 * whole target list (FullAWSAccess is attached to every OU and account).
 */
async function readAttachmentsOfType(
  ctx: ReadContext,
  targetId: string,
  type: string,
): Promise<Patch> {
  const attached = await unlessGone(
    ctx.paginate(
      { service, operation: 'ListPoliciesForTarget', resource: targetId },
      NextToken =>
        new ListPoliciesForTargetCommand({
          TargetId: targetId,
          Filter: type as never,
          NextToken,
          MaxResults: PAGE_SIZE.organizations,
        }),
      out => out.Policies,
    ),
    ['TargetNotFoundException'],
  );
  return draft => {
    const list = listOfType(draft, type);
    if (typeof list === 'string') return list;
    const name = targetName(draft, targetId);
    if (attached && name === undefined) {
      return `policy target ${targetId} is not in the snapshot`;
    }
    const ids = new Set((attached ?? []).map(p => p.Id));
    if ([...ids].some(id => !list.some(p => p.id === id))) {
      return `${targetId} has a policy of type ${type} the snapshot does not hold`;
    }
    for (const policy of list) {
      const others = policy.targets.filter(t => t.targetId !== targetId);
      policy.targets = ids.has(policy.id)
        ? [
            ...others,
            { targetId, type: targetTypeOf(targetId), name: name ?? '' },
          ]
        : others;
    }
    return undefined;
  };
}

/** A policy attached to or detached from one target. */
async function readAttachment(
  ctx: ReadContext,
  base: OrganizationSnapshot,
  policyId: string,
  targetId: string,
): Promise<Patch> {
  const type = typeOfPolicy(base, policyId);
  // A policy the snapshot does not hold yet: read it whole.
  if (!type) return readOnePolicy(ctx, policyId);
  return readAttachmentsOfType(ctx, targetId, type);
}

/**
 * Every policy type's attachments of one target: a new OU or account,
 * to which AWS attaches the FullAWSAccess policies by itself.
 */
async function readTargetPolicies(
  ctx: ReadContext,
  base: OrganizationSnapshot,
  targetId: string,
): Promise<Patch> {
  const patches = await Promise.all(
    knownPolicyTypes(base).map(type =>
      readAttachmentsOfType(ctx, targetId, type),
    ),
  );
  return draft => {
    for (const patch of patches) {
      const reason = patch(draft);
      if (reason) return reason;
    }
    return undefined;
  };
}

async function readTags(ctx: ReadContext, resourceId: string): Promise<Patch> {
  const tags = await readOrganizationsTags(ctx, resourceId);
  return draft => {
    if (draft.root.id === resourceId) {
      draft.root.tags = tags;
      return undefined;
    }
    const holder =
      draft.organizationalUnits.find(o => o.id === resourceId) ??
      draft.accounts.find(a => a.id === resourceId) ??
      allPolicies(draft).find(p => p.id === resourceId);
    if (!holder)
      return `tags of ${resourceId}, which the snapshot does not hold`;
    holder.tags = tags;
    return undefined;
  };
}

/** Re-reads one Organizations target; `undefined` for other targets. */
export function readOrganizationsTarget(
  ctx: ReadContext,
  base: OrganizationSnapshot,
  target: RefreshTarget,
): Promise<Patch> | undefined {
  switch (target.kind) {
    case 'account':
      return readAccount(ctx, target.accountId);
    case 'organizationalUnit':
      return readOrganizationalUnit(ctx, target.organizationalUnitId);
    case 'tags':
      return readTags(ctx, target.resourceId);
    case 'policy':
      return readOnePolicy(ctx, target.policyId);
    case 'policyAttachment':
      return readAttachment(ctx, base, target.policyId, target.targetId);
    case 'targetPolicies':
      return readTargetPolicies(ctx, base, target.targetId);
    default:
      return undefined;
  }
}
