/**
 * One index of a snapshot, built once per snapshot object in a process and
 * shared by everything that looks things up in it: the SCP and RCP
 * evaluators, the compliance engine, the backend's governance views and the
 * catalog module's transformers.
 *
 * The roles part has its own index beside this one, `indexSnapshotIam` in
 * ./iam/lookups.ts, built once per snapshot the same way: the reach index
 * it holds evaluates SCPs and RCPs, whose code looks things up here, so
 * this base index imports nothing of ./iam (no import cycle).
 */
import type {
  Account,
  AccountAssignment,
  IdentityStoreGroup,
  IdentityStoreUser,
  OrganizationSnapshot,
  OrganizationalUnit,
  PermissionSet,
  PrincipalType,
  ServiceControlPolicy,
} from './snapshot';
import { knownResourceControlPolicies } from './policyTypes';

/**
 * The direct children of a root or OU, in snapshot order.
 *
 * @public
 */
export interface SnapshotChildren {
  units: OrganizationalUnit[];
  accounts: Account[];
}

/**
 * Lookups of one snapshot. Lists keep the snapshot's order. Treat the
 * snapshot and the index as immutable: the index is shared.
 *
 * @public
 */
export interface SnapshotIndex {
  readonly snapshot: OrganizationSnapshot;
  readonly accounts: ReadonlyMap<string, Account>;
  /** OUs by id (not the root). */
  readonly units: ReadonlyMap<string, OrganizationalUnit>;
  /** Name of the root or an OU. */
  unitName(unitId: string): string | undefined;
  /** Children of the root and of every OU (an entry for each, maybe empty). */
  readonly children: ReadonlyMap<string, SnapshotChildren>;
  readonly policies: ReadonlyMap<string, ServiceControlPolicy>;
  /** SCPs attached to a root, OU or account id. */
  readonly policiesByTarget: ReadonlyMap<string, ServiceControlPolicy[]>;
  /** RCPs attached to a root, OU or account id. */
  readonly resourceControlPoliciesByTarget: ReadonlyMap<
    string,
    ServiceControlPolicy[]
  >;
  /** Permission sets by ARN (empty without Identity Center). */
  readonly permissionSets: ReadonlyMap<string, PermissionSet>;
  readonly assignmentsByAccount: ReadonlyMap<string, AccountAssignment[]>;
  /** Assignments by principal (group or user) id. */
  readonly assignmentsByPrincipal: ReadonlyMap<string, AccountAssignment[]>;
  /** User ids of each group's members, as the memberships list them. */
  readonly groupMembers: ReadonlyMap<string, string[]>;
  /** Group ids of each user's groups. */
  readonly groupsOfUser: ReadonlyMap<string, string[]>;
  readonly groups: ReadonlyMap<string, IdentityStoreGroup>;
  readonly users: ReadonlyMap<string, IdentityStoreUser>;
  /** A group's display name or a user's user name; the id when unknown. */
  principalName(type: PrincipalType, id: string): string;
}

const indexes = new WeakMap<OrganizationSnapshot, SnapshotIndex>();
let built = 0;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}

function byTarget(
  policies: readonly ServiceControlPolicy[],
): Map<string, ServiceControlPolicy[]> {
  const out = new Map<string, ServiceControlPolicy[]>();
  for (const policy of policies) {
    for (const target of policy.targets) {
      push(out, target.targetId, policy);
    }
  }
  return out;
}

function buildIndex(snapshot: OrganizationSnapshot): SnapshotIndex {
  built += 1;
  const ic =
    snapshot.identityCenter.status === 'available'
      ? snapshot.identityCenter
      : undefined;

  const children = new Map<string, SnapshotChildren>();
  const childrenOf = (id: string) => {
    let entry = children.get(id);
    if (!entry) {
      entry = { units: [], accounts: [] };
      children.set(id, entry);
    }
    return entry;
  };
  childrenOf(snapshot.root.id);
  const units = new Map<string, OrganizationalUnit>();
  for (const unit of snapshot.organizationalUnits) {
    units.set(unit.id, unit);
    childrenOf(unit.id);
    childrenOf(unit.parentId).units.push(unit);
  }
  const accounts = new Map<string, Account>();
  for (const account of snapshot.accounts) {
    accounts.set(account.id, account);
    childrenOf(account.parentId).accounts.push(account);
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
  const groups = new Map((ic?.groups ?? []).map(g => [g.id, g]));
  const users = new Map((ic?.users ?? []).map(u => [u.id, u]));

  return {
    snapshot,
    accounts,
    units,
    unitName: id =>
      id === snapshot.root.id ? snapshot.root.name : units.get(id)?.name,
    children,
    policies: new Map(snapshot.policies.map(p => [p.id, p])),
    policiesByTarget: byTarget(snapshot.policies),
    resourceControlPoliciesByTarget: byTarget(
      knownResourceControlPolicies(snapshot) ?? [],
    ),
    permissionSets: new Map((ic?.permissionSets ?? []).map(p => [p.arn, p])),
    assignmentsByAccount,
    assignmentsByPrincipal,
    groupMembers,
    groupsOfUser,
    groups,
    users,
    principalName: (type, id) =>
      (type === 'GROUP'
        ? groups.get(id)?.displayName
        : users.get(id)?.userName) ?? id,
  };
}

/**
 * The index of a snapshot: built on the first call for a snapshot object,
 * then the same index for that object (held weakly, so it goes with the
 * snapshot).
 *
 * @public
 */
export function indexSnapshot(snapshot: OrganizationSnapshot): SnapshotIndex {
  let index = indexes.get(snapshot);
  if (!index) {
    index = buildIndex(snapshot);
    indexes.set(snapshot, index);
  }
  return index;
}

/**
 * How many snapshot indexes this process has built, for benchmarks and
 * diagnostics (one per snapshot object when every reader shares the index).
 *
 * @public
 */
export function snapshotIndexesBuilt(): number {
  return built;
}
