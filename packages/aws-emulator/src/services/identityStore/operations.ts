import { AwsError } from '../../protocol/errors';
import { paginate } from '../../protocol/pagination';
import {
  addGroup,
  addMembership,
  addUser,
  removeMembership,
} from '../../state/identityCenter';
import { OperationContext, OperationTable } from '../types';
import {
  groupShape,
  membershipShape,
  notFound,
  readFilter,
  requireStore,
  RESOURCE_ID,
  userShape,
} from './shapes';
import { identityStoreUpdates } from './updates';

function memberUserId(ctx: OperationContext): string {
  const member = ctx.input.object('MemberId');
  if (typeof member.UserId !== 'string' || !RESOURCE_ID.test(member.UserId)) {
    throw new AwsError('ValidationException', 'MemberId.UserId is invalid.');
  }
  return member.UserId;
}

function conflict(message: string) {
  return new AwsError('ConflictException', message, 400, {
    Reason: 'UNIQUENESS_CONSTRAINT_VIOLATION',
  });
}

/** The Identity Store operations the emulator supports. */
export const identityStoreOperations: OperationTable = {
  ListUsers: ctx => {
    const ic = requireStore(ctx);
    const userName = readFilter(ctx, 'UserName');
    const users = [...ic.users.values()].filter(
      u => userName === undefined || u.userName === userName,
    );
    const page = paginate(ctx, ctx.input, users);
    return {
      Users: page.items.map(u => userShape(ic, u)),
      NextToken: page.nextToken,
    };
  },

  ListGroups: ctx => {
    const ic = requireStore(ctx);
    const displayName = readFilter(ctx, 'DisplayName');
    const groups = [...ic.groups.values()].filter(
      g => displayName === undefined || g.displayName === displayName,
    );
    const page = paginate(ctx, ctx.input, groups);
    return {
      Groups: page.items.map(g => groupShape(ic, g)),
      NextToken: page.nextToken,
    };
  },

  DescribeUser: ctx => {
    const ic = requireStore(ctx);
    const id = ctx.input.string('UserId', RESOURCE_ID);
    const user = ic.users.get(id);
    if (!user) throw notFound('USER', id);
    return userShape(ic, user);
  },

  DescribeGroup: ctx => {
    const ic = requireStore(ctx);
    const id = ctx.input.string('GroupId', RESOURCE_ID);
    const group = ic.groups.get(id);
    if (!group) throw notFound('GROUP', id);
    return groupShape(ic, group);
  },

  ListGroupMemberships: ctx => {
    const ic = requireStore(ctx);
    const groupId = ctx.input.string('GroupId', RESOURCE_ID);
    if (!ic.groups.has(groupId)) throw notFound('GROUP', groupId);
    const ids = [...(ic.membershipsByGroup.get(groupId) ?? [])];
    const page = paginate(ctx, ctx.input, ids);
    return {
      GroupMemberships: page.items.map(id =>
        membershipShape(ic, ic.memberships.get(id)!),
      ),
      NextToken: page.nextToken,
    };
  },

  ListGroupMembershipsForMember: ctx => {
    const ic = requireStore(ctx);
    const userId = memberUserId(ctx);
    if (!ic.users.has(userId)) throw notFound('USER', userId);
    const ids = [...(ic.membershipsByUser.get(userId) ?? [])];
    const page = paginate(ctx, ctx.input, ids);
    return {
      GroupMemberships: page.items.map(id =>
        membershipShape(ic, ic.memberships.get(id)!),
      ),
      NextToken: page.nextToken,
    };
  },

  CreateUser: ctx => {
    const ic = requireStore(ctx);
    const userName = ctx.input.string(
      'UserName',
      /^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u,
    );
    if ([...ic.users.values()].some(u => u.userName === userName)) {
      throw conflict(`Duplicate UserName ${userName}`);
    }
    const name = ctx.input.optionalObject('Name');
    const emails = ctx.input.array('Emails') as {
      Value?: string;
      Type?: string;
      Primary?: boolean;
    }[];
    const user = addUser(ctx.state, {
      userName,
      displayName: ctx.input.optionalString('DisplayName'),
      givenName: name?.GivenName as string | undefined,
      familyName: name?.FamilyName as string | undefined,
      emails: emails.map(e => ({
        value: String(e.Value ?? ''),
        type: e.Type,
        primary: e.Primary,
      })),
    });
    return { UserId: user.id, IdentityStoreId: ic.identityStoreId };
  },

  CreateGroup: ctx => {
    const ic = requireStore(ctx);
    const displayName = ctx.input.string('DisplayName', /^[\s\S]{1,1024}$/);
    if ([...ic.groups.values()].some(g => g.displayName === displayName)) {
      throw conflict(`Duplicate DisplayName ${displayName}`);
    }
    const group = addGroup(ctx.state, {
      displayName,
      description: ctx.input.optionalString('Description'),
    });
    return { GroupId: group.id, IdentityStoreId: ic.identityStoreId };
  },

  CreateGroupMembership: ctx => {
    const ic = requireStore(ctx);
    const groupId = ctx.input.string('GroupId', RESOURCE_ID);
    const userId = memberUserId(ctx);
    if (!ic.groups.has(groupId)) throw notFound('GROUP', groupId);
    if (!ic.users.has(userId)) throw notFound('USER', userId);
    for (const id of ic.membershipsByGroup.get(groupId) ?? []) {
      if (ic.memberships.get(id)!.userId === userId) {
        throw conflict('Member already exists in the group');
      }
    }
    const membership = addMembership(ctx.state, groupId, userId);
    return {
      MembershipId: membership.id,
      IdentityStoreId: ic.identityStoreId,
    };
  },

  DeleteGroupMembership: ctx => {
    const ic = requireStore(ctx);
    const id = ctx.input.string('MembershipId', RESOURCE_ID);
    if (!ic.memberships.has(id)) throw notFound('GROUP_MEMBERSHIP', id);
    removeMembership(ctx.state, id);
    return {};
  },

  ...identityStoreUpdates,
};
