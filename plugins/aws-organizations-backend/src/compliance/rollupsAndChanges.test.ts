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
          accessEvidence: true,
        },
      },
      expect.objectContaining({
        accountId: LOGS,
        summary: 'log-archive: owner-resolvable pass → unknown',
        details: expect.objectContaining({ accessEvidence: false }),
      }),
    ]);
    // Without a snapshot, ids name accounts; no change, no entry.
    expect(complianceChanges(previous, current)[0].summary).toBe(
      `${PROD}: no-direct-privileged-user-assignments pass → fail`,
    );
    expect(complianceChanges(current, current)).toEqual([]);
  });

  it('records results that appear and disappear: a suspended account starts failing the suspended-account rule, its guardrail rules stop', () => {
    const before = compliantSnapshot();
    const after = compliantSnapshot();
    after.accounts.find(a => a.id === LOGS)!.state = 'SUSPENDED';
    const previous = engine.evaluate(before, resolutionOf(before));
    const current = engine.evaluate(after, resolutionOf(after));
    const changes = complianceChanges(previous, current, after);
    expect(changes.map(c => c.summary)).toEqual([
      'log-archive: suspended-account-no-assignments (no result) → fail',
      'log-archive: cloudtrail-protected pass → (no result)',
      'log-archive: regions-restricted pass → (no result)',
      'organization: security-logging-account pass → fail',
    ]);
    expect(changes[0]).toEqual({
      kind: 'compliance.changed',
      subjectId: LOGS,
      accountId: LOGS,
      summary:
        'log-archive: suspended-account-no-assignments (no result) → fail',
      details: {
        ruleId: 'suspended-account-no-assignments',
        from: null,
        to: 'fail',
        severity: 'medium',
        message: 'The suspended account still holds 1 assignment(s)',
        accessEvidence: true,
      },
    });
    expect(changes[1].details).toMatchObject({
      from: 'pass',
      to: null,
      message: expect.stringMatching(/no longer applies to log-archive/),
    });
  });

  it('records every result of an account new since the last sync, failing ones included', () => {
    const before = compliantSnapshot();
    before.accounts = before.accounts.filter(a => a.id !== PARKED);
    identityCenterOf(before).assignments = identityCenterOf(
      before,
    ).assignments.filter(a => a.accountId !== PARKED);
    const after = compliantSnapshot();
    identityCenterOf(after).assignments.push(
      grant(PARKED, 'Admin', 'USER', 'u-ana'),
    );
    const previous = engine.evaluate(before, resolutionOf(before));
    const current = engine.evaluate(after, resolutionOf(after));
    const changes = complianceChanges(previous, current, after);
    const results = current.accounts.get(PARKED)!;
    expect(changes.filter(c => c.accountId === PARKED)).toHaveLength(
      results.length,
    );
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          accountId: PARKED,
          summary: expect.stringMatching(
            /: no-direct-privileged-user-assignments \(no result\) → fail$/,
          ),
          details: expect.objectContaining({ from: null, to: 'fail' }),
        }),
      ]),
    );
    // An account that left the organization: account.removed says it.
    expect(complianceChanges(current, previous, before)).toEqual([]);
  });
});
