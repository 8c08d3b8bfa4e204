import { OrganizationSnapshot } from './snapshot';
import { SnapshotCounts } from './api';

/**
 * How many of each thing a snapshot holds. Identity Center parts count zero
 * when Identity Center is not available.
 *
 * @public
 */
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
