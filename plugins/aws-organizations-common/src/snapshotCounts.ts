import { isUnknown, OrganizationSnapshot } from './snapshot';
import { knownResourceControlPolicies } from './policyTypes';
import { SnapshotCounts } from './api';

/**
 * How many of each thing a snapshot holds. Identity Center parts count zero
 * when Identity Center is not available, and policies whose listing failed
 * count zero.
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
    resourceControlPolicies:
      knownResourceControlPolicies(snapshot)?.length ?? 0,
    otherPolicies: (snapshot.otherPolicyTypes ?? []).reduce(
      (n, t) => n + (isUnknown(t.policies) ? 0 : t.policies.length),
      0,
    ),
  };
}
