import {
  OrganizationSnapshot,
  SnapshotCounts,
  SnapshotWarning,
} from '@aws-governance/plugin-aws-organizations-common';

/** How many of each thing a snapshot holds. */
export function snapshotCounts(snapshot: OrganizationSnapshot): SnapshotCounts {
  const ic = snapshot.identityCenter;
  const available = ic.status === 'available' ? ic : undefined;
  return {
    accounts: snapshot.accounts.length,
    organizationalUnits: snapshot.organizationalUnits.length,
    policies: snapshot.policies.length,
    permissionSets: available?.permissionSets.length ?? 0,
    assignments: available?.assignments.length ?? 0,
    groups: available?.groups.length ?? 0,
    users: available?.users.length ?? 0,
  };
}

/** A reader warning as one line for the run log. */
export function formatWarning(warning: SnapshotWarning): string {
  return `${warning.operation} on ${warning.resource}: ${warning.message}`;
}
