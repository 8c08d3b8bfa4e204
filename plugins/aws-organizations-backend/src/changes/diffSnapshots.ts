import { OrganizationSnapshot } from '@aws-governance/plugin-aws-organizations-common';
import {
  detectAssignmentChanges,
  detectMembershipChanges,
  detectPermissionSetChanges,
} from './identityCenterChanges';
import { detectAccountChanges, detectUnitChanges } from './organizationChanges';
import { detectPolicyChanges } from './policyChanges';
import { ChangeDetector, ChangeDraft } from './types';

/** The built-in detectors, in the order their entries are recorded. @public */
export const DEFAULT_CHANGE_DETECTORS: readonly ChangeDetector[] = [
  detectUnitChanges,
  detectAccountChanges,
  detectPolicyChanges,
  detectPermissionSetChanges,
  detectAssignmentChanges,
  detectMembershipChanges,
];

/**
 * The changes between the previous complete snapshot and the new one. With
 * no previous snapshot (the first sync) there is nothing to compare and no
 * entry is recorded.
 *
 * @public
 */
export function diffSnapshots(
  previous: OrganizationSnapshot | undefined,
  current: OrganizationSnapshot,
  detectors: readonly ChangeDetector[] = DEFAULT_CHANGE_DETECTORS,
): ChangeDraft[] {
  if (!previous) {
    return [];
  }
  return detectors.flatMap(detect => detect({ previous, current }));
}
