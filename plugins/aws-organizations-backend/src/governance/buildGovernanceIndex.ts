import {
  Account,
  AWS_ENTITY_NAME_PREFIX,
  OrganizationSnapshot,
  ResolvedPrincipal,
  SnapshotResolution,
  awsEntityRefs,
  indexSnapshot,
} from '@aws-governance/plugin-aws-organizations-common';
import { compareNames, compareText } from './order';
import {
  GovernanceChildren,
  GovernanceIndex,
  GovernanceOptions,
  GovernanceRefs,
} from './types';

const IDENTITY_STORE_ID = /^d-[a-z0-9]+$/;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function compareAccounts(a: Account, b: Account): number {
  return compareNames(a.name, b.name) || compareText(a.id, b.id);
}

/** The refs the views link to: the catalog module's, from -common. */
function makeRefs(namespace: string): GovernanceRefs {
  const refs = awsEntityRefs(namespace);
  return {
    account: refs.account,
    unit: refs.organizationNode,
    policy: refs.serviceControlPolicy,
    permissionSet: refs.permissionSet,
  };
}

function portalUrl(
  snapshot: OrganizationSnapshot,
  options: GovernanceOptions,
): string | undefined {
  const ic = snapshot.identityCenter;
  if (ic.status !== 'available') return undefined;
  if (options.accessPortalUrl) return options.accessPortalUrl;
  return IDENTITY_STORE_ID.test(ic.identityStoreId)
    ? `https://${ic.identityStoreId}.awsapps.com/start`
    : undefined;
}

/** Principals per lower-cased catalog ref, as the resolution mapped them. */
function indexResolvedRefs(
  resolution: SnapshotResolution,
): Map<string, ResolvedPrincipal[]> {
  const byRef = new Map<string, ResolvedPrincipal[]>();
  for (const principal of Object.values(resolution.principals)) {
    if (principal.ref) push(byRef, principal.ref.toLowerCase(), principal);
  }
  return byRef;
}

/**
 * Principals the catalog lacks, by the lower-cased ref of the Group or
 * User entity the catalog module emits for them (`emitMissingPrincipals`).
 */
function indexEmittedRefs(
  resolution: SnapshotResolution,
  namespace: string,
): Map<string, ResolvedPrincipal[]> {
  const refs = awsEntityRefs(namespace);
  const byRef = new Map<string, ResolvedPrincipal[]>();
  for (const principal of Object.values(resolution.principals)) {
    if (principal.ref && principal.resolvable !== false) continue;
    const ref =
      principal.type === 'GROUP'
        ? refs.identityCenterGroup(principal.id)
        : refs.identityCenterUser(principal.id);
    push(byRef, ref.toLowerCase(), principal);
  }
  return byRef;
}

/**
 * Looks up the principals of a catalog ref: by the resolution's refs, then
 * by the entities emitted for principals the catalog lacks (indexed on the
 * first lookup of such a name, since most requests never need them).
 */
function principalLookup(
  resolution: SnapshotResolution,
  namespace: string,
): (entityRef: string) => ResolvedPrincipal[] {
  const resolved = indexResolvedRefs(resolution);
  let emitted: Map<string, ResolvedPrincipal[]> | undefined;
  const emittedName = new RegExp(
    `^(group|user):[^/]+/(${AWS_ENTITY_NAME_PREFIX.identityCenterGroup}|${AWS_ENTITY_NAME_PREFIX.identityCenterUser})`,
  );
  return entityRef => {
    const ref = entityRef.toLowerCase();
    const found = resolved.get(ref) ?? [];
    if (!emittedName.test(ref)) return found;
    emitted ??= indexEmittedRefs(resolution, namespace);
    const more = emitted.get(ref);
    return more ? [...found, ...more.filter(p => !found.includes(p))] : found;
  };
}

/**
 * Builds the lookups every governance view reads, in one pass over the
 * snapshot (O(n) in accounts, OUs, policy targets, assignments, users,
 * groups and memberships, plus one sort of the accounts).
 */
export function buildGovernanceIndex(
  snapshot: OrganizationSnapshot,
  resolution: SnapshotResolution,
  options: GovernanceOptions = {},
): GovernanceIndex {
  const namespace = options.namespace ?? 'default';
  const base = indexSnapshot(snapshot);
  // Sorted copies: the shared index keeps the snapshot's order.
  const children = new Map<string, GovernanceChildren>();
  for (const [id, entry] of base.children) {
    children.set(id, {
      units: [...entry.units].sort(
        (a, b) => compareNames(a.name, b.name) || compareText(a.id, b.id),
      ),
      accounts: [...entry.accounts].sort(compareAccounts),
    });
  }
  const searchText = new Map<string, string>();
  for (const account of snapshot.accounts) {
    searchText.set(
      account.id,
      `${account.name}\n${account.id}\n${account.email}`.toLowerCase(),
    );
  }
  const accountsInOrder = [...snapshot.accounts].sort(compareAccounts);

  return {
    snapshot,
    resolution,
    namespace,
    accessPortalUrl: portalUrl(snapshot, options),
    refs: makeRefs(namespace),
    accounts: base.accounts,
    accountsInOrder,
    searchText,
    units: base.units,
    unitName: base.unitName,
    children,
    policies: base.policies,
    permissionSets: base.permissionSets,
    assignmentsByAccount: base.assignmentsByAccount,
    assignmentsByPrincipal: base.assignmentsByPrincipal,
    groupMembers: base.groupMembers,
    groupsOfUser: base.groupsOfUser,
    users: base.users,
    groups: base.groups,
    principalsOf: principalLookup(resolution, namespace),
    principal: (type, id) =>
      resolution.principals[id] ?? {
        type,
        id,
        name: base.principalName(type, id),
        resolvable: false,
      },
  };
}
