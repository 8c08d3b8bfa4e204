import { ComplianceStatus } from '@aws-governance/plugin-aws-organizations-common';
import {
  fakeReport,
  governanceResolution,
  governanceSnapshot,
} from '../__testUtils__/governance';
import { buildGovernanceIndex } from './buildGovernanceIndex';
import {
  accountCompliance,
  complianceSummary,
  ownersCompliance,
} from './complianceViews';

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
    expect(summary.ownerCount).toBe(2);
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

/** Every account owned by a team of its own: as many owners as accounts. */
function manyOwners(count: number) {
  const snapshot = governanceSnapshot();
  const template = snapshot.accounts[0];
  snapshot.accounts = Array.from({ length: count }, (_, i) => ({
    ...template,
    id: String(100000000000 + i),
    name: `account-${i}`,
  }));
  const resolution = governanceResolution();
  resolution.accountOwners = Object.fromEntries(
    snapshot.accounts.map((a, i) => [
      a.id,
      {
        ref: `group:default/team-${String(i).padStart(4, '0')}`,
        source: 'account-tag' as const,
        resolvable: true,
      },
    ]),
  );
  // Every third account fails, every fifth of the others warns; the rest
  // pass.
  const statusOf = (i: number): ComplianceStatus => {
    if (i % 3 === 0) return 'fail';
    return i % 5 === 0 ? 'warn' : 'pass';
  };
  const results = Object.fromEntries(
    snapshot.accounts.map((a, i) => [a.id, { a: statusOf(i) }]),
  );
  return {
    index: buildGovernanceIndex(snapshot, resolution),
    report: fakeReport(results, {}),
  };
}

describe('the summary of one index and report', () => {
  const index = buildGovernanceIndex(
    governanceSnapshot(),
    governanceResolution(),
  );

  it('is computed once per number of owners, again for a new report', () => {
    const first = complianceSummary(index, report);
    expect(complianceSummary(index, report)).toBe(first);
    expect(complianceSummary(index, report, { owners: 1 })).not.toBe(first);
    const next = fakeReport(
      {
        '111111111111': { a: 'fail' },
        '222222222222': { a: 'fail', b: 'pass' },
        '333333333333': { a: 'warn', b: 'fail' },
        '444444444444': { a: 'pass' },
      },
      { org: 'pass' },
    );
    const summary = complianceSummary(index, next);
    expect(summary.accounts).toEqual({ pass: 1, fail: 3, warn: 0, unknown: 1 });
  });
});

describe('owners in the summary', () => {
  const { index, report: manyReport } = manyOwners(1000);

  it('lists the 10 owners with the most non-compliant accounts and counts them all', () => {
    const summary = complianceSummary(index, manyReport);
    expect(summary.ownerCount).toBe(1000);
    expect(summary.byOwner).toHaveLength(10);
    // Ties on counts are broken by ref.
    expect(summary.byOwner.map(o => o.ref)).toEqual(
      [0, 3, 6, 9, 12, 15, 18, 21, 24, 27].map(
        i => `group:default/team-${String(i).padStart(4, '0')}`,
      ),
    );
    expect(summary.byOwner[0].counts).toEqual({
      pass: 0,
      fail: 1,
      warn: 0,
      unknown: 0,
    });
  });

  it('lists as many owners as asked, none for 0', () => {
    expect(
      complianceSummary(index, manyReport, { owners: 100 }).byOwner,
    ).toHaveLength(100);
    const none = complianceSummary(index, manyReport, { owners: 0 });
    expect(none.byOwner).toEqual([]);
    expect(none.ownerCount).toBe(1000);
  });

  it('puts warnings after failures, then the owners with more accounts', () => {
    const snapshot = governanceSnapshot();
    const resolution = governanceResolution();
    // payments: one account, with a warning; platform: two accounts, one
    // passing, one unknown (no results).
    const owners = complianceSummary(
      buildGovernanceIndex(snapshot, resolution),
      fakeReport(
        {
          '222222222222': { a: 'warn' },
          '444444444444': { a: 'pass' },
        },
        {},
      ),
    ).byOwner.map(o => o.ref);
    expect(owners).toEqual([
      'group:default/payments',
      'group:default/platform',
    ]);
  });
});

describe('ownersCompliance', () => {
  const { index, report: manyReport } = manyOwners(120);
  const page = (query: Partial<Parameters<typeof ownersCompliance>[2]>) =>
    ownersCompliance(index, manyReport, { offset: 0, limit: 50, ...query });

  it('pages every owner by ref', () => {
    const first = page({});
    expect(first.totalCount).toBe(120);
    expect(first.items).toHaveLength(50);
    expect(first.items[0].ref).toBe('group:default/team-0000');
    const last = page({ offset: 100 });
    expect(last.items.map(o => o.ref)).toHaveLength(20);
    expect(last.items[19].ref).toBe('group:default/team-0119');
  });

  it('keeps the refs holding q, case-insensitively', () => {
    const found = page({ q: 'TEAM-011' });
    expect(found.totalCount).toBe(10);
    expect(found.items.map(o => o.ref)).toContain('group:default/team-0119');
  });

  it('gives the one owner a ref names, with its counts', () => {
    expect(page({ ref: 'group:default/team-0003' })).toEqual({
      items: [
        {
          ref: 'group:default/team-0003',
          counts: { pass: 0, fail: 1, warn: 0, unknown: 0 },
        },
      ],
      totalCount: 1,
      offset: 0,
      limit: 50,
    });
    expect(page({ ref: 'group:default/nobody' }).totalCount).toBe(0);
  });
});
