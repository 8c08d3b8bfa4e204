import {
  Account,
  AccountAssignment,
  AWS_ENTITY_NAME_PREFIX,
  OrganizationSnapshot,
  ResolvedPrincipal,
  ServiceControlPolicy,
  SnapshotResolution,
  awsEntityRefs,
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

function makeRefs(
  snapshot: OrganizationSnapshot,
  namespace: string,
): GovernanceRefs {
  const refs = awsEntityRefs(namespace);
  return {
    account: refs.account,
    unit: id =>
      id === snapshot.root.id
        ? refs.organizationRoot(id)
        : refs.organizationalUnit(id),
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
  const ic =
    snapshot.identityCenter.status === 'available'
      ? snapshot.identityCenter
      : undefined;

  const children = new Map<string, GovernanceChildren>();
  const childrenOf = (id: string) => {
    let entry = children.get(id);
    if (!entry) {
      entry = { units: [], accounts: [] };
      children.set(id, entry);
    }
    return entry;
  };
  childrenOf(snapshot.root.id);
  const units = new Map(snapshot.organizationalUnits.map(u => [u.id, u]));
  for (const unit of snapshot.organizationalUnits) {
    childrenOf(unit.id);
    childrenOf(unit.parentId).units.push(unit);
  }
  const accounts = new Map<string, Account>();
  const searchText = new Map<string, string>();
  for (const account of snapshot.accounts) {
    accounts.set(account.id, account);
    searchText.set(
      account.id,
      `${account.name}\n${account.id}\n${account.email}`.toLowerCase(),
    );
    childrenOf(account.parentId).accounts.push(account);
  }
  const accountsInOrder = [...snapshot.accounts].sort(compareAccounts);
  for (const entry of children.values()) {
    entry.units.sort(
      (a, b) => compareNames(a.name, b.name) || compareText(a.id, b.id),
    );
    entry.accounts.sort(compareAccounts);
  }

  const policies = new Map<string, ServiceControlPolicy>();
  const policiesByTarget = new Map<string, ServiceControlPolicy[]>();
  for (const policy of snapshot.policies) {
    policies.set(policy.id, policy);
    for (const target of policy.targets) {
      push(policiesByTarget, target.targetId, policy);
    }
  }

  const assignmentsByAccount = new Map<string, AccountAssignment[]>();
  const assignmentsByPrincipal = new Map<string, AccountAssignment[]>();
  for (const assignment of ic?.assignments ?? []) {
    push(assignmentsByAccount, assignment.accountId, assignment);
    push(assignmentsByPrincipal, assignment.principalId, assignment);
  }
  const groupMembers = new Map<string, string[]>();
  const groupsOfUser = new Map<string, string[]>();
  for (const membership of ic?.memberships ?? []) {
    push(groupMembers, membership.groupId, membership.userId);
    push(groupsOfUser, membership.userId, membership.groupId);
  }
  const users = new Map((ic?.users ?? []).map(u => [u.id, u]));
  const groups = new Map((ic?.groups ?? []).map(g => [g.id, g]));

  return {
    snapshot,
    resolution,
    namespace,
    accessPortalUrl: portalUrl(snapshot, options),
    refs: makeRefs(snapshot, namespace),
    accounts,
    accountsInOrder,
    searchText,
    units,
    unitName: id =>
      id === snapshot.root.id ? snapshot.root.name : units.get(id)?.name,
    children,
    policies,
    policiesByTarget,
    permissionSets: new Map((ic?.permissionSets ?? []).map(p => [p.arn, p])),
    assignmentsByAccount,
    assignmentsByPrincipal,
    groupMembers,
    groupsOfUser,
    users,
    groups,
    principalsOf: principalLookup(resolution, namespace),
    principal: (type, id) =>
      resolution.principals[id] ?? {
        type,
        id,
        name:
          (type === 'GROUP'
            ? groups.get(id)?.displayName
            : users.get(id)?.userName) ?? id,
        resolvable: false,
      },
  };
}
