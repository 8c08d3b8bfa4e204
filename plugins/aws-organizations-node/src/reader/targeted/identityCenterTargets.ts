import { ListAccountAssignmentsCommand } from '@aws-sdk/client-sso-admin';
import {
  DescribeGroupCommand,
  DescribeUserCommand,
} from '@aws-sdk/client-identitystore';
import type {
  AccountAssignment,
  IdentityCenterSnapshot,
  OrganizationSnapshot,
  PrincipalType,
} from '@aws-governance/plugin-aws-organizations-common';
import { PAGE_SIZE, ReadContext } from '../context';
import { dedupe } from '../assignments';
import { readPermissionSet } from '../identityCenter';
import {
  readMemberships,
  sortMemberships,
  toGroup,
  toUser,
} from '../identityStore';
import { Patch, unlessGone, upsert } from './organizationsTargets';
import { RefreshTarget } from './targets';

type AvailableIdentityCenter = Extract<
  IdentityCenterSnapshot,
  { status: 'available' }
>;

const NOT_FOUND = ['ResourceNotFoundException'];
const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

/** The draft's Identity Center, which the base had available. */
function available(draft: OrganizationSnapshot): AvailableIdentityCenter {
  return draft.identityCenter as AvailableIdentityCenter;
}

async function readOnePermissionSet(
  ctx: ReadContext,
  ic: AvailableIdentityCenter,
  arn: string,
): Promise<Patch> {
  const set = await unlessGone(
    readPermissionSet(ctx, ic.instanceArn, arn),
    NOT_FOUND,
  );
  return draft => {
    const target = available(draft);
    if (!set) {
      target.permissionSets = target.permissionSets.filter(p => p.arn !== arn);
      target.assignments = target.assignments.filter(
        a => a.permissionSetArn !== arn,
      );
      return;
    }
    upsert(
      target.permissionSets,
      set,
      p => p.arn === arn,
      (a, b) => a.arn.localeCompare(b.arn),
    );
  };
}

async function readAssignments(
  ctx: ReadContext,
  ic: AvailableIdentityCenter,
  permissionSetArn: string,
  accountId: string,
): Promise<Patch> {
  const listed =
    (await unlessGone(
      ctx.paginate(
        {
          service: 'ssoAdmin',
          operation: 'ListAccountAssignments',
          resource: `${permissionSetArn} in ${accountId}`,
        },
        NextToken =>
          new ListAccountAssignmentsCommand({
            InstanceArn: ic.instanceArn,
            AccountId: accountId,
            PermissionSetArn: permissionSetArn,
            NextToken,
            MaxResults: PAGE_SIZE.ssoAdmin,
          }),
        out => out.AccountAssignments,
      ),
      NOT_FOUND,
    )) ?? [];
  const assignments: AccountAssignment[] = listed.flatMap(a =>
    a.PrincipalId && a.PrincipalType
      ? [
          {
            accountId,
            permissionSetArn,
            principalType: a.PrincipalType as PrincipalType,
            principalId: a.PrincipalId,
          },
        ]
      : [],
  );
  return draft => {
    const target = available(draft);
    target.assignments = dedupe([
      ...target.assignments.filter(
        a =>
          a.accountId !== accountId || a.permissionSetArn !== permissionSetArn,
      ),
      ...assignments,
    ]);
  };
}

async function readGroupMemberships(
  ctx: ReadContext,
  ic: AvailableIdentityCenter,
  groupId: string,
): Promise<Patch> {
  const memberships =
    (await unlessGone(
      readMemberships(ctx, ic.identityStoreId, groupId),
      NOT_FOUND,
    )) ?? [];
  return draft => {
    const target = available(draft);
    target.memberships = sortMemberships([
      ...target.memberships.filter(m => m.groupId !== groupId),
      ...memberships,
    ]);
  };
}

async function readUser(
  ctx: ReadContext,
  ic: AvailableIdentityCenter,
  userId: string,
): Promise<Patch> {
  const described = await unlessGone(
    ctx.send(
      { service: 'identityStore', operation: 'DescribeUser', resource: userId },
      new DescribeUserCommand({
        IdentityStoreId: ic.identityStoreId,
        UserId: userId,
      }),
    ),
    NOT_FOUND,
  );
  return draft => {
    const target = available(draft);
    if (!described) {
      target.users = target.users.filter(u => u.id !== userId);
      target.memberships = target.memberships.filter(m => m.userId !== userId);
      return;
    }
    upsert(target.users, toUser(described), u => u.id === userId, byId);
  };
}

async function readGroup(
  ctx: ReadContext,
  ic: AvailableIdentityCenter,
  groupId: string,
): Promise<Patch> {
  const described = await unlessGone(
    ctx.send(
      {
        service: 'identityStore',
        operation: 'DescribeGroup',
        resource: groupId,
      },
      new DescribeGroupCommand({
        IdentityStoreId: ic.identityStoreId,
        GroupId: groupId,
      }),
    ),
    NOT_FOUND,
  );
  return draft => {
    const target = available(draft);
    if (!described) {
      target.groups = target.groups.filter(g => g.id !== groupId);
      target.memberships = target.memberships.filter(
        m => m.groupId !== groupId,
      );
      return;
    }
    upsert(target.groups, toGroup(described), g => g.id === groupId, byId);
  };
}

/**
 * Re-reads one Identity Center or Identity Store target; `undefined` for
 * other targets. The base must have Identity Center available.
 */
export function readIdentityCenterTarget(
  ctx: ReadContext,
  ic: AvailableIdentityCenter,
  target: RefreshTarget,
): Promise<Patch> | undefined {
  switch (target.kind) {
    case 'permissionSet':
      return readOnePermissionSet(ctx, ic, target.permissionSetArn);
    case 'assignments':
      return readAssignments(
        ctx,
        ic,
        target.permissionSetArn,
        target.accountId,
      );
    case 'memberships':
      return readGroupMemberships(ctx, ic, target.groupId);
    case 'user':
      return readUser(ctx, ic, target.userId);
    case 'group':
      return readGroup(ctx, ic, target.groupId);
    default:
      return undefined;
  }
}
