import { AwsComplianceRule } from '@aws-governance/plugin-aws-organizations-node';
import {
  compliantSnapshot,
  identityCenterOf,
  grant,
  LOGS,
  MGMT,
  PARKED,
  PROD,
  resolutionOf,
} from '../__testUtils__/complianceFixtures';
import { createComplianceEngine } from './createComplianceEngine';
import { builtInComplianceRules } from './rules';

const NOW = () => new Date('2026-02-01T00:00:00.000Z');

const tagRule: AwsComplianceRule<{ key: string }> = {
  id: 'cost-center-tag',
  title: 'Accounts carry a cost center',
  severity: 'low',
  level: 'account',
  rationale: 'Finance allocates costs by it.',
  remediation: 'Tag the account.',
  defaultParameters: { key: 'cost-center' },
  evaluate: ({ account, parameters }) => {
    if ('unknown' in account.tags) {
      return { status: 'unknown', message: 'tags unknown' };
    }
    return account.tags[parameters.key]
      ? { status: 'pass', message: 'tagged' }
      : { status: 'fail', message: `no ${parameters.key} tag` };
  },
};

describe('createComplianceEngine', () => {
  it('passes every built-in rule on a compliant organization', () => {
    const snapshot = compliantSnapshot();
    const engine = createComplianceEngine({
      rules: builtInComplianceRules,
      now: NOW,
    });
    const report = engine.evaluate(snapshot, resolutionOf(snapshot));
    expect(report.evaluatedAt).toBe('2026-02-01T00:00:00.000Z');
    expect(report.rules.map(r => r.id)).toEqual(
      builtInComplianceRules.map(r => r.id),
    );
    const statuses = [...report.accounts.values()]
      .flat()
      .concat(report.organization)
      .map(r => `${r.rule.id}:${r.status}`);
    // The fixture connects no detector: the organization rules over them
    // say "not connected" (never pass), the account rules give no result.
    expect(statuses.filter(s => !s.endsWith(':pass'))).toEqual([
      'organization-trail-delivering:unknown',
      'detectors-delegated-administrator:unknown',
    ]);
    expect([...report.accounts.keys()]).toEqual([MGMT, PROD, LOGS, PARKED]);
    expect(report.accountSummaries.get(PROD)).toEqual({
      status: 'pass',
      counts: { pass: 8, fail: 0, warn: 0, unknown: 0 },
      failingRules: [],
    });
  });

  it('sorts results most severe first and summarizes the worst status', () => {
    const snapshot = compliantSnapshot();
    identityCenterOf(snapshot).assignments.push(
      grant(PROD, 'Admin', 'USER', 'u-ana'),
      grant(PROD, 'BreakGlass', 'GROUP', 'g-plat'),
    );
    const report = createComplianceEngine({
      rules: builtInComplianceRules,
    }).evaluate(snapshot, resolutionOf(snapshot));
    const results = report.accounts.get(PROD)!;
    expect(results.map(r => r.rule.severity)).toEqual([
      'critical',
      'high',
      'high',
      'high',
      'medium',
      'medium',
      'medium',
      'medium',
    ]);
    expect(report.accountSummaries.get(PROD)).toEqual({
      status: 'fail',
      counts: { pass: 6, fail: 2, warn: 0, unknown: 0 },
      failingRules: [
        'no-direct-privileged-user-assignments',
        'privileged-session-duration',
      ],
    });
  });

  it('applies config: disabled rules, severity overrides, parameters and scopes', () => {
    const snapshot = compliantSnapshot();
    const engine = createComplianceEngine({
      rules: [...builtInComplianceRules, tagRule],
      config: {
        rules: {
          'regions-restricted': { enabled: false, parameters: {} },
          'cost-center-tag': {
            enabled: true,
            severity: 'critical',
            parameters: { key: 'environment' },
            scope: {
              organizationalUnits: ['Workloads', 'ou-sec'],
              accounts: [PARKED],
              excludeAccounts: [LOGS],
            },
          },
        },
      },
    });
    expect(engine.rules().map(r => r.id)).not.toContain('regions-restricted');
    expect(engine.rules().find(r => r.id === 'cost-center-tag')?.severity).toBe(
      'critical',
    );
    const report = engine.evaluate(snapshot, resolutionOf(snapshot));
    const tagResult = (id: string) =>
      report.accounts.get(id)!.find(r => r.rule.id === 'cost-center-tag');
    // Workloads > Prod is in scope through its descendant OU.
    expect(tagResult(PROD)).toMatchObject({
      status: 'pass',
      rule: { severity: 'critical' },
    });
    expect(tagResult(PARKED)?.status).toBe('pass');
    expect(tagResult(LOGS)).toBeUndefined();
    expect(tagResult(MGMT)).toBeUndefined();
    expect(
      report.accounts.get(PROD)!.some(r => r.rule.id === 'regions-restricted'),
    ).toBe(false);
  });

  it('turns a rule that throws into an unknown result', () => {
    const broken: AwsComplianceRule = {
      ...tagRule,
      id: 'broken',
      evaluate: () => {
        throw new Error('boom');
      },
    };
    const snapshot = compliantSnapshot();
    const report = createComplianceEngine({ rules: [broken] }).evaluate(
      snapshot,
      resolutionOf(snapshot),
    );
    expect(report.accounts.get(PROD)).toEqual([
      expect.objectContaining({
        status: 'unknown',
        message: 'The rule could not be evaluated: boom',
        evidence: [],
      }),
    ]);
    expect(report.accountSummaries.get(PROD)?.status).toBe('unknown');
  });

  it('rejects duplicate rules and config for unknown rules', () => {
    expect(() => createComplianceEngine({ rules: [tagRule, tagRule] })).toThrow(
      'Duplicate compliance rule id "cost-center-tag"',
    );
    expect(() =>
      createComplianceEngine({
        rules: [tagRule],
        config: { rules: { nope: { enabled: true, parameters: {} } } },
      }),
    ).toThrow('Compliance config names an unknown rule "nope"');
  });

  it('keeps one copy of evidence and messages equal across accounts', () => {
    // At 5,000 accounts the per-account copies made the report the largest
    // thing the backend kept (docs/benchmarks.md).
    const rootStatement: AwsComplianceRule = {
      id: 'root-statement',
      title: 'A root statement',
      severity: 'low',
      level: 'account',
      rationale: 'r',
      remediation: 'r',
      defaultParameters: {},
      evaluate: ({ snapshot }) => ({
        status: 'pass',
        message: `denied at ${snapshot.root.name}`,
        evidence: [
          {
            kind: 'scp-statement',
            description: `Deny statement of p-1 at ${snapshot.root.name}`,
            policyId: 'p-1',
          },
        ],
      }),
    };
    const snapshot = compliantSnapshot();
    const report = createComplianceEngine({
      rules: [rootStatement],
      now: NOW,
    }).evaluate(snapshot, resolutionOf(snapshot));
    const [prod] = report.accounts.get(PROD)!;
    const [logs] = report.accounts.get(LOGS)!;
    expect(prod.evidence).toEqual([
      {
        kind: 'scp-statement',
        description: `Deny statement of p-1 at ${snapshot.root.name}`,
        policyId: 'p-1',
      },
    ]);
    expect(logs.evidence[0]).toBe(prod.evidence[0]);
    expect(logs.evidence).not.toBe(prod.evidence);
  });
});
