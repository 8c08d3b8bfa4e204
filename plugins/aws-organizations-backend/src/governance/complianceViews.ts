import {
  AccountCompliance,
  ComplianceCounts,
  DEFAULT_SUMMARY_OWNERS,
  OrganizationComplianceSummary,
  OwnerCompliance,
  Page,
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
 * - `byOwner`: the `options.owners` (default 10) owners with the most
 *   non-compliant accounts, then the most with warnings, the most accounts,
 *   by ref (see {@link ownersCompliance}); `ownerCount` counts them all, so
 *   the summary stays small however many teams own accounts.
 * - `organizationResults`: the results of organization-level rules.
 */
export function complianceSummary(
  index: GovernanceIndex,
  report: ComplianceReport,
  options: { owners?: number } = {},
): OrganizationComplianceSummary {
  const owners = options.owners ?? DEFAULT_SUMMARY_OWNERS;
  const cache = cachedOf(index, report).summaries;
  let summary = cache.get(owners);
  if (!summary) {
    summary = computeSummary(index, report, owners);
    cache.set(owners, summary);
  }
  return summary;
}

/**
 * What the compliance views derive from one index and report, by index:
 * every page load asks for the summary, so a request after the first costs
 * nothing that grows with the organization (at 20,000 accounts one summary
 * walks 200,000 results).
 */
const viewCache = new WeakMap<
  GovernanceIndex,
  {
    report: ComplianceReport;
    /** By the number of owners listed. */
    summaries: Map<number, OrganizationComplianceSummary>;
    owners?: Map<string, ComplianceCounts>;
  }
>();

function cachedOf(index: GovernanceIndex, report: ComplianceReport) {
  let cached = viewCache.get(index);
  if (!cached || cached.report !== report) {
    cached = { report, summaries: new Map() };
    viewCache.set(index, cached);
  }
  return cached;
}

function computeSummary(
  index: GovernanceIndex,
  report: ComplianceReport,
  ownersListed: number,
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
  for (const account of snapshot.accounts) {
    const unitId = account.path[1] ?? snapshot.root.id;
    let unitCounts = byUnitId.get(unitId);
    if (!unitCounts)
      byUnitId.set(unitId, (unitCounts = emptyComplianceCounts()));
    unitCounts[status(account.id)]++;
  }
  const owners = ownerCounts(index, report);
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
    byOwner: worstOwners(owners, ownersListed),
    ownerCount: owners.size,
    organizationResults: report.organization,
  };
}

/**
 * Accounts per status for each owner ref, lower-cased (refs are
 * case-insensitive; accounts without an owner ref are left out).
 */
function ownerCounts(
  index: GovernanceIndex,
  report: ComplianceReport,
): Map<string, ComplianceCounts> {
  const cached = cachedOf(index, report);
  cached.owners ??= computeOwnerCounts(index, report);
  return cached.owners;
}

function computeOwnerCounts(
  index: GovernanceIndex,
  report: ComplianceReport,
): Map<string, ComplianceCounts> {
  const byRef = new Map<string, ComplianceCounts>();
  for (const account of index.snapshot.accounts) {
    const ref = index.resolution.accountOwners[account.id]?.ref?.toLowerCase();
    if (!ref) continue;
    let counts = byRef.get(ref);
    if (!counts) byRef.set(ref, (counts = emptyComplianceCounts()));
    counts[accountStatus(report, account.id).status]++;
  }
  return byRef;
}

const accountTotal = (c: ComplianceCounts) =>
  c.pass + c.fail + c.warn + c.unknown;

/**
 * The first `limit` owners by most non-compliant accounts, then most with
 * warnings, most accounts, ref.
 */
function worstOwners(
  owners: Map<string, ComplianceCounts>,
  limit: number,
): OwnerCompliance[] {
  return [...owners]
    .map(([ref, counts]) => ({ ref, counts }))
    .sort(
      (a, b) =>
        b.counts.fail - a.counts.fail ||
        b.counts.warn - a.counts.warn ||
        accountTotal(b.counts) - accountTotal(a.counts) ||
        compareText(a.ref, b.ref),
    )
    .slice(0, limit);
}

/**
 * `GET /compliance/owners`: every owner of accounts with its accounts per
 * compliance status, by ref, a page at a time; `q` keeps the refs holding it
 * (case-insensitive), `ref` the one owner it names (lower-case full ref).
 */
export function ownersCompliance(
  index: GovernanceIndex,
  report: ComplianceReport,
  query: { q?: string; ref?: string; offset: number; limit: number },
): Page<OwnerCompliance> {
  const needle = query.q?.trim().toLowerCase();
  const matching = [...ownerCounts(index, report)]
    .filter(
      ([ref]) =>
        (query.ref === undefined || ref === query.ref) &&
        (!needle || ref.includes(needle)),
    )
    .sort(([a], [b]) => compareText(a, b));
  return {
    items: matching
      .slice(query.offset, query.offset + query.limit)
      .map(([ref, counts]) => ({ ref, counts })),
    totalCount: matching.length,
    offset: query.offset,
    limit: query.limit,
  };
}
