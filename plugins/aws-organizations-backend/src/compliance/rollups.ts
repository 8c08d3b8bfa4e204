import {
  ComplianceCounts,
  OrganizationSnapshot,
  SnapshotResolution,
} from '@aws-governance/plugin-aws-organizations-common';
import { emptyComplianceCounts } from './summarize';
import { ComplianceReport } from './types';

/**
 * Account statuses per OU and the root, each counting the accounts in it
 * and below. Root first, then the OUs in snapshot order.
 *
 * @public
 */
export function rollupByUnit(
  snapshot: OrganizationSnapshot,
  report: ComplianceReport,
): { id: string; name: string; counts: ComplianceCounts }[] {
  const units = [
    { id: snapshot.root.id, name: snapshot.root.name },
    ...snapshot.organizationalUnits.map(u => ({ id: u.id, name: u.name })),
  ];
  const counts = new Map(units.map(u => [u.id, emptyComplianceCounts()]));
  for (const account of snapshot.accounts) {
    const status = report.accountSummaries.get(account.id)?.status;
    if (!status) continue;
    for (const id of new Set([...account.path, account.parentId])) {
      const c = counts.get(id);
      if (c) c[status]++;
    }
  }
  return units.map(u => ({ ...u, counts: counts.get(u.id)! }));
}

/**
 * Account statuses per owner (catalog ref), sorted by ref. Accounts without
 * an owner ref are left out.
 *
 * @public
 */
export function rollupByOwner(
  resolution: SnapshotResolution,
  report: ComplianceReport,
): { ref: string; counts: ComplianceCounts }[] {
  const counts = new Map<string, ComplianceCounts>();
  for (const [accountId, summary] of report.accountSummaries) {
    const ref = resolution.accountOwners[accountId]?.ref;
    if (!ref) continue;
    const c = counts.get(ref) ?? emptyComplianceCounts();
    c[summary.status]++;
    counts.set(ref, c);
  }
  return [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([ref, c]) => ({ ref, counts: c }));
}

/**
 * Account statuses of the accounts a service runs in (through its
 * `amazonaws.com/account-id` annotation), e.g. for a service card.
 *
 * @public
 */
export function rollupForAccounts(
  report: ComplianceReport,
  accountIds: readonly string[],
): ComplianceCounts {
  const counts = emptyComplianceCounts();
  for (const id of new Set(accountIds)) {
    const status = report.accountSummaries.get(id)?.status;
    if (status) counts[status]++;
  }
  return counts;
}
