import {
  AccessGrant,
  AccountAccess,
  AccountAssignment,
  GroupMemberView,
  PrincipalAccess,
  ResolvedPrincipal,
  normalizeEntityRef,
} from '@aws-governance/plugin-aws-organizations-common';
import { compareNames, compareText } from './order';
import { permissionSetView } from './permissionSetView';
import { GovernanceIndex } from './types';

/** The members of a group, ordered by user name. */
export function groupMembers(
  index: GovernanceIndex,
  groupId: string,
): GroupMemberView[] {
  return (index.groupMembers.get(groupId) ?? [])
    .map(userId => {
      const user = index.users.get(userId);
      const member: GroupMemberView = {
        userId,
        userName: user?.userName ?? userId,
      };
      if (user?.displayName) member.displayName = user.displayName;
      const ref = index.resolution.principals[userId]?.ref;
      if (ref) member.ref = ref;
      return member;
    })
    .sort(
      (a, b) =>
        compareNames(a.userName, b.userName) || compareText(a.userId, b.userId),
    );
}

/**
 * `GET /accounts/:id/access`: every assignment on the account, as a direct
 * grant to its principal; a group's grant lists the group's members.
 * Ordered by permission set, then groups before users, then principal name.
 * No grants when Identity Center is not enabled or could not be read (see
 * `identityCenter`). Undefined for an unknown account.
 */
export function accountAccess(
  index: GovernanceIndex,
  accountId: string,
): AccountAccess | undefined {
  if (!index.accounts.has(accountId)) return undefined;
  const grants = (index.assignmentsByAccount.get(accountId) ?? []).map(
    (assignment): AccessGrant => {
      const grant: AccessGrant = {
        principal: index.principal(
          assignment.principalType,
          assignment.principalId,
        ),
        permissionSet: permissionSetView(index, assignment.permissionSetArn),
        via: 'direct',
      };
      if (assignment.principalType === 'GROUP') {
        grant.members = groupMembers(index, assignment.principalId);
      }
      return grant;
    },
  );
  grants.sort(
    (a, b) =>
      compareNames(a.permissionSet.name, b.permissionSet.name) ||
      compareText(a.principal.type, b.principal.type) ||
      compareNames(a.principal.name, b.principal.name) ||
      compareText(a.principal.id, b.principal.id),
  );
  return {
    accountId,
    identityCenter: index.snapshot.identityCenter.status,
    grants,
  };
}

function normalizeRef(entityRef: string): string {
  return normalizeEntityRef(entityRef) ?? entityRef.trim().toLowerCase();
}

/**
 * `GET /principals/:kind/:namespace/:name/access`: the Identity Store
 * principals a catalog Group or User maps to (by the resolution's refs, or
 * the entity the catalog module emits for a principal the catalog lacks),
 * and every account they reach: directly, and for a user through each
 * group it belongs to. An entity that maps to no principal reaches nothing
 * (empty lists). Ordered by account name, permission set, direct first.
 */
export function principalAccess(
  index: GovernanceIndex,
  entityRef: string,
): PrincipalAccess {
  const ref = normalizeRef(entityRef);
  const principals = index.principalsOf(ref);
  const grants: PrincipalAccess['grants'] = [];
  const add = (
    assignment: AccountAssignment,
    via: 'direct' | 'group',
    group?: ResolvedPrincipal,
  ) => {
    const account = index.accounts.get(assignment.accountId);
    if (!account) return;
    grants.push({
      account: {
        id: account.id,
        name: account.name,
        entityRef: index.refs.account(account.id),
        state: account.state,
      },
      permissionSet: permissionSetView(index, assignment.permissionSetArn),
      via,
      ...(group ? { group } : {}),
    });
  };
  for (const principal of principals) {
    for (const assignment of index.assignmentsByPrincipal.get(principal.id) ??
      []) {
      if (assignment.principalType === principal.type)
        add(assignment, 'direct');
    }
    if (principal.type !== 'USER') continue;
    for (const groupId of index.groupsOfUser.get(principal.id) ?? []) {
      const group = index.principal('GROUP', groupId);
      for (const assignment of index.assignmentsByPrincipal.get(groupId) ??
        []) {
        if (assignment.principalType === 'GROUP') {
          add(assignment, 'group', group);
        }
      }
    }
  }
  grants.sort(
    (a, b) =>
      compareNames(a.account.name, b.account.name) ||
      compareText(a.account.id, b.account.id) ||
      compareNames(a.permissionSet.name, b.permissionSet.name) ||
      compareText(a.via, b.via) ||
      compareNames(a.group?.name ?? '', b.group?.name ?? ''),
  );
  return { entityRef: ref, principals, grants };
}
