import { OrganizationSnapshot } from '@aws-governance/plugin-aws-organizations-common';
import {
  compliantSnapshot,
  grant,
  identityCenterOf,
  LOGS,
  MGMT,
  PROD,
  runRule,
  SETS,
} from '../../__testUtils__/complianceFixtures';
import { noDirectPrivilegedUserAssignmentsRule } from './directUserAssignments';
import { managementAccountAccessRule } from './managementAccess';
import { permissionsBoundaryRule } from './permissionsBoundary';
import { privilegedSessionDurationRule } from './sessionDuration';
import { suspendedAccountNoAssignmentsRule } from './suspendedAccounts';
import { durationHours } from '@aws-governance/plugin-aws-organizations-node';

function unavailable(snapshot: OrganizationSnapshot): OrganizationSnapshot {
  return {
    ...snapshot,
    identityCenter: { status: 'unavailable', reason: 'AccessDenied' },
  };
}

describe('management-account-access', () => {
  const run = (snapshot: OrganizationSnapshot, accountId = MGMT) =>
    runRule(managementAccountAccessRule, snapshot, { accountId });

  it('passes when only allowed groups hold access', () => {
    expect(run(compliantSnapshot())).toEqual({
      status: 'pass',
      message:
        'Only security and finance hold permission sets on the management account',
    });
  });

  it('fails for another group and for a user, even a member of an allowed group', () => {
    const snapshot = compliantSnapshot();
    identityCenterOf(snapshot).assignments.push(
      grant(MGMT, 'Admin', 'GROUP', 'g-plat'),
      grant(MGMT, 'ReadOnly', 'USER', 'u-ana'),
    );
    const outcome = run(snapshot)!;
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      'The management account is reachable by group platform (group:default/platform) and user ana (user:default/ana), beyond security and finance',
    );
    expect(outcome.evidence).toEqual([
      expect.objectContaining({
        kind: 'assignment',
        principalId: 'g-plat',
        permissionSetArn: SETS.Admin.arn,
        description:
          'group platform (group:default/platform) holds Admin: not an allowed group',
      }),
      expect.objectContaining({ principalId: 'u-ana', principalType: 'USER' }),
    ]);
  });

  it('matches allowed groups by catalog ref as well as display name', () => {
    const outcome = runRule(managementAccountAccessRule, compliantSnapshot(), {
      accountId: MGMT,
      parameters: { allowedGroups: ['group:default/security'] },
    });
    expect(outcome?.status).toBe('pass');
  });

  it('applies to the management account only', () => {
    expect(run(compliantSnapshot(), PROD)).toBeUndefined();
  });

  it('is unknown when Identity Center could not be read', () => {
    expect(run(unavailable(compliantSnapshot()))).toEqual({
      status: 'unknown',
      message: 'IAM Identity Center could not be read: AccessDenied',
    });
  });

  it('is unknown when read from a delegated administrator, which does not see the management account’s assignments', () => {
    const snapshot = compliantSnapshot();
    identityCenterOf(snapshot).readFrom = 'delegated-administrator';
    expect(run(snapshot)).toEqual({
      status: 'unknown',
      message:
        'Read from a delegated administrator of IAM Identity Center: the assignments in the management account are not visible',
    });
    // The member accounts are judged as ever.
    expect(
      runRule(noDirectPrivilegedUserAssignmentsRule, snapshot, {
        accountId: PROD,
      })!.status,
    ).toBe('pass');
  });

  it('passes when Identity Center is not enabled', () => {
    const snapshot: OrganizationSnapshot = {
      ...compliantSnapshot(),
      identityCenter: { status: 'not-enabled' },
    };
    expect(run(snapshot)?.status).toBe('pass');
  });
});

describe('no-direct-privileged-user-assignments', () => {
  const run = (snapshot: OrganizationSnapshot, parameters = {}) =>
    runRule(noDirectPrivilegedUserAssignmentsRule, snapshot, {
      accountId: PROD,
      parameters,
    });

  it('passes when users only hold non-privileged sets directly', () => {
    expect(run(compliantSnapshot())?.status).toBe('pass');
  });

  it('fails for a user holding a privileged set, with the reasons', () => {
    const snapshot = compliantSnapshot();
    identityCenterOf(snapshot).assignments.push(
      grant(PROD, 'Power', 'USER', 'u-ana'),
    );
    expect(run(snapshot)).toEqual({
      status: 'fail',
      message: 'Privileged permission sets assigned directly to ana (Power)',
      evidence: [
        {
          kind: 'assignment',
          description:
            'user ana (user:default/ana) holds Power: AWS managed policy PowerUserAccess grants every action except IAM and Organizations management',
          permissionSetArn: SETS.Power.arn,
          principalId: 'u-ana',
          principalType: 'USER',
          accountId: PROD,
        },
      ],
    });
    expect(run(snapshot, { privilegeLevels: ['administrator'] })?.status).toBe(
      'pass',
    );
  });

  it('is unknown when Identity Center could not be read', () => {
    expect(run(unavailable(compliantSnapshot()))?.status).toBe('unknown');
  });
});

describe('privileged-session-duration', () => {
  const run = (snapshot: OrganizationSnapshot, parameters = {}) =>
    runRule(privilegedSessionDurationRule, snapshot, {
      accountId: PROD,
      parameters,
    });

  it('passes when administrator sessions last at most maxHours', () => {
    expect(run(compliantSnapshot())).toEqual({
      status: 'pass',
      message: 'Privileged sessions last at most 1h',
    });
    expect(
      runRule(privilegedSessionDurationRule, compliantSnapshot(), {
        accountId: LOGS,
      })?.message,
    ).toBe('No privileged permission set is assigned in this account');
  });

  it('fails for a longer administrator session', () => {
    const snapshot = compliantSnapshot();
    identityCenterOf(snapshot).assignments.push(
      grant(PROD, 'BreakGlass', 'GROUP', 'g-sec'),
    );
    expect(run(snapshot)).toEqual({
      status: 'fail',
      message: 'Privileged sessions longer than 1h: BreakGlass',
      evidence: [
        {
          kind: 'permission-set',
          description: 'BreakGlass sessions last PT12H, more than 1h',
          permissionSetArn: SETS.BreakGlass.arn,
        },
      ],
    });
    expect(run(snapshot, { maxHours: 12 })?.status).toBe('pass');
  });

  it('counts power users only when asked to', () => {
    expect(
      run(compliantSnapshot(), {
        privilegeLevels: ['administrator', 'power-user'],
      })?.message,
    ).toBe('Privileged sessions longer than 1h: Power');
  });

  it('is unknown for an unreadable duration', () => {
    const snapshot = compliantSnapshot();
    identityCenterOf(snapshot).permissionSets.find(
      p => p.name === 'Admin',
    )!.sessionDuration = 'one hour';
    expect(run(snapshot)).toEqual({
      status: 'unknown',
      message: 'Session durations that cannot be read: Admin (one hour)',
    });
  });

  it('reads ISO-8601 durations', () => {
    expect(durationHours('PT1H')).toBe(1);
    expect(durationHours('PT1H30M')).toBe(1.5);
    expect(durationHours('PT90M')).toBe(1.5);
    expect(durationHours('P1D')).toBe(24);
    expect(durationHours('PT')).toBeUndefined();
    expect(durationHours('1h')).toBeUndefined();
  });
});

describe('permissions-boundary-required', () => {
  const run = (snapshot: OrganizationSnapshot) =>
    runRule(permissionsBoundaryRule, snapshot, { accountId: PROD });

  it('passes when sets that can change resources are bounded; read-only and admin sets are exempt', () => {
    expect(run(compliantSnapshot())).toEqual({
      status: 'pass',
      message:
        'Every non-admin permission set that can change resources has a permissions boundary',
      evidence: [
        {
          kind: 'permission-set',
          description: 'Power is bounded by Boundary',
          permissionSetArn: SETS.Power.arn,
        },
      ],
    });
  });

  it('fails for a set with write access and no boundary', () => {
    const snapshot = compliantSnapshot();
    identityCenterOf(snapshot).assignments.push(
      grant(PROD, 'Data', 'GROUP', 'g-plat'),
    );
    expect(run(snapshot)).toMatchObject({
      status: 'fail',
      message: 'Data has no permissions boundary and grants AmazonS3FullAccess',
      evidence: [{ kind: 'permission-set', permissionSetArn: SETS.Data.arn }],
    });
  });

  it('fails for a write inline policy, not for a read-only one', () => {
    const snapshot = compliantSnapshot();
    const readOnly = identityCenterOf(snapshot).permissionSets.find(
      p => p.name === 'ReadOnly',
    )!;
    readOnly.inlinePolicy = JSON.stringify({
      Statement: [
        {
          Effect: 'Allow',
          Action: ['s3:Get*', 'ec2:Describe*'],
          Resource: '*',
        },
      ],
    });
    expect(run(snapshot)?.status).toBe('pass');
    readOnly.inlinePolicy = JSON.stringify({
      Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }],
    });
    expect(run(snapshot)?.message).toBe(
      'ReadOnly has no permissions boundary and grants its inline policy',
    );
  });

  it('is unknown when the boundary could not be read', () => {
    const snapshot = compliantSnapshot();
    identityCenterOf(snapshot).permissionSets.find(
      p => p.name === 'Power',
    )!.permissionsBoundary = {
      unknown: true,
      reason: 'GetPermissionsBoundaryForPermissionSet failed',
    };
    expect(run(snapshot)).toMatchObject({
      status: 'unknown',
      message:
        'Whether every permission set is bounded is unknown: Power: boundary unknown (GetPermissionsBoundaryForPermissionSet failed)',
    });
  });
});

describe('suspended-account-no-assignments', () => {
  it('fails for a suspended account that keeps assignments', () => {
    const snapshot = compliantSnapshot();
    snapshot.accounts.find(a => a.id === LOGS)!.state = 'SUSPENDED';
    expect(
      runRule(suspendedAccountNoAssignmentsRule, snapshot, { accountId: LOGS }),
    ).toEqual({
      status: 'fail',
      message: 'The suspended account still holds 1 assignment(s)',
      evidence: [
        expect.objectContaining({
          kind: 'assignment',
          description: 'group security (group:default/security) holds ReadOnly',
        }),
      ],
    });
  });

  it('passes for a closed account without assignments, ignores active ones', () => {
    const snapshot = compliantSnapshot();
    snapshot.accounts.find(a => a.id === LOGS)!.state = 'CLOSED';
    identityCenterOf(snapshot).assignments = [];
    expect(
      runRule(suspendedAccountNoAssignmentsRule, snapshot, { accountId: LOGS })
        ?.status,
    ).toBe('pass');
    expect(
      runRule(suspendedAccountNoAssignmentsRule, snapshot, { accountId: PROD }),
    ).toBeUndefined();
  });

  it('is unknown when Identity Center could not be read', () => {
    const snapshot = unavailable(compliantSnapshot());
    snapshot.accounts.find(a => a.id === LOGS)!.state = 'SUSPENDED';
    expect(
      runRule(suspendedAccountNoAssignmentsRule, snapshot, { accountId: LOGS })
        ?.status,
    ).toBe('unknown');
  });
});
