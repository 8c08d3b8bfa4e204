import {
  OrganizationSnapshot,
  SnapshotResolution,
} from '@aws-governance/plugin-aws-organizations-common';
import { OwnershipConfig, PrincipalMappingConfig } from '../config';
import { resolveOwners } from './resolveOwners';
import { resolvePrincipals } from './resolvePrincipals';
import { CatalogDirectory } from './types';

/**
 * Derives owners and principal refs from a snapshot, the config and what
 * the catalog holds. Pure: the same inputs give the same resolution.
 *
 * @public
 */
export function resolveSnapshot(
  snapshot: OrganizationSnapshot,
  settings: { ownership: OwnershipConfig; mapping: PrincipalMappingConfig },
  directory: CatalogDirectory,
): SnapshotResolution {
  return {
    ...resolveOwners(snapshot, settings.ownership, directory),
    ...resolvePrincipals(
      snapshot,
      settings.mapping,
      settings.ownership.namespace,
      directory,
    ),
  };
}
