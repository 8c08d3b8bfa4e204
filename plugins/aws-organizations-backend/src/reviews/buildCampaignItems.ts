import {
  indexSnapshot,
  normalizeEntityRef,
  OrganizationSnapshot,
  ReviewScope,
  SnapshotResolution,
} from '@aws-governance/plugin-aws-organizations-common';
import { buildRoleReachItems } from './roleReachItems';
import { grantsInScope, privilegeOf } from './scope';
import { ItemDraft, MemberDraft } from './types';

/**
 * The items and group members a campaign pins: one item per standing grant
 * of the scope (principal x permission set x account; with `roleReach` also
 * each role reach into its accounts), assigned to the
 * account's owner team, and the members of every group holding one of them
 * as the snapshot lists them. Pure: the same snapshot gives the same items.
 */
export function buildCampaignItems(
  snapshot: OrganizationSnapshot,
  resolution: SnapshotResolution,
  scope: ReviewScope,
  options: { reachDepth: number },
): { items: ItemDraft[]; members: MemberDraft[] } {
  const index = indexSnapshot(snapshot);
  const privilege = privilegeOf(index);
  const ownerOf = (accountId: string) => {
    const ref = resolution.accountOwners[accountId]?.ref;
    return ref ? normalizeEntityRef(ref) : undefined;
  };
  const items: ItemDraft[] = [];
  const groups = new Set<string>();
  for (const grant of grantsInScope(snapshot, scope)) {
    const account = index.accounts.get(grant.accountId)!;
    const set = index.permissionSets.get(grant.permissionSetArn);
    const classification = privilege(grant.permissionSetArn);
    const isGroup = grant.principalType === 'GROUP';
    if (isGroup) groups.add(grant.principalId);
    const owner = ownerOf(account.id);
    const principalRef = resolution.principals[grant.principalId]?.ref;
    items.push({
      kind: 'assignment',
      accountId: account.id,
      accountName: account.name,
      permissionSetArn: grant.permissionSetArn,
      permissionSetName: set?.name ?? grant.permissionSetArn,
      principalType: grant.principalType,
      principalId: grant.principalId,
      principalName: index.principalName(
        grant.principalType,
        grant.principalId,
      ),
      ...(principalRef ? { principalRef } : {}),
      memberCount: isGroup
        ? index.groupMembers.get(grant.principalId)?.length ?? 0
        : 1,
      privileged: classification?.privileged ?? false,
      ...(classification?.level
        ? { privilegeLevel: classification.level }
        : {}),
      ...(owner ? { ownerRef: owner } : {}),
    });
  }
  if (scope.roleReach) {
    for (const item of buildRoleReachItems(
      snapshot,
      resolution,
      scope,
      options.reachDepth,
    )) {
      if (item.principalType === 'GROUP') groups.add(item.principalId);
      items.push(item);
    }
  }
  const members: MemberDraft[] = [];
  for (const groupId of groups) {
    for (const userId of index.groupMembers.get(groupId) ?? []) {
      const user = index.users.get(userId);
      const ref = resolution.principals[userId]?.ref;
      members.push({
        groupId,
        userId,
        userName: user?.userName ?? userId,
        ...(user?.displayName ? { displayName: user.displayName } : {}),
        ...(ref ? { ref } : {}),
      });
    }
  }
  return { items, members };
}
