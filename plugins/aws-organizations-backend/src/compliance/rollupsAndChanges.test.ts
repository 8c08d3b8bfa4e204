import {
  compliantSnapshot,
  grant,
  identityCenterOf,
  LOGS,
  PARKED,
  PROD,
  resolutionOf,
} from '../__testUtils__/complianceFixtures';
import { complianceChanges } from './complianceChanges';
import { createComplianceEngine } from './createComplianceEngine';
import { rollupByOwner, rollupByUnit, rollupForAccounts } from './rollups';
import { builtInComplianceRules } from './rules';
import { summarizeResults } from './summarize';

const engine = createComplianceEngine({ rules: builtInComplianceRules });

function failingSnapshot() {
  const snapshot = compliantSnapshot();
  identityCenterOf(snapshot).assignments.push(
    grant(PROD, 'Admin', 'USER', 'u-ana'),
  );
  snapshot.accounts.find(a => a.id === LOGS)!.tags = {
    unknown: true,
    reason: 'throttled',
  };
  return snapshot;
}

describe('rollups', () => {
  it('counts account statuses per unit, descendants included, and per owner', () => {
    const snapshot = failingSnapshot();
    const resolution = resolutionOf(snapshot);
    const report = engine.evaluate(snapshot, resolution);
    expect(rollupByUnit(snapshot, report)).toEqual([
      {
        id: 'r-root',
        name: 'Root',
        counts: { pass: 2, fail: 1, warn: 0, unknown: 1 },
      },
      {
        id: 'ou-work',
        name: 'Workloads',
        counts: { pass: 0, fail: 1, warn: 0, unknown: 0 },
      },
      {
        id: 'ou-prod',
        name: 'Prod',
        counts: { pass: 0, fail: 1, warn: 0, unknown: 0 },
      },
      {
        id: 'ou-sec',
        name: 'Security',
        counts: { pass: 0, fail: 0, warn: 0, unknown: 1 },
      },
      {
        id: 'ou-park',
        name: 'Parked',
        counts: { pass: 1, fail: 0, warn: 0, unknown: 0 },
      },
    ]);
    expect(rollupByOwner(resolution, report)).toEqual([
      {
        ref: 'group:default/platform',
        counts: { pass: 1, fail: 1, warn: 0, unknown: 0 },
      },
      {
        ref: 'group:default/security',
        counts: { pass: 1, fail: 0, warn: 0, unknown: 1 },
      },
    ]);
    expect(rollupForAccounts(report, [PROD, PARKED, PROD])).toEqual({
      pass: 1,
      fail: 1,
      warn: 0,
      unknown: 0,
    });
  });
});

describe('summarizeResults', () => {
  it('ranks fail over warn over unknown over pass', () => {
    const result = (id: string, status: any, severity: any = 'low') => ({
      rule: {
        id,
        title: id,
        severity,
        rationale: '',
        remediation: '',
        level: 'account' as const,
      },
      status,
      message: '',
      evidence: [],
    });
    expect(summarizeResults([])).toEqual({
      status: 'pass',
      counts: { pass: 0, fail: 0, warn: 0, unknown: 0 },
      failingRules: [],
    });
    expect(
      summarizeResults([result('a', 'unknown'), result('b', 'warn')]).status,
    ).toBe('warn');
    expect(
      summarizeResults([result('a', 'unknown'), result('b', 'pass')]).status,
    ).toBe('unknown');
    expect(
      summarizeResults([
        result('low-rule', 'fail', 'low'),
        result('warned', 'warn'),
        result('critical-rule', 'fail', 'critical'),
      ]),
    ).toEqual({
      status: 'fail',
      counts: { pass: 0, fail: 2, warn: 1, unknown: 0 },
      failingRules: ['critical-rule', 'low-rule'],
    });
  });
});

describe('complianceChanges', () => {
  it('records each flip per account and rule, and organization flips', () => {
    const before = compliantSnapshot();
    const after = failingSnapshot();
    after.accounts.find(a => a.id === LOGS)!.state = 'SUSPENDED';
    const previous = engine.evaluate(before, resolutionOf(before));
    const current = engine.evaluate(after, resolutionOf(after));
    expect(complianceChanges(previous, current, after)).toEqual([
      {
        kind: 'compliance.changed',
        subjectId: PROD,
        accountId: PROD,
        summary:
          'payments-prod: no-direct-privileged-user-assignments pass → fail',
        details: {
          ruleId: 'no-direct-privileged-user-assignments',
          from: 'pass',
          to: 'fail',
          severity: 'high',
          message:
            'Privileged permission sets assigned directly to ana (Admin)',
        },
      },
      expect.objectContaining({
        accountId: LOGS,
        summary: 'log-archive: owner-resolvable pass → unknown',
      }),
      {
        kind: 'compliance.changed',
        subjectId: 'o-test',
        summary: 'organization: security-logging-account pass → fail',
        details: expect.objectContaining({
          ruleId: 'security-logging-account',
          from: 'pass',
          to: 'fail',
        }),
      },
    ]);
    // Rules that start or stop applying (here: the suspended-account rule
    // on log-archive) are no flip; without a snapshot, ids name accounts.
    expect(complianceChanges(previous, current)[0].summary).toBe(
      `${PROD}: no-direct-privileged-user-assignments pass → fail`,
    );
    expect(complianceChanges(current, current)).toEqual([]);
  });
});
