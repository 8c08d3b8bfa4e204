import type {
  Account,
  OrganizationSnapshot,
  OrganizationalUnit,
  ServiceControlPolicy,
} from '../snapshot';
import type { EffectiveScps, ScpLevel, ScpPolicySource } from './types';

/** Lookups of one snapshot, built once. */
interface SnapshotIndex {
  accounts: Map<string, Account>;
  units: Map<string, OrganizationalUnit>;
  policiesByTarget: Map<string, ScpPolicySource[]>;
  effective: Map<string, EffectiveScps>;
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

function indexOf(snapshot: OrganizationSnapshot): SnapshotIndex {
  let index = indexes.get(snapshot);
  if (index) return index;
  const policiesByTarget = new Map<string, ScpPolicySource[]>();
  for (const policy of snapshot.policies) {
    const source = toSource(policy);
    for (const target of policy.targets) {
      const list = policiesByTarget.get(target.targetId) ?? [];
      list.push(source);
      policiesByTarget.set(target.targetId, list);
    }
  }
  index = {
    accounts: new Map(snapshot.accounts.map(a => [a.id, a])),
    units: new Map(snapshot.organizationalUnits.map(u => [u.id, u])),
    policiesByTarget,
    effective: new Map(),
  };
  indexes.set(snapshot, index);
  return index;
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
  const policiesOf = (id: string) => index.policiesByTarget.get(id) ?? [];
  const levels: ScpLevel[] = [];
  for (const id of account.path) {
    if (id === snapshot.root.id) {
      levels.push({
        kind: 'root',
        targetId: id,
        name: snapshot.root.name,
        policies: policiesOf(id),
      });
    } else {
      levels.push({
        kind: 'ou',
        targetId: id,
        name: index.units.get(id)?.name ?? id,
        policies: policiesOf(id),
      });
    }
  }
  levels.push({
    kind: 'account',
    targetId: account.id,
    name: account.name,
    policies: policiesOf(account.id),
  });
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
      'aws:PrincipalOrgPaths': [`${orgId}/${account.path.join('/')}/`],
    },
  };
  index.effective.set(accountId, effective);
  return effective;
}
