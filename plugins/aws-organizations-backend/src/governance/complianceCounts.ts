import {
  ComplianceCounts,
  ComplianceStatus,
  ComplianceSummary,
  emptyComplianceCounts,
} from '@aws-governance/plugin-aws-organizations-common';
import { ComplianceReport } from '../compliance/types';

/** Adds `from` into `into`. */
export function addCounts(into: ComplianceCounts, from: ComplianceCounts) {
  into.pass += from.pass;
  into.fail += from.fail;
  into.warn += from.warn;
  into.unknown += from.unknown;
}

/**
 * The compliance summary of an account; `unknown` with no results when the
 * report has none for it (e.g. a report of another snapshot).
 */
export function accountStatus(
  report: ComplianceReport,
  accountId: string,
): ComplianceSummary {
  return (
    report.accountSummaries.get(accountId) ?? {
      status: 'unknown',
      counts: emptyComplianceCounts(),
      failingRules: [],
    }
  );
}

/** Counts accounts by their overall status. */
export function countStatuses(
  statuses: Iterable<ComplianceStatus>,
): ComplianceCounts {
  const counts = emptyComplianceCounts();
  for (const status of statuses) counts[status]++;
  return counts;
}
