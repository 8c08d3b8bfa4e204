import type { FindingsRollupUnit } from './api';
import {
  FINDING_SEVERITIES,
  type FindingOrigin,
  type SecuritySignalsSnapshot,
  type SeverityCounts,
} from './types';

/** Zero findings of every severity. @public */
export function emptySeverityCounts(): SeverityCounts {
  return { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0 };
}

/** Adds `counts` into `into` (mutates and returns `into`). @public */
export function addSeverityCounts(
  into: SeverityCounts,
  counts: SeverityCounts | undefined,
): SeverityCounts {
  if (!counts) return into;
  for (const severity of FINDING_SEVERITIES) {
    into[severity] += counts[severity] ?? 0;
  }
  return into;
}

/** The sum by severity over the origins present. @public */
export function totalSeverityCounts(
  byOrigin: Partial<Record<FindingOrigin, SeverityCounts>>,
): SeverityCounts {
  const total = emptySeverityCounts();
  for (const counts of Object.values(byOrigin)) {
    addSeverityCounts(total, counts);
  }
  return total;
}

/**
 * The origins a sync's counts cover: Security Hub's own when Security Hub
 * is connected; Access Analyzer's external (unused) access when Access
 * Analyzer is connected and has an organization analyzer of that type.
 * An account without counts of such an origin has no active findings of
 * it; an origin not listed is unknown, not zero.
 *
 * @public
 */
export function countedFindingOrigins(
  signals: SecuritySignalsSnapshot | undefined,
): FindingOrigin[] {
  if (!signals) return [];
  const origins: FindingOrigin[] = [];
  if (signals.sources['security-hub'].status === 'connected') {
    origins.push('security-hub');
  }
  if (signals.sources['access-analyzer'].status === 'connected') {
    const types = new Set((signals.analyzers ?? []).map(a => a.type));
    if (types.has('ORGANIZATION')) origins.push('access-analyzer-external');
    if (types.has('ORGANIZATION_UNUSED_ACCESS')) {
      origins.push('access-analyzer-unused');
    }
  }
  return origins;
}

/**
 * The OUs (not the root) with the most severe findings first (critical,
 * then high, ...; ties by name), those with none left out: the order of
 * the findings-by-OU card, on the server and in the page. A parent counts
 * its whole subtree, so it never ranks below a child.
 *
 * @public
 */
export function worstFindingsUnits(
  units: FindingsRollupUnit[],
  max: number,
): FindingsRollupUnit[] {
  const key = (u: FindingsRollupUnit) =>
    FINDING_SEVERITIES.map(s => u.total[s] ?? 0);
  return units
    .filter(u => u.parentId && key(u).some(v => v > 0))
    .map(unit => ({ unit, key: key(unit) }))
    .sort((a, b) => {
      const i = a.key.findIndex((v, j) => v !== b.key[j]);
      return i >= 0
        ? b.key[i] - a.key[i]
        : a.unit.name.localeCompare(b.unit.name);
    })
    .slice(0, max)
    .map(entry => entry.unit);
}
