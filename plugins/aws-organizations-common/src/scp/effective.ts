import type {
  Account,
  OrganizationSnapshot,
  ServiceControlPolicy,
} from '../snapshot';
import { indexSnapshot, SnapshotIndex } from '../snapshotIndex';
import type { EffectiveScps, ScpLevel, ScpPolicySource } from './types';

/** What the evaluators derive from one snapshot, beside its index. */
interface EvaluatorCache {
  index: SnapshotIndex;
  /** Policy sources per target id, SCPs and RCPs apart. */
  scpSources: Map<string, ScpPolicySource[]>;
  rcpSources: Map<string, ScpPolicySource[]>;
  effective: Map<string, EffectiveScps>;
  /** Per-account results of other evaluator parts (e.g. the RCP levels). */
  memo: Map<string, unknown>;
}

const caches = new WeakMap<OrganizationSnapshot, EvaluatorCache>();

function toSource(policy: ServiceControlPolicy): ScpPolicySource {
  const source: ScpPolicySource = {
    id: policy.id,
    name: policy.name,
    content: policy.content,
    awsManaged: policy.awsManaged,
  };
  if (policy.parseError !== undefined) source.parseError = policy.parseError;
  return source;
}

function cacheOf(snapshot: OrganizationSnapshot): EvaluatorCache {
  let cache = caches.get(snapshot);
  if (cache) return cache;
  cache = {
    index: indexSnapshot(snapshot),
    scpSources: new Map(),
    rcpSources: new Map(),
    effective: new Map(),
    memo: new Map(),
  };
  caches.set(snapshot, cache);
  return cache;
}

/** One source object per policy of a snapshot, shared by every level. */
const sourcesOfPolicy = new WeakMap<ServiceControlPolicy, ScpPolicySource>();

function sourcesAt(
  byTarget: ReadonlyMap<string, ServiceControlPolicy[]>,
  memo: Map<string, ScpPolicySource[]>,
  targetId: string,
): ScpPolicySource[] {
  let sources = memo.get(targetId);
  if (!sources) {
    sources = (byTarget.get(targetId) ?? []).map(policy => {
      let source = sourcesOfPolicy.get(policy);
      if (!source) {
        source = toSource(policy);
        sourcesOfPolicy.set(policy, source);
      }
      return source;
    });
    memo.set(targetId, sources);
  }
  return sources;
}

/** The levels from the root to an account, with the policies of a type. */
function pathLevels(
  snapshot: OrganizationSnapshot,
  index: SnapshotIndex,
  account: Account,
  policiesOf: (targetId: string) => ScpPolicySource[],
): ScpLevel[] {
  const levels: ScpLevel[] = [];
  for (const id of account.path) {
    levels.push(
      id === snapshot.root.id
        ? {
            kind: 'root',
            targetId: id,
            name: snapshot.root.name,
            policies: policiesOf(id),
          }
        : {
            kind: 'ou',
            targetId: id,
            name: index.units.get(id)?.name ?? id,
            policies: policiesOf(id),
          },
    );
  }
  levels.push({
    kind: 'account',
    targetId: account.id,
    name: account.name,
    policies: policiesOf(account.id),
  });
  return levels;
}

/** The org path of an account as aws:PrincipalOrgPaths / aws:ResourceOrgPaths spell it. */
export function orgPathOf(snapshot: OrganizationSnapshot, account: Account) {
  return `${snapshot.organization.id}/${account.path.join('/')}/`;
}

/**
 * Builds something from an account's RCP levels (root to account), once per
 * snapshot and account; undefined for an account not in the snapshot.
 */
export function memoizedRcpLevels<T>(
  snapshot: OrganizationSnapshot,
  accountId: string,
  build: (account: Account, rcpLevels: ScpLevel[]) => T,
): T | undefined {
  const cache = cacheOf(snapshot);
  const { index } = cache;
  const key = `rcp:${accountId}`;
  if (cache.memo.has(key)) return cache.memo.get(key) as T;
  const account = index.accounts.get(accountId);
  const value = account
    ? build(
        account,
        pathLevels(snapshot, index, account, id =>
          sourcesAt(
            index.resourceControlPoliciesByTarget,
            cache.rcpSources,
            id,
          ),
        ),
      )
    : undefined;
  cache.memo.set(key, value);
  return value;
}

/**
 * The SCPs that apply to an account, grouped by level: the root, each OU on
 * the account's path (root side first), then the account itself; each level
 * names its kind, target id and name. Cached per snapshot object (treat
 * snapshots as immutable).
 *
 * @throws Error when the account is not in the snapshot.
 * @public
 */
export function effectivePolicies(
  snapshot: OrganizationSnapshot,
  accountId: string,
): EffectiveScps {
  const cache = cacheOf(snapshot);
  const { index } = cache;
  const cached = cache.effective.get(accountId);
  if (cached) return cached;
  const account = index.accounts.get(accountId);
  if (!account) {
    throw new Error(`account ${accountId} is not in the snapshot`);
  }
  const levels = pathLevels(snapshot, index, account, id =>
    sourcesAt(index.policiesByTarget, cache.scpSources, id),
  );
  const orgId = snapshot.organization.id;
  const effective: EffectiveScps = {
    accountId,
    managementAccount: snapshot.organization.managementAccountId === accountId,
    scpsEnabled: snapshot.organization.enabledPolicyTypes.includes(
      'SERVICE_CONTROL_POLICY',
    ),
    levels,
    derivedContext: {
      'aws:PrincipalAccount': accountId,
      'aws:PrincipalOrgID': orgId,
      'aws:PrincipalOrgPaths': [orgPathOf(snapshot, account)],
    },
  };
  cache.effective.set(accountId, effective);
  return effective;
}
