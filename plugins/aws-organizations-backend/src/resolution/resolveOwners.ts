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
 * Owners of every account, OU, the root, SCP and permission set: the
 * account's own tag, else the nearest OU's tag (from the parent up to the
 * root), else the default owner. An SCP or a permission set takes its own
 * tag (the account tag key), else the root's owner.
 */
export function resolveOwners(
  snapshot: OrganizationSnapshot,
  ownership: OwnershipConfig,
  directory: CatalogDirectory,
): {
  accountOwners: Record<string, ResolvedOwner>;
  unitOwners: Record<string, ResolvedOwner>;
  policyOwners: Record<string, ResolvedOwner>;
  permissionSetOwners: Record<string, ResolvedOwner>;
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

  // SCPs and permission sets are organization-wide: their own tag, else the
  // root's owner (which falls back to the default).
  const rootOwner = unitOwners[snapshot.root.id];
  const resourceOwner = (tags: Knowable<Tags> | undefined): ResolvedOwner => {
    const own = tags && tagValue(tags, ownership.accountTagKey);
    return own ? owner(own, 'resource-tag') : rootOwner;
  };
  const policyOwners: Record<string, ResolvedOwner> = {};
  for (const policy of snapshot.policies) {
    policyOwners[policy.id] = resourceOwner(policy.tags);
  }
  const permissionSetOwners: Record<string, ResolvedOwner> = {};
  const { identityCenter } = snapshot;
  if (identityCenter.status === 'available') {
    for (const set of identityCenter.permissionSets) {
      permissionSetOwners[set.arn] = resourceOwner(set.tags);
    }
  }
  return { accountOwners, unitOwners, policyOwners, permissionSetOwners };
}
