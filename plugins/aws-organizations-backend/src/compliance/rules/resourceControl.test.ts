import {
  compliantSnapshotWithoutRcps as compliantSnapshot,
  PARKED,
  PROD,
  runRule,
} from '../../__testUtils__/complianceFixtures';
import { PERIMETER_RCP, withRcps } from '../../__testUtils__/rcps';
import { dataPerimeterRule, rcpsEnabledRule } from './resourceControl';

describe('rcps-enabled', () => {
  it('fails without the RCP type, passes with it, warns while pending, with the root policy types as evidence', () => {
    expect(runRule(rcpsEnabledRule, compliantSnapshot())).toMatchObject({
      status: 'fail',
      evidence: [
        {
          kind: 'note',
          description: expect.stringContaining(
            'SERVICE_CONTROL_POLICY ENABLED',
          ),
        },
      ],
    });
    const enabled = withRcps(compliantSnapshot(), ['ou-work']);
    expect(runRule(rcpsEnabledRule, enabled)).toMatchObject({
      status: 'pass',
      evidence: [
        {
          description: expect.stringContaining(
            'RESOURCE_CONTROL_POLICY ENABLED',
          ),
        },
      ],
    });
    const pending = {
      ...compliantSnapshot(),
      rootPolicyTypes: [
        { type: 'RESOURCE_CONTROL_POLICY', status: 'PENDING_ENABLE' as const },
      ],
    };
    expect(runRule(rcpsEnabledRule, pending)?.status).toBe('warn');
  });
});

describe('data-perimeter', () => {
  it('passes for a workload account under the perimeter, naming the RCP statements', () => {
    const outcome = runRule(
      dataPerimeterRule,
      withRcps(compliantSnapshot(), ['ou-work']),
      { accountId: PROD },
    )!;
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe(
      'RCPs refuse principals outside the organization for s3, kms, sqs, secretsmanager and sts',
    );
    expect(outcome.evidence).toEqual([
      expect.objectContaining({
        kind: 'rcp-statement',
        policyId: 'p-perimeter',
        sid: 'EnforceOrgIdentities',
        description: expect.stringContaining('at OU Workloads (ou-work)'),
      }),
    ]);
  });

  it('fails without a perimeter, or without RCPs, and names the open services', () => {
    const elsewhere = withRcps(compliantSnapshot(), ['ou-sec']);
    expect(
      runRule(dataPerimeterRule, elsewhere, { accountId: PROD }),
    ).toMatchObject({
      status: 'fail',
      message:
        'No RCP refuses principals outside the organization for s3, kms, sqs, secretsmanager and sts',
    });
    expect(
      runRule(dataPerimeterRule, compliantSnapshot(), { accountId: PROD }),
    ).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/not enabled/),
    });
    const partial = withRcps(compliantSnapshot(), ['ou-work']);
    const s3Only = JSON.parse(PERIMETER_RCP);
    s3Only.Statement[0].Action = ['s3:*'];
    (partial.resourceControlPolicies as any[])[1].content =
      JSON.stringify(s3Only);
    expect(
      runRule(dataPerimeterRule, partial, {
        accountId: PROD,
        parameters: { services: ['s3', 'dynamodb'] },
      }),
    ).toMatchObject({
      status: 'fail',
      message:
        'No RCP refuses principals outside the organization for dynamodb',
    });
  });

  it('is unknown when RCPs are enabled but not read, and skips accounts outside the workload OUs', () => {
    const unread = {
      ...withRcps(compliantSnapshot(), ['ou-work']),
      resourceControlPolicies: { unknown: true as const, reason: 'throttled' },
    };
    expect(
      runRule(dataPerimeterRule, unread, { accountId: PROD })?.status,
    ).toBe('unknown');
    expect(
      runRule(dataPerimeterRule, withRcps(compliantSnapshot()), {
        accountId: PARKED,
      }),
    ).toBeUndefined();
  });

  it('names an unsupported service parameter', () => {
    expect(
      dataPerimeterRule.validateParameters!({
        services: ['ec2'],
        workloadOrganizationalUnits: ['Workloads'],
      }),
    ).toEqual([
      {
        parameter: 'services',
        message: expect.stringContaining("'ec2' is not one of s3"),
      },
    ]);
  });
});
