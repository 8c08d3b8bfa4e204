import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  AccountFindingsPage,
  awsOrganizationsFindingCountsReadPermission,
  awsOrganizationsFindingsReadPermission,
  FINDING_SEVERITIES,
  SecurityFinding,
  TeamAccountFindings,
  TeamFindingsResponse,
  totalSeverityCounts,
} from '@aws-governance/plugin-aws-organizations-common';
import { accountOriginCounts, accountsOwnedBy } from '../governance/findings';
import { GovernanceIndex } from '../governance/types';
import { AccountPermissions } from './accountPermissions';
import { parsePrincipalPath } from './governanceQueries';

/** Accounts read from AWS at once for a team page. */
const CONCURRENCY = 4;

/**
 * Accounts whose findings one team page reads from AWS at most: those with
 * the most findings at the last sync first; the rest make the answer
 * `truncated` (their pages are a click away).
 */
export const MAX_TEAM_ACCOUNTS_READ = 25;

const RANK = new Map(FINDING_SEVERITIES.map((s, i) => [s, i]));

/** Most severe first, then the most recently updated. */
export function compareFindings(a: SecurityFinding, b: SecurityFinding) {
  return (
    RANK.get(a.severity)! - RANK.get(b.severity)! ||
    (b.updatedAt ?? b.firstObservedAt ?? '').localeCompare(
      a.updatedAt ?? a.firstObservedAt ?? '',
    ) ||
    a.id.localeCompare(b.id)
  );
}

/** Runs `task` over `items`, `limit` at a time, results in order. */
async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, worker),
  );
  return results;
}

/**
 * The findings across the accounts a team owns: counts of the accounts the
 * caller may read counts of, findings of those it may read findings of
 * (each read on demand, cached by the reader), most severe first.
 */
export async function teamFindings(options: {
  params: { namespace: string; name: string };
  limit: number;
  index: GovernanceIndex;
  credentials: BackstageCredentials;
  permissions: AccountPermissions;
  readFindings: (
    accountId: string,
    limit: number,
  ) => Promise<AccountFindingsPage>;
}): Promise<TeamFindingsResponse> {
  const { index, credentials, permissions, limit } = options;
  const teamRef = parsePrincipalPath({ kind: 'group', ...options.params });
  const accounts = accountsOwnedBy(index, teamRef);
  const ids = accounts.map(a => a.id);
  const [countable, readable] = await Promise.all([
    permissions.allowed(
      credentials,
      awsOrganizationsFindingCountsReadPermission,
      ids,
    ),
    permissions.allowed(
      credentials,
      awsOrganizationsFindingsReadPermission,
      ids,
    ),
  ]);
  const totals = new Map(
    accounts.map(a => [
      a.id,
      totalSeverityCounts(accountOriginCounts(index.snapshot.signals, a.id)),
    ]),
  );
  const weight = (id: string) => {
    const t = totals.get(id)!;
    return [t.CRITICAL, t.HIGH, t.MEDIUM, t.LOW, t.INFORMATIONAL];
  };
  const toRead = accounts
    .filter(a => readable.has(a.id))
    .sort((a, b) => {
      const wa = weight(a.id);
      const wb = weight(b.id);
      for (let i = 0; i < wa.length; i++) {
        if (wa[i] !== wb[i]) return wb[i] - wa[i];
      }
      return 0;
    });
  const read = toRead.slice(0, MAX_TEAM_ACCOUNTS_READ);
  const included = new Set(read.map(a => a.id));
  const pages = await mapBounded(read, CONCURRENCY, account =>
    options.readFindings(account.id, limit),
  );
  const findings = pages.flatMap(p => p.findings).sort(compareFindings);
  const rows: TeamAccountFindings[] = accounts.map(account => ({
    accountId: account.id,
    accountName: account.name,
    ...(countable.has(account.id) ? { total: totals.get(account.id)! } : {}),
    findingsIncluded: included.has(account.id),
  }));
  return {
    teamRef,
    accounts: rows,
    findings: findings.slice(0, limit),
    truncated:
      findings.length > limit ||
      pages.some(p => p.truncated) ||
      toRead.length > MAX_TEAM_ACCOUNTS_READ,
    notConnected: pages.flatMap(p =>
      p.notConnected.map(n => ({ ...n, accountId: p.accountId })),
    ),
  };
}
