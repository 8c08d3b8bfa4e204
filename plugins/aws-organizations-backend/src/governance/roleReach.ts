/**
 * Who reaches an account through IAM roles, and what a team or person
 * reaches: views over the reach index of -common (built once per snapshot
 * and depth through the snapshot index). Each way in carries its path
 * (permission set in account A, then role hop by role hop) and the
 * statements that decided each hop.
 */
import {
  AccountRoleReach,
  indexSnapshot,
  PrincipalRoleReach,
  PrincipalRoleReachEntry,
  ReachDecision,
  ReachPath,
  ReachIndex,
  RoleReachEntry,
  RoleReachIncomplete,
} from '@aws-governance/plugin-aws-organizations-common';
import { groupMembers } from './access';
import { compareNames, compareText } from './order';
import { GovernanceIndex } from './types';

/** At most this many ids of accounts whose roles are unknown are listed. */
const INCOMPLETE_IDS = 20;

const RANK: Record<ReachDecision, number> = {
  allowed: 0,
  indeterminate: 1,
  denied: 2,
};

/** The reach index of the view's snapshot, or undefined without a roles part. */
export function reachOf(
  index: GovernanceIndex,
  maxDepth: number,
): ReachIndex | undefined {
  return indexSnapshot(index.snapshot).iam.reach({ maxDepth });
}

/** The accounts whose roles are unknown (count and the first ones). */
export function incompleteOf(
  index: GovernanceIndex,
  except?: string,
): RoleReachIncomplete {
  const iam = indexSnapshot(index.snapshot).iam;
  const ids: string[] = [];
  let count = 0;
  if (iam.present) {
    for (const account of index.accountsInOrder) {
      if (account.id === except) continue;
      if (iam.account(account.id)?.status === 'known') continue;
      count++;
      if (ids.length < INCOMPLETE_IDS) ids.push(account.id);
    }
  }
  return { count, accountIds: ids };
}

/** Names of the accounts a set of paths crosses. */
export function accountNamesOf(
  index: GovernanceIndex,
  paths: Iterable<ReachPath>,
  extra: string[] = [],
): Record<string, string> {
  const names: Record<string, string> = {};
  const add = (id: string) => {
    const name = index.accounts.get(id)?.name;
    if (name !== undefined) names[id] = name;
  };
  extra.forEach(add);
  for (const path of paths) {
    add(path.start.accountId);
    for (const hop of path.hops) {
      add(hop.fromAccountId);
      add(hop.toAccountId);
    }
  }
  return names;
}

function endOf(path: ReachPath): string {
  return path.hops[path.hops.length - 1].toRoleArn;
}

function comparePaths(
  index: GovernanceIndex,
  a: ReachPath,
  b: ReachPath,
): number {
  return (
    RANK[a.decision] - RANK[b.decision] ||
    compareNames(
      index.accounts.get(a.start.accountId)?.name ?? '',
      index.accounts.get(b.start.accountId)?.name ?? '',
    ) ||
    compareNames(a.start.permissionSetName, b.start.permissionSetName) ||
    a.hops.length - b.hops.length ||
    compareText(endOf(a), endOf(b))
  );
}

/**
 * `GET /accounts/:id/role-reach`: who reaches the account through roles,
 * with every holder of each path's start (groups with their members,
 * users). `not-configured` without a roles part; `unknown` (no ways in)
 * when the account's roles were not read. Undefined for an unknown account.
 */
export function accountRoleReach(
  index: GovernanceIndex,
  accountId: string,
  maxDepth: number,
): AccountRoleReach | undefined {
  if (!index.accounts.has(accountId)) return undefined;
  const reach = reachOf(index, maxDepth);
  const base = {
    accountId,
    maxDepth,
    incomplete: incompleteOf(index, accountId),
  };
  if (!reach) {
    return {
      ...base,
      status: 'not-configured',
      entries: [],
      accountNames: {},
    };
  }
  const answer = reach.whoCanReach(accountId);
  const entries: RoleReachEntry[] = answer.entries
    .map(entry => ({
      path: entry.path,
      holders: entry.principals.map(p => {
        const principal = index.principal(p.type, p.id);
        return p.type === 'GROUP'
          ? { principal, members: groupMembers(index, p.id) }
          : { principal };
      }),
    }))
    .sort((a, b) => comparePaths(index, a.path, b.path));
  const result: AccountRoleReach = {
    ...base,
    status: answer.rolesUnknown === undefined ? 'known' : 'unknown',
    entries,
    accountNames: accountNamesOf(
      index,
      entries.map(e => e.path),
      [accountId],
    ),
  };
  if (answer.rolesUnknown !== undefined) result.reason = answer.rolesUnknown;
  return result;
}

/**
 * `GET /principals/:kind/:namespace/:name/role-reach`: the accounts the
 * Identity Store principals of a catalog Group or User reach through
 * roles, from each of their assignments (a user's own and through its
 * groups). Ordered by account name, then path.
 */
export function principalRoleReach(
  index: GovernanceIndex,
  entityRef: string,
  maxDepth: number,
): PrincipalRoleReach {
  const principals = index.principalsOf(entityRef);
  const reach = reachOf(index, maxDepth);
  const base = {
    entityRef,
    maxDepth,
    principals,
    incomplete: incompleteOf(index),
  };
  if (!reach) {
    return { ...base, status: 'not-configured', entries: [], accountNames: {} };
  }
  const entries: PrincipalRoleReachEntry[] = [];
  const seen = new Set<string>();
  const fromAssignments = (
    principalId: string,
    type: 'USER' | 'GROUP',
    via: 'direct' | 'group',
  ) => {
    for (const a of index.assignmentsByPrincipal.get(principalId) ?? []) {
      if (a.principalType !== type) continue;
      for (const path of reach.pathsFrom(a.permissionSetArn, a.accountId)) {
        const to = path.hops[path.hops.length - 1].toAccountId;
        const key = `${via}|${principalId}|${a.permissionSetArn}|${
          a.accountId
        }|${endOf(path)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const entry: PrincipalRoleReachEntry = {
          accountId: to,
          accountName: index.accounts.get(to)?.name ?? to,
          entityRef: index.refs.account(to),
          path,
          via,
        };
        if (via === 'group')
          entry.group = index.principal('GROUP', principalId);
        entries.push(entry);
      }
    }
  };
  for (const principal of principals) {
    fromAssignments(principal.id, principal.type, 'direct');
    if (principal.type !== 'USER') continue;
    for (const groupId of index.groupsOfUser.get(principal.id) ?? []) {
      fromAssignments(groupId, 'GROUP', 'group');
    }
  }
  entries.sort(
    (a, b) =>
      compareNames(a.accountName, b.accountName) ||
      compareText(a.accountId, b.accountId) ||
      comparePaths(index, a.path, b.path) ||
      compareText(a.via, b.via),
  );
  return {
    ...base,
    status: 'known',
    entries,
    accountNames: accountNamesOf(
      index,
      entries.map(e => e.path),
    ),
  };
}
