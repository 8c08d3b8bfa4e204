import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AccountFindingsPage,
  SecurityFinding,
} from '@aws-governance/plugin-aws-organizations-common';
import { fixtureSignals, severities } from '../__testUtils__/findings';
import { governanceResolution } from '../__testUtils__/governance';
import { baseSnapshot, account, ROOT_ID } from '../__testUtils__/snapshots';
import { buildGovernanceIndex } from '../governance';
import { AccountPermissions } from './accountPermissions';
import {
  compareFindings,
  MAX_TEAM_ACCOUNTS_READ,
  teamFindings,
} from './teamFindings';

/** 30 accounts owned by payments; account n has n high findings. */
function bigTeam() {
  const snapshot = baseSnapshot();
  const resolution = governanceResolution();
  const signals = fixtureSignals();
  signals.findings = {};
  for (let n = 0; n < 30; n++) {
    const id = String(900000000000 + n);
    snapshot.accounts.push(account(id, `team-${n}`, [ROOT_ID]));
    resolution.accountOwners[id] = {
      ref: 'group:default/payments',
      source: 'account-tag',
      resolvable: true,
    };
    if (n > 0) {
      signals.findings[id] = {
        byOrigin: { 'security-hub': severities({ HIGH: n }) },
        agedCriticalHigh: [],
      };
    }
  }
  return buildGovernanceIndex({ ...snapshot, signals }, resolution);
}

const finding = (accountId: string, severity: any, updatedAt: string) =>
  ({
    id: `${accountId}-${severity}-${updatedAt}`,
    origin: 'security-hub',
    productName: 'Security Hub',
    severity,
    title: 't',
    accountId,
    region: 'us-east-1',
    updatedAt,
    consoleUrl: 'https://console',
  } as SecurityFinding);

const allowAll: AccountPermissions = {
  allowed: async (_c, _p, ids) => new Set(ids),
  admitted: async () => ({ kind: 'all' }),
};

describe('teamFindings', () => {
  it('reads the accounts with the most findings first, at most 25, and says when it stopped', async () => {
    const read: string[] = [];
    const answer = await teamFindings({
      params: { namespace: 'default', name: 'payments' },
      limit: 100,
      index: bigTeam(),
      credentials: mockCredentials.user(),
      permissions: allowAll,
      readFindings: async (accountId): Promise<AccountFindingsPage> => {
        read.push(accountId);
        return {
          accountId,
          findings: [finding(accountId, 'HIGH', '2026-01-01')],
          truncated: false,
          readAt: '2026-01-02T00:00:00Z',
          notConnected: [],
        };
      },
    });
    expect(read).toHaveLength(MAX_TEAM_ACCOUNTS_READ);
    expect(read).toContain('900000000029');
    expect(read).not.toContain('900000000000');
    expect(answer.truncated).toBe(true);
    const included = answer.accounts.filter(a => a.findingsIncluded);
    expect(included.map(a => a.accountId).sort()).toEqual([...read].sort());
    // payments-dev (222222222222) is the team's too, without findings.
    expect(answer.accounts).toHaveLength(31);
  });

  it('orders findings by severity, then the most recently updated', () => {
    const list = [
      finding('a', 'LOW', '2026-01-03'),
      finding('a', 'CRITICAL', '2026-01-01'),
      finding('a', 'HIGH', '2026-01-01'),
      finding('a', 'HIGH', '2026-01-02'),
    ].sort(compareFindings);
    expect(list.map(f => `${f.severity} ${f.updatedAt}`)).toEqual([
      'CRITICAL 2026-01-01',
      'HIGH 2026-01-02',
      'HIGH 2026-01-01',
      'LOW 2026-01-03',
    ]);
  });
});
