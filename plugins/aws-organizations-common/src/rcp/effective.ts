import type { OrganizationSnapshot } from '../snapshot';
import { knownResourceControlPolicies } from '../policyTypes';
import { memoizedRcpLevels, orgPathOf } from '../scp/effective';
import type { EffectiveRcps } from './types';

/** The policy type name Organizations uses for RCPs. @public */
export const RESOURCE_CONTROL_POLICY_TYPE = 'RESOURCE_CONTROL_POLICY';

/**
 * The RCPs that apply to the resources of an account, grouped by level:
 * the root, each OU on the account's path, then the account. Undefined for
 * an account that is not in the snapshot (its resources are outside the
 * organization). Cached per snapshot object.
 *
 * @public
 */
export function effectiveRcps(
  snapshot: OrganizationSnapshot,
  accountId: string,
): EffectiveRcps | undefined {
  return memoizedRcpLevels(snapshot, accountId, (account, levels) => {
    const orgId = snapshot.organization.id;
    return {
      accountId,
      managementAccount:
        snapshot.organization.managementAccountId === accountId,
      rcpsEnabled: snapshot.organization.enabledPolicyTypes.includes(
        RESOURCE_CONTROL_POLICY_TYPE,
      ),
      known: knownResourceControlPolicies(snapshot) !== undefined,
      levels,
      derivedContext: {
        'aws:ResourceAccount': accountId,
        'aws:ResourceOrgID': orgId,
        'aws:ResourceOrgPaths': [orgPathOf(snapshot, account)],
      },
    };
  });
}
