import {
  isUnknown,
  Knowable,
  OrganizationSnapshot,
  ResolvedOwner,
  SnapshotResolution,
  Tags,
} from '@aws-governance/plugin-aws-organizations-common';
import { OwnershipConfig } from '@aws-governance/plugin-aws-organizations-node';
import { toEntityRef } from './entityNames';
import { CatalogDirectory } from './types';

/**
 * The resolution of the last complete snapshot, whose owners stand in for
 * those the new snapshot cannot tell (their tags are unknown).
 *
 * @public
 */
export interface LastKnownResolution {
  /** When that snapshot was read. */
  readAt: string;
  resolution: SnapshotResolution;
}

/** What the tags tell about an owner: it, or that a tag it depends on is unknown. */
type Derived =
  | { owner: ResolvedOwner }
  | {
      unknown: string;
      /** what the tags that were read give */ known: ResolvedOwner;
    };

type TagValue = { value?: string } | { unknown: string };

function tagValue(tags: Knowable<Tags>, key: string): TagValue {
  if (isUnknown(tags)) {
    return { unknown: tags.reason };
  }
  const value = tags[key];
  return { value: value?.trim() ? value : undefined };
}

type OwnerMaps = Pick<
  SnapshotResolution,
  'accountOwners' | 'unitOwners' | 'policyOwners' | 'permissionSetOwners'
>;

/**
 * Owners of every account, OU, the root, SCP and permission set: the
 * account's own tag, else the nearest OU's tag (from the parent up to the
 * root), else the default owner. An SCP or a permission set takes its own
 * tag (the account tag key), else the root's owner.
 *
 * Unknown is not "none": when a tag the owner depends on is unknown (the
 * resource's own tags, or those of a unit on the way up before a known
 * owner tag), the owner is the last known one from `lastKnown`, marked
 * `stale` — never the default nor an ancestor's owner that the unknown tag
 * might override.
 */
export function resolveOwners(
  snapshot: OrganizationSnapshot,
  ownership: OwnershipConfig,
  directory: CatalogDirectory,
  lastKnown?: LastKnownResolution,
): OwnerMaps {
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

  /** The derived owner, or the last known one when the tags cannot tell. */
  const settle = (
    derived: Derived,
    previous: ResolvedOwner | undefined,
  ): ResolvedOwner => {
    if ('owner' in derived) {
      return derived.owner;
    }
    const since =
      previous && (previous.stale ? previous.stale.since : lastKnown!.readAt);
    if (previous && since) {
      return {
        ...previous,
        resolvable:
          previous.ref !== undefined && directory.refs.has(previous.ref),
        stale: { reason: derived.unknown, since },
      };
    }
    return { ...derived.known, stale: { reason: derived.unknown } };
  };

  // Each unit's own tag, then resolve top-down so a unit inherits from its
  // nearest tagged ancestor.
  const unitTags = new Map<string, TagValue>();
  unitTags.set(
    snapshot.root.id,
    tagValue(snapshot.root.tags, ownership.unitTagKey),
  );
  for (const ou of snapshot.organizationalUnits) {
    unitTags.set(ou.id, tagValue(ou.tags, ownership.unitTagKey));
  }
  const inherited = (path: string[]): Derived => {
    let unknown: string | undefined;
    for (let i = path.length - 1; i >= 0; i--) {
      const tag = unitTags.get(path[i]);
      if (tag && 'unknown' in tag) {
        unknown ??= tag.unknown;
      } else if (tag?.value !== undefined) {
        const found = owner(tag.value, 'ou-tag', path[i]);
        return unknown ? { unknown, known: found } : { owner: found };
      }
    }
    return unknown ? { unknown, known: fallback } : { owner: fallback };
  };
  const own = (
    tags: Knowable<Tags> | undefined,
    source: ResolvedOwner['source'],
    otherwise: () => Derived,
  ): Derived => {
    const tag = tags ? tagValue(tags, ownership.accountTagKey) : {};
    if ('unknown' in tag) {
      const next = otherwise();
      return {
        unknown: tag.unknown,
        known: 'owner' in next ? next.owner : next.known,
      };
    }
    return tag.value !== undefined
      ? { owner: owner(tag.value, source) }
      : otherwise();
  };

  const previous = lastKnown?.resolution;
  const unitOwners: Record<string, ResolvedOwner> = {
    [snapshot.root.id]: settle(
      inherited([snapshot.root.id]),
      previous?.unitOwners[snapshot.root.id],
    ),
  };
  for (const ou of snapshot.organizationalUnits) {
    unitOwners[ou.id] = settle(
      inherited([...ou.path, ou.id]),
      previous?.unitOwners[ou.id],
    );
  }
  const accountOwners: Record<string, ResolvedOwner> = {};
  for (const account of snapshot.accounts) {
    accountOwners[account.id] = settle(
      own(account.tags, 'account-tag', () => inherited(account.path)),
      previous?.accountOwners[account.id],
    );
  }

  // SCPs and permission sets are organization-wide: their own tag, else the
  // root's owner (which falls back to the default).
  const rootOwner = unitOwners[snapshot.root.id];
  const resourceOwner = (
    tags: Knowable<Tags> | undefined,
    last: ResolvedOwner | undefined,
  ) =>
    settle(
      own(tags, 'resource-tag', () => ({ owner: rootOwner })),
      last,
    );
  const policyOwners: Record<string, ResolvedOwner> = {};
  for (const policy of snapshot.policies) {
    policyOwners[policy.id] = resourceOwner(
      policy.tags,
      previous?.policyOwners?.[policy.id],
    );
  }
  const permissionSetOwners: Record<string, ResolvedOwner> = {};
  const { identityCenter } = snapshot;
  if (identityCenter.status === 'available') {
    for (const set of identityCenter.permissionSets) {
      permissionSetOwners[set.arn] = resourceOwner(
        set.tags,
        previous?.permissionSetOwners?.[set.arn],
      );
    }
  }
  return { accountOwners, unitOwners, policyOwners, permissionSetOwners };
}
