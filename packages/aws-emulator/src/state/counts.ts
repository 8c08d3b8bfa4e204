import { RCP, SCP } from './policyTypes';
import { DatasetCounts, EmulatorState } from './types';

/**
 * Counts what a state holds: what a reader must find to be complete.
 *
 * @public
 */
export function countState(state: EmulatorState): DatasetCounts {
  const ic = state.identityCenter;
  const ofType = (type?: string) =>
    [...state.policies.values()].filter(p =>
      type ? p.type === type : p.type !== SCP && p.type !== RCP,
    ).length;
  return {
    accounts: state.accounts.size,
    organizationalUnits: state.organizationalUnits.size,
    policies: ofType(SCP),
    resourceControlPolicies: ofType(RCP),
    otherPolicies: ofType(),
    permissionSets: ic?.permissionSets.size ?? 0,
    assignments: ic?.assignments.size ?? 0,
    groups: ic?.groups.size ?? 0,
    users: ic?.users.size ?? 0,
    memberships: ic?.memberships.size ?? 0,
  };
}
