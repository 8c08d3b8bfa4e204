import {
  isUnknown,
  Knowable,
  OrganizationSnapshot,
  ResolvedOwner,
  Tags,
} from '@aws-governance/plugin-aws-organizations-common';
import { OwnershipConfig } from '../config';
import { toEntityRef } from './entityNames';
import { CatalogDirectory } from './types';

function tagValue(tags: Knowable<Tags>, key: string): string | undefined {
  if (isUnknown(tags)) {
    return undefined;
  }
  const value = tags[key];
  return value?.trim() ? value : undefined;
}

/**
 * Owners of every account, OU and the root: the account's own tag, else the
 * nearest OU's tag (from the parent up to the root), else the default owner.
 */
export function resolveOwners(
  snapshot: OrganizationSnapshot,
  ownership: OwnershipConfig,
  directory: CatalogDirectory,
): {
  accountOwners: Record<string, ResolvedOwner>;
  unitOwners: Record<string, ResolvedOwner>;
} {
  const owner = (
    value: string,
    source: ResolvedOwner['source'],
    ouId?: string,
  ): ResolvedOwner => {
    const ref = toEntityRef(value, 'group', ownership.namespace);
    return {
      ...(ref ? { ref } : {}),
      source,
      tagValue: value,
      ...(ouId ? { ouId } : {}),
      resolvable: ref !== undefined && directory.refs.has(ref),
    };
  };
  const fallback: ResolvedOwner = ownership.defaultOwner
    ? {
        ref: ownership.defaultOwner,
        source: 'default',
        resolvable: directory.refs.has(ownership.defaultOwner),
      }
    : { source: 'none', resolvable: false };

  // Each unit's own tag, then resolve top-down so a unit inherits from its
  // nearest tagged ancestor.
  const unitTags = new Map<string, string | undefined>();
  unitTags.set(
    snapshot.root.id,
    tagValue(snapshot.root.tags, ownership.unitTagKey),
  );
  for (const ou of snapshot.organizationalUnits) {
    unitTags.set(ou.id, tagValue(ou.tags, ownership.unitTagKey));
  }
  const inherited = (path: string[]): ResolvedOwner => {
    for (let i = path.length - 1; i >= 0; i--) {
      const value = unitTags.get(path[i]);
      if (value !== undefined) {
        return owner(value, 'ou-tag', path[i]);
      }
    }
    return fallback;
  };

  const unitOwners: Record<string, ResolvedOwner> = {
    [snapshot.root.id]: inherited([snapshot.root.id]),
  };
  for (const ou of snapshot.organizationalUnits) {
    unitOwners[ou.id] = inherited([...ou.path, ou.id]);
  }
  const accountOwners: Record<string, ResolvedOwner> = {};
  for (const account of snapshot.accounts) {
    const own = tagValue(account.tags, ownership.accountTagKey);
    accountOwners[account.id] = own
      ? owner(own, 'account-tag')
      : inherited(account.path);
  }
  return { accountOwners, unitOwners };
}
