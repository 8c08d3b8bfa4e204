import { OrganizationSnapshot } from '@aws-governance/plugin-aws-organizations-common';
import {
  compliantSnapshot,
  LOGS,
  MGMT,
  PARKED,
  PROD,
  runRule,
} from '../../__testUtils__/complianceFixtures';
import { cloudTrailProtectedRule } from './cloudTrail';
import { iamUserCreationBlockedRule } from './iamUserCreation';
import { regionsRestrictedRule } from './regions';

function withPolicy(
  snapshot: OrganizationSnapshot,
  id: string,
  mutate: (statement: any) => void,
) {
  const p = snapshot.policies.find(x => x.id === id)!;
  const document = JSON.parse(p.content);
  mutate(document.Statement[0]);
  p.content = JSON.stringify(document);
  return snapshot;
}

describe('iam-user-creation-blocked', () => {
  const run = (snapshot: OrganizationSnapshot, accountId: string) =>
    runRule(iamUserCreationBlockedRule, snapshot, { accountId });

  it('passes in a workload OU, naming the decisive Deny statement', () => {
    expect(run(compliantSnapshot(), PROD)).toEqual({
      status: 'pass',
      message:
        'iam:CreateUser and iam:CreateAccessKey are denied by DenyIamUsers',
      evidence: [
        {
          kind: 'scp-statement',
          description:
            'Deny statement "NoIamUsers" of DenyIamUsers (p-iam) at OU Workloads (ou-work)',
          policyId: 'p-iam',
          policyName: 'DenyIamUsers',
          sid: 'NoIamUsers',
        },
      ],
    });
  });

  it('fails for a production-tagged account parked outside the workload OUs', () => {
    const snapshot = compliantSnapshot();
    const parked = snapshot.accounts.find(a => a.id === PARKED)!;
    parked.tags = { environment: 'Prod' };
    const outcome = run(snapshot, PARKED)!;
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      'No SCP denies iam:CreateUser and iam:CreateAccessKey: IAM user creation blocking is not enforced',
    );
    expect(outcome.evidence).toContainEqual(
      expect.objectContaining({
        kind: 'scp-statement',
        policyId: 'p-FullAWSAccess',
      }),
    );
  });

  it('does not judge foundational OUs, other environments, nor the management account', () => {
    const snapshot = compliantSnapshot();
    expect(run(snapshot, LOGS)).toBeUndefined();
    expect(run(snapshot, PARKED)).toBeUndefined();
    expect(run(snapshot, MGMT)).toBeUndefined();
    snapshot.accounts.find(a => a.id === PROD)!.state = 'SUSPENDED';
    expect(run(snapshot, PROD)).toBeUndefined();
  });

  it('is unknown when the tags that decide whether it is a workload are unknown', () => {
    const snapshot = compliantSnapshot();
    snapshot.accounts.find(a => a.id === PARKED)!.tags = {
      unknown: true,
      reason: 'ListTagsForResource was throttled',
    };
    expect(run(snapshot, PARKED)).toEqual({
      status: 'unknown',
      message:
        'Whether parked-tools is a workload account is unknown: its tags could not be read (ListTagsForResource was throttled)',
    });
  });

  it('is unknown when the SCP evaluation is indeterminate', () => {
    const snapshot = withPolicy(compliantSnapshot(), 'p-iam', s => {
      s.Condition = { StringEquals: { 'aws:PrincipalTag/team': 'x' } };
    });
    const outcome = run(snapshot, PROD)!;
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toMatch(
      /^Whether the SCPs deny iam:CreateUser and iam:CreateAccessKey is indeterminate: /,
    );
    expect(outcome.message).toContain('aws:PrincipalTag/team');
    expect(outcome.evidence![0]).toMatchObject({
      kind: 'scp-statement',
      policyId: 'p-iam',
      sid: 'NoIamUsers',
    });
  });

  it('takes workload OUs and tag values from its parameters', () => {
    const outcome = runRule(iamUserCreationBlockedRule, compliantSnapshot(), {
      accountId: PARKED,
      parameters: { workloadOrganizationalUnits: ['Parked'] },
    });
    expect(outcome?.status).toBe('fail');
  });
});

describe('cloudtrail-protected', () => {
  it('passes when a Deny covers stopping and deleting', () => {
    const outcome = runRule(cloudTrailProtectedRule, compliantSnapshot(), {
      accountId: LOGS,
    })!;
    expect(outcome.status).toBe('pass');
    expect(outcome.evidence).toEqual([
      expect.objectContaining({ policyId: 'p-trail', sid: 'NoTrailChanges' }),
    ]);
  });

  it('fails when one of the actions is allowed', () => {
    const snapshot = withPolicy(compliantSnapshot(), 'p-trail', s => {
      s.Action = ['cloudtrail:DeleteTrail'];
    });
    const outcome = runRule(cloudTrailProtectedRule, snapshot, {
      accountId: PROD,
    })!;
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      'No SCP denies cloudtrail:StopLogging: CloudTrail protection is not enforced',
    );
  });

  it('is unknown when an exemption depends on a key the rule cannot know', () => {
    const snapshot = withPolicy(compliantSnapshot(), 'p-trail', s => {
      s.Condition = { Bool: { 'aws:MultiFactorAuthPresent': 'false' } };
    });
    expect(
      runRule(cloudTrailProtectedRule, snapshot, { accountId: PROD })?.status,
    ).toBe('unknown');
  });

  it('passes when an exemption names another principal', () => {
    const snapshot = withPolicy(compliantSnapshot(), 'p-trail', s => {
      s.Condition = {
        ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/BreakGlass' },
      };
    });
    expect(
      runRule(cloudTrailProtectedRule, snapshot, { accountId: PROD })?.status,
    ).toBe('pass');
  });

  it('does not judge the management account, exempt from SCPs', () => {
    expect(
      runRule(cloudTrailProtectedRule, compliantSnapshot(), {
        accountId: MGMT,
      }),
    ).toBeUndefined();
  });
});

describe('regions-restricted', () => {
  const run = (snapshot: OrganizationSnapshot, parameters = {}) =>
    runRule(regionsRestrictedRule, snapshot, { accountId: PROD, parameters });

  it('passes when every region outside the approved list is denied', () => {
    expect(run(compliantSnapshot())).toEqual({
      status: 'pass',
      message:
        'Regions are limited to us-* and eu-* (approved: us-*, ca-* and eu-*)',
      evidence: [
        expect.objectContaining({
          kind: 'scp-statement',
          policyId: 'p-regions',
          sid: 'OnlyApproved',
        }),
      ],
    });
  });

  it('fails when the restriction allows more than the approved regions', () => {
    const outcome = run(compliantSnapshot(), { approvedRegions: ['eu-*'] })!;
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      'ec2:RunInstances is not denied in 4 region(s) outside eu-*, e.g. us-east-1, us-east-2 and us-west-1',
    );
    expect(outcome.evidence![0].description).toBe(
      'The region restriction allows us-* and eu-*',
    );
  });

  it('fails when no SCP restricts regions', () => {
    const snapshot = compliantSnapshot();
    snapshot.policies = snapshot.policies.filter(p => p.id !== 'p-regions');
    const outcome = run(snapshot)!;
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence![0].description).toBe('No SCP restricts regions');
  });

  it('is unknown when the restriction depends on an unknown condition operator', () => {
    const snapshot = withPolicy(compliantSnapshot(), 'p-regions', s => {
      s.Condition = { StringNotLikeMaybe: { 'aws:RequestedRegion': 'us-*' } };
    });
    const outcome = run(snapshot)!;
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toMatch(/StringNotLikeMaybe/);
  });
});
