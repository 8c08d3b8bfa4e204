import {
  AccountCompliance,
  ComplianceCounts,
  OrganizationComplianceSummary,
  emptyComplianceCounts,
} from '@aws-governance/plugin-aws-organizations-common';
import { ComplianceReport } from '../compliance/types';
import { accountStatus, countStatuses } from './complianceCounts';
import { compareText } from './order';
import { GovernanceIndex } from './types';

/**
 * `GET /accounts/:id/compliance`: the account's results, most severe first,
 * and its summary. Undefined when the report has no results for the account
 * (it is not in the snapshot the report was made from).
 */
export function accountCompliance(
  report: ComplianceReport,
  accountId: string,
): AccountCompliance | undefined {
  const results = report.accounts.get(accountId);
  if (!results) return undefined;
  return {
    accountId,
    summary: accountStatus(report, accountId),
    results,
    evaluatedAt: report.evaluatedAt,
  };
}

/**
 * `GET /compliance/summary`: the organization's compliance at a glance.
 *
 * - `accounts`: accounts per overall status.
 * - `rules`: every enabled rule, in the report's order, with its results
 *   per status (over accounts for account rules, the organization's result
 *   for organization rules).
 * - `byUnit`: one entry per top-level OU, counting the accounts in it and
 *   below, plus one for the root counting the accounts directly under it
 *   (only when there are any): together they partition the accounts, so a
 *   chart of them neither double counts nor drowns in deep OUs.
 * - `byOwner`: accounts per status for each owner ref, lower-cased (refs
 *   are case-insensitive; accounts without an owner ref are left out),
 *   ordered by ref.
 * - `organizationResults`: the results of organization-level rules.
 */
export function complianceSummary(
  index: GovernanceIndex,
  report: ComplianceReport,
): OrganizationComplianceSummary {
  const { snapshot } = index;
  const status = (accountId: string) => accountStatus(report, accountId).status;

  const ruleCounts = new Map<string, ComplianceCounts>(
    report.rules.map(rule => [rule.id, emptyComplianceCounts()]),
  );
  const countResult = (ruleId: string, result: keyof ComplianceCounts) => {
    const counts = ruleCounts.get(ruleId);
    if (counts) counts[result]++;
  };
  for (const results of report.accounts.values()) {
    for (const result of results) countResult(result.rule.id, result.status);
  }
  for (const result of report.organization) {
    countResult(result.rule.id, result.status);
  }

  const byUnitId = new Map<string, ComplianceCounts>();
  const byOwnerRef = new Map<string, ComplianceCounts>();
  for (const account of snapshot.accounts) {
    const accountStatusValue = status(account.id);
    const unitId = account.path[1] ?? snapshot.root.id;
    let unitCounts = byUnitId.get(unitId);
    if (!unitCounts)
      byUnitId.set(unitId, (unitCounts = emptyComplianceCounts()));
    unitCounts[accountStatusValue]++;
    const ref = index.resolution.accountOwners[account.id]?.ref?.toLowerCase();
    if (ref) {
      let ownerCounts = byOwnerRef.get(ref);
      if (!ownerCounts)
        byOwnerRef.set(ref, (ownerCounts = emptyComplianceCounts()));
      ownerCounts[accountStatusValue]++;
    }
  }
  const topLevel = index.children.get(snapshot.root.id)?.units ?? [];
  const byUnit: OrganizationComplianceSummary['byUnit'] = topLevel.map(
    unit => ({
      id: unit.id,
      name: unit.name,
      counts: byUnitId.get(unit.id) ?? emptyComplianceCounts(),
    }),
  );
  const direct = byUnitId.get(snapshot.root.id);
  if (direct) {
    byUnit.push({
      id: snapshot.root.id,
      name: snapshot.root.name,
      counts: direct,
    });
  }

  return {
    evaluatedAt: report.evaluatedAt,
    accounts: countStatuses(snapshot.accounts.map(a => status(a.id))),
    rules: report.rules.map(rule => ({
      ...rule,
      counts: ruleCounts.get(rule.id)!,
    })),
    byUnit,
    byOwner: [...byOwnerRef.entries()]
      .sort(([a], [b]) => compareText(a, b))
      .map(([ref, counts]) => ({ ref, counts })),
    organizationResults: report.organization,
  };
}
