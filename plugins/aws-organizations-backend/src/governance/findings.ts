import {
  Account,
  AccountFindingCountsResponse,
  addSeverityCounts,
  countedFindingOrigins,
  emptySeverityCounts,
  FindingOrigin,
  FindingsRollupResponse,
  FindingsRollupUnit,
  normalizeEntityRef,
  SecuritySignalsSnapshot,
  SeverityCounts,
  SIGNAL_SOURCES,
  SignalSourceStatus,
  totalSeverityCounts,
  worstFindingsUnits,
} from '@aws-governance/plugin-aws-organizations-common';
import { GovernanceIndex } from './types';

const NOT_CONFIGURED: SignalSourceStatus = {
  status: 'not-connected',
  reason: 'off',
  message: 'not configured (awsOrganizations.signals)',
};

/** Each source's status; every source off when no signal was read. */
export function signalSources(
  signals: SecuritySignalsSnapshot | undefined,
): AccountFindingCountsResponse['sources'] {
  return Object.fromEntries(
    SIGNAL_SOURCES.map(source => [
      source,
      signals?.sources[source] ?? NOT_CONFIGURED,
    ]),
  ) as AccountFindingCountsResponse['sources'];
}

/**
 * The account's counts of each origin the sync read: zero where the
 * account has none, absent where the origin was not read.
 */
export function accountOriginCounts(
  signals: SecuritySignalsSnapshot | undefined,
  accountId: string,
): Partial<Record<FindingOrigin, SeverityCounts>> {
  const byOrigin: Partial<Record<FindingOrigin, SeverityCounts>> = {};
  const counts = signals?.findings[accountId];
  for (const origin of countedFindingOrigins(signals)) {
    byOrigin[origin] = addSeverityCounts(
      emptySeverityCounts(),
      counts?.byOrigin[origin],
    );
  }
  return byOrigin;
}

/** One account's counts (no finding), or undefined for an unknown account. */
export function accountFindingCounts(
  index: GovernanceIndex,
  accountId: string,
  mayReadFindings: boolean,
): AccountFindingCountsResponse | undefined {
  const account = index.accounts.get(accountId);
  if (!account) return undefined;
  const { snapshot } = index;
  const signals = snapshot.signals;
  const byOrigin = accountOriginCounts(signals, accountId);
  const counts = signals?.findings[accountId];
  const hubConnected = signals?.sources['security-hub'].status === 'connected';
  const externalKnown = Boolean(byOrigin['access-analyzer-external']);
  const config =
    signals?.sources.config.status === 'connected'
      ? signals.config[accountId] ?? {
          rules: { compliant: 0, nonCompliant: 0, insufficientData: 0 },
          conformancePacks: [],
          nonCompliantRules: [],
        }
      : undefined;
  return {
    accountId,
    accountName: account.name,
    readAt: snapshot.readAt,
    configured: signals !== undefined,
    sources: signalSources(signals),
    byOrigin,
    total: totalSeverityCounts(byOrigin),
    agedCriticalHigh: hubConnected
      ? (signals?.agedFindingDays ?? []).map(days => ({
          days,
          count:
            counts?.agedCriticalHigh.find(a => a.days === days)?.count ?? 0,
        }))
      : [],
    ...(externalKnown ? { externalAccess: counts?.externalAccess ?? 0 } : {}),
    ...(config ? { config } : {}),
    mayReadFindings,
  };
}

/** The accounts a team owns (its resolved owner ref), in list order. */
export function accountsOwnedBy(
  index: GovernanceIndex,
  teamRef: string,
): Account[] {
  const wanted = normalizeEntityRef(teamRef);
  if (wanted === undefined) return [];
  return index.accountsInOrder.filter(account => {
    const owner = index.resolution.accountOwners[account.id]?.ref;
    return owner !== undefined && normalizeEntityRef(owner) === wanted;
  });
}

/**
 * Counts rolled up by OU (and the root) over the accounts below each,
 * counting only the accounts `counted` admits. Parents before children.
 */
export function findingsRollup(
  index: GovernanceIndex,
  counted: (accountId: string) => boolean,
  worst?: number,
): FindingsRollupResponse {
  const { snapshot } = index;
  const signals = snapshot.signals;
  const units: FindingsRollupUnit[] = [];
  const walk = (id: string, name: string, parentId?: string) => {
    const unit: FindingsRollupUnit = {
      id,
      name,
      ...(parentId ? { parentId } : {}),
      accountCount: 0,
      countedAccounts: 0,
      total: emptySeverityCounts(),
      byOrigin: {},
    };
    units.push(unit);
    const children = index.children.get(id);
    for (const account of children?.accounts ?? []) {
      unit.accountCount += 1;
      if (!counted(account.id)) continue;
      unit.countedAccounts += 1;
      add(unit, accountOriginCounts(signals, account.id));
    }
    for (const child of children?.units ?? []) {
      const sub = walk(child.id, child.name, id);
      unit.accountCount += sub.accountCount;
      unit.countedAccounts += sub.countedAccounts;
      add(unit, sub.byOrigin);
    }
    return unit;
  };
  walk(snapshot.root.id, snapshot.root.name);
  return {
    readAt: snapshot.readAt,
    configured: signals !== undefined,
    sources: signalSources(signals),
    units: worst === undefined ? units : worstWithAncestors(units, worst),
    unitCount: units.length,
  };
}

/**
 * The root, the `max` worst OUs and their ancestors (for their paths), in
 * the order of `units` (parents before children).
 */
export function worstWithAncestors(
  units: FindingsRollupUnit[],
  max: number,
): FindingsRollupUnit[] {
  const byId = new Map(units.map(u => [u.id, u]));
  const kept = new Set<string>();
  for (const unit of worstFindingsUnits(units, max)) {
    for (
      let u: FindingsRollupUnit | undefined = unit;
      u && !kept.has(u.id);
      u = u.parentId ? byId.get(u.parentId) : undefined
    ) {
      kept.add(u.id);
    }
  }
  return units.filter(u => !u.parentId || kept.has(u.id));
}

function add(
  unit: FindingsRollupUnit,
  byOrigin: Partial<Record<FindingOrigin, SeverityCounts>>,
) {
  for (const [origin, counts] of Object.entries(byOrigin) as [
    FindingOrigin,
    SeverityCounts,
  ][]) {
    unit.byOrigin[origin] = addSeverityCounts(
      unit.byOrigin[origin] ?? emptySeverityCounts(),
      counts,
    );
    addSeverityCounts(unit.total, counts);
  }
}
