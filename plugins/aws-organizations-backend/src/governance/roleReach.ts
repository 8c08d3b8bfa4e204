/**
 * Who reaches an account through IAM roles, and what a team or person
 * reaches: views over the reach index of -common (built once per snapshot
 * and depth through the snapshot index). Each way in carries its path
 * (permission set in account A, then role hop by role hop) and the
 * statements that decided each hop.
 */
import {
  AccountReachEntry,
  AccountRoleReach,
  indexSnapshotIam,
  MAX_ROLE_REACH_SOURCES,
  PrincipalRoleReach,
  PrincipalRoleReachEntry,
  ReachDecision,
  ReachPath,
  ReachPrincipal,
  ReachIndex,
  RoleReachEntry,
  RoleReachIncomplete,
  RoleReachSource,
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
  return indexSnapshotIam(index.snapshot).reach({ maxDepth });
}

/** The accounts whose roles are unknown (count and the first ones). */
export function incompleteOf(
  index: GovernanceIndex,
  except?: string,
): RoleReachIncomplete {
  const iam = indexSnapshotIam(index.snapshot);
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

/** Ranks of names in the order of {@link compareNames}; equal names share one. */
function nameRanks(names: Iterable<[string, string]>): Map<string, number> {
  const sorted = [...names].sort((a, b) => compareNames(a[1], b[1]));
  const ranks = new Map<string, number>();
  let rank = 0;
  sorted.forEach(([key, name], i) => {
    if (i > 0 && compareNames(sorted[i - 1][1], name) !== 0) rank++;
    ranks.set(key, rank);
  });
  return ranks;
}

const ORDER_KEYS = new WeakMap<
  GovernanceIndex,
  { accounts: Map<string, number>; sets: Map<string, number> }
>();

/**
 * The order of {@link comparePaths} as numbers, per index: accounts and
 * permission sets ranked by name once, so that sorting thousands of ways
 * in compares numbers rather than collating names.
 */
function orderKeys(index: GovernanceIndex) {
  let keys = ORDER_KEYS.get(index);
  if (!keys) {
    const ic = index.snapshot.identityCenter;
    keys = {
      accounts: nameRanks(
        index.accountsInOrder.map(a => [a.id, a.name] as [string, string]),
      ),
      sets: nameRanks(
        ic.status === 'available'
          ? ic.permissionSets.map(p => [p.name, p.name] as [string, string])
          : [],
      ),
    };
    ORDER_KEYS.set(index, keys);
  }
  return keys;
}

/** Accounts ranked by name (as {@link compareNames} orders them), once per index. */
export function accountRanks(index: GovernanceIndex): Map<string, number> {
  return orderKeys(index).accounts;
}

/** Sorts paths as {@link comparePaths} does, by precomputed keys. */
function sortByPath<T>(
  index: GovernanceIndex,
  items: T[],
  pathOf: (item: T) => ReachPath,
): T[] {
  const { accounts, sets } = orderKeys(index);
  const keyed = items.map(item => {
    const path = pathOf(item);
    return {
      item,
      path,
      decision: RANK[path.decision],
      account: accounts.get(path.start.accountId) ?? -1,
      set: sets.get(path.start.permissionSetName),
    };
  });
  keyed.sort(
    (a, b) =>
      a.decision - b.decision ||
      a.account - b.account ||
      (a.set !== undefined && b.set !== undefined
        ? a.set - b.set
        : compareNames(
            a.path.start.permissionSetName,
            b.path.start.permissionSetName,
          )) ||
      a.path.hops.length - b.path.hops.length ||
      compareText(endOf(a.path), endOf(b.path)),
  );
  return keyed.map(k => k.item);
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

/** Thrown for a `fromUnit` the organization does not hold. */
export class UnknownReachUnit extends Error {}

/** A page of a role-reach view, and who asks. */
export interface RoleReachViewOptions {
  offset: number;
  limit: number;
  /** Only the ways starting in the accounts of this OU (or root). */
  fromUnit?: string;
  /**
   * Team level (a caller without `aws-organizations.access.read`): the
   * access policy's filter of the principals holding a way's start
   * (routes/accessPolicy.ts); groups are then shown without members and
   * ways left without a holder are left out. Applied before counting and
   * paging, so counts and pages say the same.
   */
  teamLevel?: (principals: ReachPrincipal[]) => ReachPrincipal[];
}

/**
 * Where a start account sits below `unit`: the first unit of its path
 * below `unit`, or the account itself when directly in it; undefined when
 * the account is not under `unit`.
 */
function sourceBelow(
  index: GovernanceIndex,
  accountId: string,
  unit: string,
): { id: string; kind: 'unit' | 'account' } | undefined {
  const account = index.accounts.get(accountId);
  if (!account) return undefined;
  const path = [...account.path, account.parentId].filter(
    (id, i, all) => all.indexOf(id) === i,
  );
  const at = path.indexOf(unit);
  if (at < 0) return undefined;
  const below = path[at + 1];
  return below === undefined
    ? { id: accountId, kind: 'account' }
    : { id: below, kind: 'unit' };
}

function countSources(
  index: GovernanceIndex,
  found: {
    entry: AccountReachEntry;
    source: { id: string; kind: 'unit' | 'account' };
  }[],
): Pick<AccountRoleReach, 'sources' | 'sourcesOmitted'> {
  const counts = new Map<string, RoleReachSource>();
  for (const { entry, source } of found) {
    let count = counts.get(source.id);
    if (!count) {
      count = {
        ...source,
        name:
          (source.kind === 'unit'
            ? index.unitName(source.id)
            : index.accounts.get(source.id)?.name) ?? source.id,
        paths: 0,
        allowed: 0,
        indeterminate: 0,
      };
      counts.set(source.id, count);
    }
    count.paths++;
    if (entry.path.decision === 'allowed') count.allowed++;
    if (entry.path.decision === 'indeterminate') count.indeterminate++;
  }
  const all = [...counts.values()].sort(
    (a, b) =>
      b.paths - a.paths ||
      compareNames(a.name, b.name) ||
      compareText(a.id, b.id),
  );
  const omitted = all.slice(MAX_ROLE_REACH_SOURCES);
  return {
    sources: all.slice(0, MAX_ROLE_REACH_SOURCES),
    sourcesOmitted: {
      count: omitted.length,
      paths: omitted.reduce((n, s) => n + s.paths, 0),
    },
  };
}

/**
 * `GET /accounts/:id/role-reach`: who reaches the account through roles,
 * one page at a time (the answer at L can hold thousands of ways), with
 * the ways counted by where they start one level below `fromUnit` (or
 * the root), so that a large answer is read by OU first and opened on
 * demand. The page's holders are resolved (groups with their members,
 * users). `not-configured` without a roles part; `unknown` (no ways in)
 * when the account's roles were not read. Undefined for an unknown
 * account; throws {@link UnknownReachUnit} for an unknown `fromUnit`.
 */
export function accountRoleReach(
  index: GovernanceIndex,
  accountId: string,
  maxDepth: number,
  options: RoleReachViewOptions,
): AccountRoleReach | undefined {
  if (!index.accounts.has(accountId)) return undefined;
  const rootId = index.snapshot.root.id;
  const unit = options.fromUnit ?? rootId;
  if (unit !== rootId && !index.units.has(unit)) {
    throw new UnknownReachUnit(
      `No organizational unit ${unit} in the AWS Organization`,
    );
  }
  const reach = reachOf(index, maxDepth);
  const base = {
    accountId,
    maxDepth,
    incomplete: incompleteOf(index, accountId),
    offset: options.offset,
    limit: options.limit,
    ...(options.fromUnit ? { fromUnit: options.fromUnit } : {}),
    ...(options.teamLevel ? { restricted: true } : {}),
  };
  const none = {
    entries: [],
    totalCount: 0,
    decisions: { allowed: 0, indeterminate: 0 },
    sources: [],
    sourcesOmitted: { count: 0, paths: 0 },
    accountNames: {},
  };
  if (!reach) return { ...base, status: 'not-configured', ...none };
  const answer = reach.whoCanReach(accountId);
  const found: {
    entry: AccountReachEntry;
    source: { id: string; kind: 'unit' | 'account' };
  }[] = [];
  const sourceOf = new Map<string, ReturnType<typeof sourceBelow>>();
  for (const entry of answer.entries) {
    const principals = options.teamLevel
      ? options.teamLevel(entry.principals)
      : entry.principals;
    if (principals.length === 0) continue;
    const start = entry.path.start.accountId;
    if (!sourceOf.has(start))
      sourceOf.set(start, sourceBelow(index, start, unit));
    const source = sourceOf.get(start);
    if (!source) continue;
    found.push({ entry: { path: entry.path, principals }, source });
  }
  const sorted = sortByPath(index, found, f => f.entry.path);
  const page = sorted.slice(options.offset, options.offset + options.limit);
  const entries: RoleReachEntry[] = page.map(({ entry }) => ({
    path: entry.path,
    holders: entry.principals.map(p => {
      const principal = index.principal(p.type, p.id);
      return p.type === 'GROUP' && !options.teamLevel
        ? { principal, members: groupMembers(index, p.id) }
        : { principal };
    }),
  }));
  const decisions = { allowed: 0, indeterminate: 0 };
  for (const { entry } of found) {
    if (entry.path.decision === 'allowed') decisions.allowed++;
    if (entry.path.decision === 'indeterminate') decisions.indeterminate++;
  }
  const result: AccountRoleReach = {
    ...base,
    status: answer.rolesUnknown === undefined ? 'known' : 'unknown',
    entries,
    totalCount: found.length,
    decisions,
    ...countSources(index, found),
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
  page: { offset: number; limit: number },
): PrincipalRoleReach {
  const principals = index.principalsOf(entityRef);
  const reach = reachOf(index, maxDepth);
  const base = {
    entityRef,
    maxDepth,
    principals,
    incomplete: incompleteOf(index),
    offset: page.offset,
    limit: page.limit,
  };
  if (!reach) {
    return {
      ...base,
      status: 'not-configured',
      entries: [],
      totalCount: 0,
      accountCount: 0,
      accountNames: {},
    };
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
  const shown = entries.slice(page.offset, page.offset + page.limit);
  return {
    ...base,
    status: 'known',
    entries: shown,
    totalCount: entries.length,
    accountCount: new Set(entries.map(e => e.accountId)).size,
    accountNames: accountNamesOf(
      index,
      shown.map(e => e.path),
    ),
  };
}
