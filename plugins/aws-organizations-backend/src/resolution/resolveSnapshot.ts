import {
  OrganizationSnapshot,
  SnapshotResolution,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  OwnershipConfig,
  PrincipalMappingConfig,
} from '@aws-governance/plugin-aws-organizations-node';
import { LastKnownResolution, resolveOwners } from './resolveOwners';
import { resolvePrincipals } from './resolvePrincipals';
import { CatalogDirectory } from './types';

/**
 * Derives owners and principal refs from a snapshot, the config and what
 * the catalog holds. Where a tag an owner depends on is unknown, the owner
 * of `lastKnown` (the current resolution) stays, marked stale. Pure: the
 * same inputs give the same resolution.
 *
 * @public
 */
export function resolveSnapshot(
  snapshot: OrganizationSnapshot,
  settings: { ownership: OwnershipConfig; mapping: PrincipalMappingConfig },
  directory: CatalogDirectory,
  lastKnown?: LastKnownResolution,
): SnapshotResolution {
  return {
    ...resolveOwners(snapshot, settings.ownership, directory, lastKnown),
    ...resolvePrincipals(
      snapshot,
      settings.mapping,
      settings.ownership.namespace,
      directory,
    ),
  };
}
