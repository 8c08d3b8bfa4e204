import {
  fakeReport,
  governanceResolution,
  governanceSnapshot,
} from '../__testUtils__/governance';
import { buildGovernanceIndex } from './buildGovernanceIndex';
import { accountCompliance, complianceSummary } from './complianceViews';

const report = fakeReport(
  {
    '111111111111': { a: 'pass' },
    '222222222222': { a: 'fail', b: 'pass' },
    '333333333333': { a: 'warn', b: 'fail' },
    '444444444444': { a: 'pass' },
    // 555555555555: no results, unknown.
  },
  { org: 'fail' },
);

describe('accountCompliance', () => {
  it('gives the results, the summary and when they were evaluated', () => {
    expect(accountCompliance(report, '333333333333')).toEqual({
      accountId: '333333333333',
      summary: {
        status: 'fail',
        counts: { pass: 0, fail: 1, warn: 1, unknown: 0 },
        failingRules: ['b'],
      },
      results: report.accounts.get('333333333333'),
      evaluatedAt: '2026-01-01T00:05:00.000Z',
    });
  });

  it('is undefined for an account the report lacks', () => {
    expect(accountCompliance(report, '999999999999')).toBeUndefined();
  });
});

describe('complianceSummary', () => {
  const summary = complianceSummary(
    buildGovernanceIndex(governanceSnapshot(), governanceResolution()),
    report,
  );

  it('counts accounts by status, unknown when the report lacks one', () => {
    expect(summary.evaluatedAt).toBe('2026-01-01T00:05:00.000Z');
    expect(summary.accounts).toEqual({ pass: 2, fail: 2, warn: 0, unknown: 1 });
  });

  it("counts each rule's results, organization rules included", () => {
    expect(summary.rules.map(r => [r.id, r.level, r.counts])).toEqual([
      ['a', 'account', { pass: 2, fail: 1, warn: 1, unknown: 0 }],
      ['b', 'account', { pass: 1, fail: 1, warn: 0, unknown: 0 }],
      ['org', 'organization', { pass: 0, fail: 1, warn: 0, unknown: 0 }],
    ]);
    expect(summary.rules[0].title).toBe('Rule a');
    expect(summary.organizationResults.map(r => [r.rule.id, r.status])).toEqual(
      [['org', 'fail']],
    );
  });

  it('partitions accounts by top-level OU, with the root for accounts directly in it', () => {
    expect(summary.byUnit).toEqual([
      {
        id: 'ou-dev',
        name: 'Dev',
        counts: { pass: 1, fail: 1, warn: 0, unknown: 1 },
      },
      {
        id: 'ou-prod',
        name: 'Prod',
        counts: { pass: 0, fail: 1, warn: 0, unknown: 0 },
      },
      {
        id: 'r-root',
        name: 'Root',
        counts: { pass: 1, fail: 0, warn: 0, unknown: 0 },
      },
    ]);
  });

  it('counts per owner ref case-insensitively, leaving out accounts without an owner', () => {
    // 555555555555's owner is written Group:Default/Platform.
    expect(summary.byOwner).toEqual([
      {
        ref: 'group:default/payments',
        counts: { pass: 0, fail: 1, warn: 0, unknown: 0 },
      },
      {
        ref: 'group:default/platform',
        counts: { pass: 1, fail: 0, warn: 0, unknown: 1 },
      },
    ]);
  });

  it('lists a top-level OU without accounts with zero counts', () => {
    const snapshot = governanceSnapshot();
    snapshot.accounts = snapshot.accounts.filter(
      a => !a.path.includes('ou-prod'),
    );
    const counts = complianceSummary(
      buildGovernanceIndex(snapshot, governanceResolution()),
      report,
    ).byUnit.find(u => u.id === 'ou-prod')!.counts;
    expect(counts).toEqual({ pass: 0, fail: 0, warn: 0, unknown: 0 });
  });
});
