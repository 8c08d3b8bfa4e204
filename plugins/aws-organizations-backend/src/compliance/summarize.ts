import {
  ComplianceStatus,
  ComplianceSummary,
  RuleResult,
  RuleSeverity,
  emptyComplianceCounts,
} from '@aws-governance/plugin-aws-organizations-common';

/** Higher is worse: fail > warn > unknown > pass. */
export const STATUS_RANK: Record<ComplianceStatus, number> = {
  pass: 0,
  unknown: 1,
  warn: 2,
  fail: 3,
};

/** Lower is more severe. */
export const SEVERITY_RANK: Record<RuleSeverity, number> = {
  critical: 0,
  high: 1,
  medium: 2,
  low: 3,
};

/** The worse of two statuses. @public */
export function worstStatus(
  a: ComplianceStatus,
  b: ComplianceStatus,
): ComplianceStatus {
  return STATUS_RANK[b] > STATUS_RANK[a] ? b : a;
}

/** Most severe rule first, then worst status, then rule id. */
export function compareResults(a: RuleResult, b: RuleResult): number {
  return (
    SEVERITY_RANK[a.rule.severity] - SEVERITY_RANK[b.rule.severity] ||
    STATUS_RANK[b.status] - STATUS_RANK[a.status] ||
    a.rule.id.localeCompare(b.rule.id)
  );
}

/**
 * The overall status of a subject from its results: the worst status
 * (fail > warn > unknown > pass; `pass` when there is no result), the count
 * per status and the failing rules, most severe first.
 *
 * @public
 */
export function summarizeResults(
  results: readonly RuleResult[],
): ComplianceSummary {
  const counts = emptyComplianceCounts();
  let status: ComplianceStatus = 'pass';
  for (const result of results) {
    counts[result.status]++;
    status = worstStatus(status, result.status);
  }
  const failingRules = results
    .filter(r => r.status === 'fail')
    .sort(compareResults)
    .map(r => r.rule.id);
  return { status, counts, failingRules };
}
