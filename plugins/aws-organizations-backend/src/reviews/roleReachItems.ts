import {
  indexSnapshot,
  indexSnapshotIam,
  normalizeEntityRef,
  OrganizationSnapshot,
  ReviewScope,
  SnapshotResolution,
} from '@aws-governance/plugin-aws-organizations-common';
import { accountsInScope, privilegeOf } from './scope';
import { ItemDraft } from './types';

/**
 * The `role-reach` items of a scope: for each account in scope, every
 * principal whose permission set's role may assume a role in it (allowed
 * or indeterminate hops, to `maxDepth`), as the snapshot's reach index
 * finds them. Assigned to the reached account's owner. Empty when the
 * snapshot has no roles part.
 */
export function buildRoleReachItems(
  snapshot: OrganizationSnapshot,
  resolution: SnapshotResolution,
  scope: ReviewScope,
  maxDepth: number,
): ItemDraft[] {
  const index = indexSnapshot(snapshot);
  const reach = indexSnapshotIam(snapshot).reach({ maxDepth });
  if (!reach) return [];
  const privilege = privilegeOf(index);
  const items: ItemDraft[] = [];
  const seen = new Set<string>();
  for (const account of accountsInScope(snapshot, scope)) {
    const owner = resolution.accountOwners[account.id]?.ref;
    for (const entry of reach.whoCanReach(account.id).entries) {
      const { start, hops, decision } = entry.path;
      if (decision === 'denied' || hops.length === 0) continue;
      const classification = privilege(start.permissionSetArn);
      if (
        scope.permissionSets === 'privileged' &&
        !classification?.privileged
      ) {
        continue;
      }
      const target = hops[hops.length - 1];
      for (const principal of entry.principals) {
        const key = [
          account.id,
          start.accountId,
          start.permissionSetArn,
          principal.type,
          principal.id,
          target.toRoleArn,
        ].join('|');
        if (seen.has(key)) continue;
        seen.add(key);
        const principalRef = resolution.principals[principal.id]?.ref;
        const ownerRef = owner ? normalizeEntityRef(owner) : undefined;
        items.push({
          kind: 'role-reach',
          accountId: account.id,
          accountName: account.name,
          permissionSetArn: start.permissionSetArn,
          permissionSetName: start.permissionSetName,
          principalType: principal.type,
          principalId: principal.id,
          principalName: principal.name,
          ...(principalRef ? { principalRef } : {}),
          memberCount:
            principal.type === 'GROUP'
              ? index.groupMembers.get(principal.id)?.length ?? 0
              : 1,
          privileged: classification?.privileged ?? false,
          ...(classification?.level
            ? { privilegeLevel: classification.level }
            : {}),
          ...(ownerRef ? { ownerRef } : {}),
          roleReach: {
            startAccountId: start.accountId,
            targetRoleArn: target.toRoleArn,
            path: hops.map(hop => hop.toRoleArn),
            decision: decision === 'allowed' ? 'allowed' : 'indeterminate',
          },
        });
      }
    }
  }
  return items;
}
