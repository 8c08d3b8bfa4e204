import type {
  Account,
  OrganizationSnapshot,
  OrganizationalUnit,
  ServiceControlPolicy,
} from '../snapshot';
import { knownResourceControlPolicies } from '../policyTypes';
import type { EffectiveScps, ScpLevel, ScpPolicySource } from './types';

/** Lookups of one snapshot, built once. */
interface SnapshotIndex {
  accounts: Map<string, Account>;
  units: Map<string, OrganizationalUnit>;
  policiesByTarget: Map<string, ScpPolicySource[]>;
  rcpsByTarget: Map<string, ScpPolicySource[]>;
  effective: Map<string, EffectiveScps>;
  /** Per-account results of other evaluator parts (e.g. the RCP levels). */
  memo: Map<string, unknown>;
}

const indexes = new WeakMap<OrganizationSnapshot, SnapshotIndex>();

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

function byTarget(
  policies: readonly ServiceControlPolicy[],
): Map<string, ScpPolicySource[]> {
  const out = new Map<string, ScpPolicySource[]>();
  for (const policy of policies) {
    const source = toSource(policy);
    for (const target of policy.targets) {
      const list = out.get(target.targetId) ?? [];
      list.push(source);
      out.set(target.targetId, list);
    }
  }
  return out;
}

function indexOf(snapshot: OrganizationSnapshot): SnapshotIndex {
  let index = indexes.get(snapshot);
  if (index) return index;
  index = {
    accounts: new Map(snapshot.accounts.map(a => [a.id, a])),
    units: new Map(snapshot.organizationalUnits.map(u => [u.id, u])),
    policiesByTarget: byTarget(snapshot.policies),
    rcpsByTarget: byTarget(knownResourceControlPolicies(snapshot) ?? []),
    effective: new Map(),
    memo: new Map(),
  };
  indexes.set(snapshot, index);
  return index;
}

/** The levels from the root to an account, with the policies of a type. */
function pathLevels(
  snapshot: OrganizationSnapshot,
  index: SnapshotIndex,
  account: Account,
  policiesByTarget: Map<string, ScpPolicySource[]>,
): ScpLevel[] {
  const policiesOf = (id: string) => policiesByTarget.get(id) ?? [];
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
  const index = indexOf(snapshot);
  const key = `rcp:${accountId}`;
  if (index.memo.has(key)) return index.memo.get(key) as T;
  const account = index.accounts.get(accountId);
  const value = account
    ? build(account, pathLevels(snapshot, index, account, index.rcpsByTarget))
    : undefined;
  index.memo.set(key, value);
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
  const index = indexOf(snapshot);
  const cached = index.effective.get(accountId);
  if (cached) return cached;
  const account = index.accounts.get(accountId);
  if (!account) {
    throw new Error(`account ${accountId} is not in the snapshot`);
  }
  const levels = pathLevels(snapshot, index, account, index.policiesByTarget);
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
  index.effective.set(accountId, effective);
  return effective;
}
