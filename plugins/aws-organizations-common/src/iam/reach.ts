/**
 * The reach index of a snapshot: which people and teams reach which
 * accounts through roles. A person or team with permission set P in
 * account A reaches role R in account B when the hop from P's Identity
 * Center role to R is allowed (see ./hop.ts); chains of role hops are
 * followed to a configured depth.
 */
import type {
  AccountAssignment,
  OrganizationSnapshot,
  PermissionSet,
} from '../snapshot';
import { ReachDecision, weakest } from './decision';
import {
  PolicyDocuments,
  permissionSetCaller,
  roleCaller,
  ssoPermissionSetName,
} from './callers';
import { evaluateHop, HopCaller, HopTarget, RoleHop } from './hop';
import { mayAllowAction } from './identity';
import { compileTrustPolicy, TrustCache } from './trust';
import type { AccountIam, IamRole, IamSnapshot } from './types';

/** Options of {@link buildReachIndex}. @public */
export interface ReachOptions {
  /** Role hops followed after the Identity Center role (default 3, at least 1). */
  maxDepth?: number;
}

/** Options of {@link buildReachIndexAsync}. @public */
export interface AsyncReachOptions extends ReachOptions {
  /**
   * Longest stretch of work between two turns of the event loop, in
   * milliseconds (default 20).
   */
  sliceMs?: number;
}

/** Where a path starts: a permission set in an account. @public */
export interface ReachStart {
  permissionSetArn: string;
  permissionSetName: string;
  accountId: string;
}

/** A path from a permission set's role to a role, hop by hop. @public */
export interface ReachPath {
  start: ReachStart;
  hops: RoleHop[];
  /** `allowed` when every hop is; `indeterminate` when one is. */
  decision: ReachDecision;
}

/** A person or team holding the start of a path. @public */
export interface ReachPrincipal {
  type: 'GROUP' | 'USER';
  id: string;
  name: string;
  /** For a group: its members (user id and user name). */
  members?: { id: string; userName: string }[];
}

/** One way into an account: the path and who holds its start. @public */
export interface AccountReachEntry {
  path: ReachPath;
  principals: ReachPrincipal[];
}

/** The answer of {@link ReachIndex.whoCanReach}. @public */
export interface AccountReach {
  accountId: string;
  entries: AccountReachEntry[];
  /** Set when the account's roles are unknown: nothing can be said about roles into it. */
  rolesUnknown?: string;
  /**
   * Accounts whose roles are unknown: roles there might reach this
   * account, so the answer may be incomplete.
   */
  incompleteBecause: string[];
}

/** Figures of an index build. @public */
export interface ReachIndexStats {
  roles: number;
  trustPoliciesUnreadable: number;
  starts: number;
  hopsEvaluated: number;
  paths: number;
}

/** The reach index of a snapshot. @public */
export interface ReachIndex {
  /** Who reaches an account through roles, each with its path. */
  whoCanReach(accountId: string): AccountReach;
  /** The paths from a permission set in an account. */
  pathsFrom(permissionSetArn: string, accountId: string): ReachPath[];
  /**
   * The roles a role of the snapshot may assume directly (one hop, denied
   * hops left out; allowed and indeterminate ones with their steps).
   * Empty for a role the snapshot does not hold.
   */
  hopsFromRole(roleArn: string): RoleHop[];
  stats: ReachIndexStats;
}

interface RoleEntry {
  role: IamRole;
  target: HopTarget;
}

const RANK: Record<ReachDecision, number> = {
  allowed: 2,
  indeterminate: 1,
  denied: 0,
};

function iamOf(iam: IamSnapshot, accountId: string): AccountIam {
  return (
    iam.accounts[accountId] ?? {
      status: 'unknown',
      reason: `the roles of account ${accountId} were not read`,
    }
  );
}

/**
 * Whether a trust document may admit an IAM principal: a statement whose
 * Principal is `"*"` or has an `AWS` entry (service and federated
 * principals are never callers here). A document that is not JSON is
 * kept, to be reported unreadable.
 */
function namesAwsPrincipal(document: string): boolean {
  let raw: unknown;
  try {
    raw = JSON.parse(document);
  } catch {
    return true;
  }
  const statements = (raw as { Statement?: unknown })?.Statement;
  const list = Array.isArray(statements) ? statements : [statements];
  return list.some(s => {
    if (typeof s !== 'object' || s === null) return true;
    const { Principal, NotPrincipal } = s as Record<string, unknown>;
    if (NotPrincipal !== undefined || Principal === '*') return true;
    return (
      typeof Principal !== 'object' || Principal === null || 'AWS' in Principal
    );
  });
}

const never = () => false;

/** Runs a build (or a part) to its end without giving the event loop a turn. */
function finish<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The steps of a build: it pauses (yields) where `pause()` says so. */
type ReachBuild = Generator<void, ReachIndex, void>;

/**
 * The reach index build, as steps: every permission set assigned in an
 * account is a start; from its Identity Center role, the roles whose trust
 * names its account, one of its roles or anyone are weighed hop by hop
 * (denied hops are dropped, allowed and indeterminate ones kept with their
 * steps) to `maxDepth` hops. It yields between two roles or two path nodes
 * when `pause()` is true; run to its end, it returns the index, the same
 * however often it paused.
 */
function* reachBuild(
  snapshot: OrganizationSnapshot,
  iam: IamSnapshot,
  options: ReachOptions,
  pause: () => boolean,
): ReachBuild {
  const maxDepth = Math.max(1, options.maxDepth ?? 3);
  const orgAccounts = new Set(snapshot.accounts.map(a => a.id));
  const inOrganization = (id: string) => orgAccounts.has(id);
  const documents: PolicyDocuments = new Map(
    iam.managedPolicies.map(p => [p.arn, p]),
  );
  const trustCache: TrustCache = new Map();
  const stats: ReachIndexStats = {
    roles: 0,
    trustPoliciesUnreadable: 0,
    starts: 0,
    hopsEvaluated: 0,
    paths: 0,
  };

  // Roles by the account their trust names, and roles any principal may assume.
  const candidates = new Map<string, RoleEntry[]>();
  const anyone: RoleEntry[] = [];
  const ssoRoles = new Map<string, IamRole>();
  const byArn = new Map<string, RoleEntry>();
  const allRoles = new Map<string, { role: IamRole; accountId: string }>();
  const unknownAccounts: string[] = [];
  for (const account of snapshot.accounts) {
    const part = iamOf(iam, account.id);
    if (part.status !== 'known') {
      unknownAccounts.push(account.id);
      continue;
    }
    for (const role of part.roles) {
      if (pause()) yield;
      stats.roles++;
      allRoles.set(role.arn, { role, accountId: account.id });
      const psName = ssoPermissionSetName(role);
      if (psName !== undefined) ssoRoles.set(`${psName}|${account.id}`, role);
      if (!namesAwsPrincipal(role.trustPolicy)) continue;
      const trust = compileTrustPolicy(
        role.trustPolicy,
        inOrganization,
        trustCache,
      );
      const entry: RoleEntry = {
        role,
        target: { roleArn: role.arn, accountId: account.id, trust },
      };
      byArn.set(role.arn, entry);
      if (!trust.ok) {
        stats.trustPoliciesUnreadable++;
        anyone.push(entry);
        continue;
      }
      const named = new Set<string>();
      for (const edge of trust.edges) {
        if (edge.effect !== 'Allow' || !edge.actions.includes('sts:AssumeRole'))
          continue;
        const p = edge.principal;
        if (p.kind === 'anyone') named.add('*');
        else if (
          (p.kind === 'account' ||
            p.kind === 'role' ||
            p.kind === 'assumed-role') &&
          p.inOrganization
        ) {
          named.add(p.accountId);
        }
      }
      for (const id of named) {
        if (id === '*') anyone.push(entry);
        else {
          const list = candidates.get(id) ?? [];
          list.push(entry);
          candidates.set(id, list);
        }
      }
    }
  }

  const hopsFrom = new Map<string, RoleHop[]>();
  // A caller trusted by every account's role (a security account's
  // auditor) has thousands of targets: the build may pause among them.
  function* hopSteps(
    key: string,
    caller: HopCaller,
    mayPause: () => boolean,
  ): Generator<void, RoleHop[], void> {
    const cached = hopsFrom.get(key);
    if (cached) return cached;
    const out: RoleHop[] = [];
    // Without an identity Allow for sts:AssumeRole only a same-account
    // trust can grant (see ./hop.ts): other hops are denied for certain.
    const assumes = mayAllowAction(caller.policies, 'sts:assumerole');
    const targets = [...(candidates.get(caller.accountId) ?? []), ...anyone];
    for (const target of targets) {
      if (mayPause()) yield;
      if (!assumes && target.target.accountId !== caller.accountId) continue;
      if (target.role.arn === caller.roleArn) continue;
      stats.hopsEvaluated++;
      const hop = evaluateHop(snapshot, caller, target.target);
      if (hop.decision !== 'denied') out.push(hop);
    }
    hopsFrom.set(key, out);
    return out;
  }
  const hopsOf = (key: string, caller: HopCaller): RoleHop[] =>
    finish(hopSteps(key, caller, never));

  // Starts: each permission set assigned in an account.
  const ic = snapshot.identityCenter;
  const permissionSets = new Map<string, PermissionSet>();
  const assignmentsByStart = new Map<string, AccountAssignment[]>();
  if (ic.status === 'available') {
    for (const ps of ic.permissionSets) permissionSets.set(ps.arn, ps);
    for (const a of ic.assignments) {
      if (pause()) yield;
      const key = `${a.permissionSetArn}|${a.accountId}`;
      const list = assignmentsByStart.get(key) ?? [];
      list.push(a);
      assignmentsByStart.set(key, list);
    }
  }
  const pathsByStart = new Map<string, ReachPath[]>();
  const byAccount = new Map<string, { startKey: string; path: ReachPath }[]>();
  for (const startKey of assignmentsByStart.keys()) {
    const [psArn, accountId] = startKey.split('|');
    const ps = permissionSets.get(psArn);
    if (!ps || !orgAccounts.has(accountId)) continue;
    stats.starts++;
    const start: ReachStart = {
      permissionSetArn: psArn,
      permissionSetName: ps.name,
      accountId,
    };
    const ssoRole = ssoRoles.get(`${ps.name}|${accountId}`);
    const first = permissionSetCaller(ps, accountId, ssoRole, documents);
    const best = new Map<string, ReachPath>();
    let frontier: { key: string; caller: HopCaller; path: ReachPath }[] = [
      {
        key: ssoRole ? ssoRole.arn : `sso:${startKey}`,
        caller: first,
        path: { start, hops: [], decision: 'allowed' },
      },
    ];
    for (let depth = 0; depth < maxDepth && frontier.length > 0; depth++) {
      const next: typeof frontier = [];
      for (const node of frontier) {
        if (pause()) yield;
        for (const hop of yield* hopSteps(node.key, node.caller, pause)) {
          const decision = weakest(node.path.decision, hop.decision);
          const seen = best.get(hop.toRoleArn);
          if (seen && RANK[seen.decision] >= RANK[decision]) continue;
          if (ssoRole && hop.toRoleArn === ssoRole.arn) continue;
          const path: ReachPath = {
            start,
            hops: [...node.path.hops, hop],
            decision,
          };
          best.set(hop.toRoleArn, path);
          const target = byArn.get(hop.toRoleArn)!;
          next.push({
            key: hop.toRoleArn,
            caller: roleCaller(target.role, hop.toAccountId, documents),
            path,
          });
        }
      }
      frontier = next;
    }
    const paths = [...best.values()];
    pathsByStart.set(startKey, paths);
    for (const path of paths) {
      stats.paths++;
      const to = path.hops[path.hops.length - 1].toAccountId;
      const list = byAccount.get(to) ?? [];
      list.push({ startKey, path });
      byAccount.set(to, list);
    }
  }

  const groups = new Map<
    string,
    { name: string; members: { id: string; userName: string }[] }
  >();
  const users = new Map<string, string>();
  if (ic.status === 'available') {
    for (const u of ic.users) {
      if (pause()) yield;
      users.set(u.id, u.userName);
    }
    for (const g of ic.groups)
      groups.set(g.id, { name: g.displayName, members: [] });
    for (const m of ic.memberships) {
      if (pause()) yield;
      groups.get(m.groupId)?.members.push({
        id: m.userId,
        userName: users.get(m.userId) ?? m.userId,
      });
    }
  }
  const principalsOf = (startKey: string): ReachPrincipal[] =>
    (assignmentsByStart.get(startKey) ?? []).map(a => {
      if (a.principalType === 'GROUP') {
        const g = groups.get(a.principalId);
        return {
          type: 'GROUP',
          id: a.principalId,
          name: g?.name ?? a.principalId,
          members: g?.members ?? [],
        };
      }
      return {
        type: 'USER',
        id: a.principalId,
        name: users.get(a.principalId) ?? a.principalId,
      };
    });

  return {
    stats,
    whoCanReach(accountId) {
      const part = iamOf(iam, accountId);
      const answer: AccountReach = {
        accountId,
        entries: (byAccount.get(accountId) ?? []).map(e => ({
          path: e.path,
          principals: principalsOf(e.startKey),
        })),
        incompleteBecause: unknownAccounts.filter(id => id !== accountId),
      };
      if (part.status === 'unknown') answer.rolesUnknown = part.reason;
      return answer;
    },
    pathsFrom(permissionSetArn, accountId) {
      return pathsByStart.get(`${permissionSetArn}|${accountId}`) ?? [];
    },
    hopsFromRole(roleArn) {
      const found = allRoles.get(roleArn);
      if (!found) return [];
      return hopsOf(
        roleArn,
        roleCaller(found.role, found.accountId, documents),
      );
    },
  };
}

/**
 * Builds the reach index of a snapshot and its roles part (see
 * {@link ReachIndex}) in one go: at the organization's scale seconds to a
 * minute of CPU during which nothing else runs; a server builds it with
 * {@link buildReachIndexAsync} or {@link reachIndexAsync}.
 *
 * @public
 */
export function buildReachIndex(
  snapshot: OrganizationSnapshot,
  iam: IamSnapshot,
  options: ReachOptions = {},
): ReachIndex {
  return finish(reachBuild(snapshot, iam, options, never));
}

/** A turn of the event loop (setImmediate where there is one). */
const nextTurn = (): Promise<void> =>
  new Promise(resolve => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });

/** A build in slices: it pauses once `sliceMs` passed since `start()`. */
interface SlicedBuild {
  steps: ReachBuild;
  /** Starts a slice. */
  start(): void;
  /** No more pauses: what is left runs at once. */
  unpause(): void;
}

function slicedBuild(
  snapshot: OrganizationSnapshot,
  iam: IamSnapshot,
  options: AsyncReachOptions,
): SlicedBuild {
  const sliceMs = options.sliceMs ?? 20;
  let until = 0;
  return {
    steps: reachBuild(snapshot, iam, options, () => performance.now() >= until),
    start() {
      until = performance.now() + sliceMs;
    },
    unpause() {
      until = Infinity;
    },
  };
}

/**
 * Builds the reach index as {@link buildReachIndex} does, the same index,
 * in slices of about `sliceMs` with a turn of the event loop between two:
 * requests are answered while it builds.
 *
 * @public
 */
export async function buildReachIndexAsync(
  snapshot: OrganizationSnapshot,
  iam: IamSnapshot,
  options: AsyncReachOptions = {},
): Promise<ReachIndex> {
  const build = slicedBuild(snapshot, iam, options);
  for (;;) {
    build.start();
    const step = build.steps.next();
    if (step.done) return step.value;
    await nextTurn();
  }
}

/** A memoized index: built, or being built in slices. */
interface MemoEntry {
  index?: ReachIndex;
  /** The build in slices, while it runs. */
  build?: SlicedBuild;
  /** Its end, for the callers of reachIndexAsync. */
  done?: Promise<ReachIndex>;
  /** What the build threw, when it did. */
  failed?: { error: unknown };
}

const memo = new WeakMap<
  OrganizationSnapshot,
  WeakMap<IamSnapshot, Map<number, MemoEntry>>
>();

function memoOf(
  snapshot: OrganizationSnapshot,
  iam: IamSnapshot,
): Map<number, MemoEntry> {
  let byIam = memo.get(snapshot);
  if (!byIam) {
    byIam = new WeakMap();
    memo.set(snapshot, byIam);
  }
  let byDepth = byIam.get(iam);
  if (!byDepth) {
    byDepth = new Map();
    byIam.set(iam, byDepth);
  }
  return byDepth;
}

/**
 * Runs the entry's build on (to its end, or to its next pause): the entry
 * holds the index when the build ends, and is forgotten when it throws
 * (the next call builds again).
 */
function advance(
  byDepth: Map<number, MemoEntry>,
  depth: number,
  entry: MemoEntry,
  toEnd: boolean,
): ReachIndex | undefined {
  if (entry.index) return entry.index;
  if (entry.failed) throw entry.failed.error;
  const build = entry.build!;
  let step: IteratorResult<void, ReachIndex>;
  try {
    if (toEnd) {
      build.unpause();
      step = { done: true, value: finish(build.steps) };
    } else {
      build.start();
      step = build.steps.next();
    }
  } catch (error) {
    entry.build = undefined;
    entry.failed = { error };
    if (byDepth.get(depth) === entry) byDepth.delete(depth);
    throw error;
  }
  if (!step.done) return undefined;
  entry.index = step.value;
  entry.build = undefined;
  return entry.index;
}

/**
 * The reach index of a snapshot, built once per snapshot, roles part and
 * depth (treat both as immutable). While {@link reachIndexAsync} builds
 * that index in slices, this finishes the same build at once (the work
 * done so far is kept) and both get the same index.
 *
 * @public
 */
export function reachIndex(
  snapshot: OrganizationSnapshot,
  iam: IamSnapshot,
  options: ReachOptions = {},
): ReachIndex {
  const byDepth = memoOf(snapshot, iam);
  const depth = Math.max(1, options.maxDepth ?? 3);
  const known = byDepth.get(depth);
  if (known) return advance(byDepth, depth, known, true)!;
  const entry: MemoEntry = {
    index: buildReachIndex(snapshot, iam, { maxDepth: depth }),
  };
  byDepth.set(depth, entry);
  return entry.index!;
}

/**
 * {@link reachIndex}, built in slices with turns of the event loop between
 * them (see {@link buildReachIndexAsync}) unless it is built already;
 * concurrent calls share the build.
 *
 * @public
 */
export function reachIndexAsync(
  snapshot: OrganizationSnapshot,
  iam: IamSnapshot,
  options: AsyncReachOptions = {},
): Promise<ReachIndex> {
  const byDepth = memoOf(snapshot, iam);
  const depth = Math.max(1, options.maxDepth ?? 3);
  const known = byDepth.get(depth);
  if (known?.index) return Promise.resolve(known.index);
  if (known?.done) return known.done;
  const entry: MemoEntry = {
    build: slicedBuild(snapshot, iam, { ...options, maxDepth: depth }),
  };
  byDepth.set(depth, entry);
  entry.done = (async () => {
    for (;;) {
      // reachIndex may have finished it at once meanwhile.
      const index = advance(byDepth, depth, entry, false);
      if (index) return index;
      await nextTurn();
    }
  })();
  return entry.done;
}
