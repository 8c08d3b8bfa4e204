import {
  ListGroupMembershipsCommand,
  ListGroupsCommand,
  ListUsersCommand,
} from '@aws-sdk/client-identitystore';
import type {
  ExternalId,
  GroupMembership,
  IdentityStoreGroup,
  IdentityStoreUser,
} from '@aws-governance/plugin-aws-organizations-common';
import { PAGE_SIZE, ReadContext } from './context';

const service = 'identityStore' as const;
const pageSize = PAGE_SIZE.identityStore;

/** The Identity Store part of a snapshot. */
export interface IdentityStoreContents {
  groups: IdentityStoreGroup[];
  users: IdentityStoreUser[];
  memberships: GroupMembership[];
}

type ExternalIdFields = { Issuer?: string; Id?: string }[] | undefined;

/** The fields of a group that ListGroups and DescribeGroup share. */
interface SdkGroupFields {
  GroupId?: string;
  DisplayName?: string;
  Description?: string;
  ExternalIds?: ExternalIdFields;
}

/** The fields of a user that ListUsers and DescribeUser share. */
interface SdkUserFields {
  UserId?: string;
  UserName?: string;
  DisplayName?: string;
  Emails?: { Value?: string; Type?: string; Primary?: boolean }[];
  ExternalIds?: ExternalIdFields;
}

function externalIds(
  list: { Issuer?: string; Id?: string }[] | undefined,
): ExternalId[] {
  return (list ?? []).map(e => ({ issuer: e.Issuer ?? '', id: e.Id ?? '' }));
}

/** A group as ListGroups or DescribeGroup answers it, in the snapshot's shape. */
export function toGroup(g: SdkGroupFields): IdentityStoreGroup {
  return {
    id: g.GroupId!,
    displayName: g.DisplayName ?? '',
    ...(g.Description ? { description: g.Description } : {}),
    externalIds: externalIds(g.ExternalIds),
  };
}

/** A user as ListUsers or DescribeUser answers it, in the snapshot's shape. */
export function toUser(u: SdkUserFields): IdentityStoreUser {
  return {
    id: u.UserId!,
    userName: u.UserName ?? '',
    ...(u.DisplayName ? { displayName: u.DisplayName } : {}),
    emails: (u.Emails ?? [])
      .filter(e => e.Value)
      .map(e => ({
        value: e.Value!,
        ...(e.Type ? { type: e.Type } : {}),
        ...(e.Primary !== undefined ? { primary: e.Primary } : {}),
      })),
    externalIds: externalIds(u.ExternalIds),
  };
}

async function readGroups(ctx: ReadContext, identityStoreId: string) {
  const groups = await ctx.paginate(
    { service, operation: 'ListGroups', resource: identityStoreId },
    NextToken =>
      new ListGroupsCommand({
        IdentityStoreId: identityStoreId,
        NextToken,
        MaxResults: pageSize,
      }),
    out => out.Groups,
  );
  return groups.map(toGroup);
}

async function readUsers(ctx: ReadContext, identityStoreId: string) {
  const users = await ctx.paginate(
    { service, operation: 'ListUsers', resource: identityStoreId },
    NextToken =>
      new ListUsersCommand({
        IdentityStoreId: identityStoreId,
        NextToken,
        MaxResults: pageSize,
      }),
    out => out.Users,
  );
  return users.map(toUser);
}

/** Lists one group's memberships (of users; AWS has no nested groups). */
export async function readMemberships(
  ctx: ReadContext,
  identityStoreId: string,
  groupId: string,
): Promise<GroupMembership[]> {
  const memberships = await ctx.paginate(
    { service, operation: 'ListGroupMemberships', resource: groupId },
    NextToken =>
      new ListGroupMembershipsCommand({
        IdentityStoreId: identityStoreId,
        GroupId: groupId,
        NextToken,
        MaxResults: pageSize,
      }),
    out => out.GroupMemberships,
  );
  return memberships.flatMap(m => {
    const userId =
      m.MemberId && 'UserId' in m.MemberId ? m.MemberId.UserId : undefined;
    if (!userId) return [];
    return [
      {
        groupId,
        userId,
        ...(m.MembershipId ? { membershipId: m.MembershipId } : {}),
      },
    ];
  });
}

/** Memberships in the snapshot's order: by group, then by user. */
export function sortMemberships(list: GroupMembership[]): GroupMembership[] {
  return list.sort(
    (a, b) =>
      a.groupId.localeCompare(b.groupId) || a.userId.localeCompare(b.userId),
  );
}

/** Reads all groups, users and group memberships of the identity store. */
export async function readIdentityStore(
  ctx: ReadContext,
  identityStoreId: string,
): Promise<IdentityStoreContents> {
  const [groups, users] = await Promise.all([
    readGroups(ctx, identityStoreId).then(async g => ({
      groups: g,
      memberships: sortMemberships(
        (
          await Promise.all(
            g.map(group => readMemberships(ctx, identityStoreId, group.id)),
          )
        ).flat(),
      ),
    })),
    readUsers(ctx, identityStoreId),
  ]);
  return { ...groups, users };
}
