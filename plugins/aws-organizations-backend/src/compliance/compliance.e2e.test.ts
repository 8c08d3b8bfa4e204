import {
  DEMO_IDS,
  RunningEmulator,
  startEmulator,
} from '@aws-governance/aws-emulator';
import { mockServices } from '@backstage/backend-test-utils';
import {
  catalogDirectoryFromYaml,
  DEFAULT_RESOLUTION_SETTINGS,
  readEmulatorSnapshot,
} from '../__testUtils__/demoCatalog';
import { resolveSnapshot } from '../resolution/resolveSnapshot';
import { builtInComplianceRules, createComplianceEngine } from '.';

jest.setTimeout(60_000);

describe('compliance on the emulator demo organization', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ dataset: 'demo' });
  });
  afterAll(async () => {
    await emu.close();
  });

  it('finds exactly the 7 deliberate violations of the demo', async () => {
    const snapshot = await readEmulatorSnapshot(
      emu,
      mockServices.logger.mock(),
    );
    expect(snapshot.complete).toBe(true);
    const resolution = resolveSnapshot(
      snapshot,
      DEFAULT_RESOLUTION_SETTINGS,
      catalogDirectoryFromYaml(),
    );
    const report = createComplianceEngine({
      rules: builtInComplianceRules,
    }).evaluate(snapshot, resolution);

    const names = new Map(snapshot.accounts.map(a => [a.id, a.name]));
    const byStatus = (status: string) => [
      ...[...report.accounts].flatMap(([id, results]) =>
        results
          .filter(r => r.status === status)
          .map(r => `${names.get(id)}: ${r.rule.id}`),
      ),
      ...report.organization
        .filter(r => r.status === status)
        .map(r => `organization: ${r.rule.id}`),
    ];

    expect(byStatus('fail').sort()).toEqual(
      [
        // 1. a user, not a group, holds admin on production
        'payments-prod-us: no-direct-privileged-user-assignments',
        // 2. platform has admin on the management account
        'acme-management: management-account-access',
        // 3. DataEngineer has no permissions boundary
        'data-platform-prod-us: permissions-boundary-required',
        // 4. BreakGlassAdmin sessions last 12 hours
        'acme-management: privileged-session-duration',
        // 5. no owner on sandbox-platform nor on the Sandbox OU
        'sandbox-platform: owner-resolvable',
        // 6. legacy-marketing is suspended and finance keeps Billing
        'legacy-marketing: suspended-account-no-assignments',
        // 7. discovery-prod-eu is outside Workloads: IAM users can be created
        'discovery-prod-eu: iam-user-creation-blocked',
      ].sort(),
    );
    // No detector is configured in this backend: the organization rules
    // over them say "not connected", the account rules give no result.
    expect(byStatus('unknown')).toEqual([
      'organization: organization-trail-delivering',
      'organization: detectors-delegated-administrator',
    ]);
    expect(byStatus('warn')).toEqual([]);

    // The evidence names what decided.
    const results = (id: string) => report.accounts.get(id) ?? [];
    const find = (id: string, ruleId: string) =>
      results(id).find(r => r.rule.id === ruleId)!;
    expect(
      find('724108355203', 'no-direct-privileged-user-assignments'),
    ).toMatchObject({
      evidence: [
        expect.objectContaining({
          kind: 'assignment',
          principalType: 'USER',
          description: expect.stringContaining('user tom.okafor'),
        }),
      ],
    });
    expect(
      find('724108355201', 'iam-user-creation-blocked').evidence,
    ).toContainEqual(
      expect.objectContaining({
        kind: 'scp-statement',
        policyId: DEMO_IDS.policies.DenyIamUserCreation,
        sid: 'DenyIamUserCreation',
      }),
    );
    expect(find('746620577403', 'iam-user-creation-blocked').message).toMatch(
      /No SCP denies iam:CreateUser and iam:CreateAccessKey/,
    );
    expect(find('724108355204', 'regions-restricted')).toMatchObject({
      status: 'pass',
      evidence: [
        expect.objectContaining({
          policyId: DEMO_IDS.policies.RegionRestriction,
          sid: 'DenyOutsideApprovedRegions',
        }),
      ],
    });
    // SCP rules do not judge the management account (exempt from SCPs).
    expect(
      results(DEMO_IDS.managementAccountId)
        .map(r => r.rule.id)
        .sort(),
    ).toEqual([
      'management-account-access',
      'no-direct-privileged-user-assignments',
      'owner-resolvable',
      'permissions-boundary-required',
      'privileged-session-duration',
    ]);
    expect(report.organization.filter(r => r.status === 'pass')).toMatchObject([
      { rule: { id: 'security-logging-account' }, status: 'pass' },
      { rule: { id: 'rcps-enabled' }, status: 'pass' },
    ]);
    // The demo's data perimeter covers every active workload account.
    const perimeter = [...report.accounts.values()]
      .flat()
      .filter(r => r.rule.id === 'data-perimeter');
    expect(perimeter.length).toBeGreaterThan(0);
    expect(new Set(perimeter.map(r => r.status))).toEqual(new Set(['pass']));
    expect(report.accountSummaries.get('724108355203')).toEqual({
      status: 'fail',
      counts: expect.objectContaining({ fail: 1 }),
      failingRules: ['no-direct-privileged-user-assignments'],
    });
  });
});
