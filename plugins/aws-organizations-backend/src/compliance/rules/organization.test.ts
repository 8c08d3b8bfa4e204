import { OrganizationSnapshot } from '@aws-governance/plugin-aws-organizations-common';
import {
  compliantSnapshot,
  LOGS,
  PARKED,
  PROD,
  resolutionOf,
  runRule,
} from '../../__testUtils__/complianceFixtures';
import { ownerResolvableRule } from './owner';
import { securityLoggingAccountRule } from './securityLogging';

describe('owner-resolvable', () => {
  const run = (
    snapshot: OrganizationSnapshot,
    accountId: string,
    refs?: string[],
  ) =>
    runRule(ownerResolvableRule, snapshot, {
      accountId,
      resolution: resolutionOf(snapshot, refs),
    });

  it('passes for an owner tag on the account or inherited from the OU', () => {
    const snapshot = compliantSnapshot();
    expect(run(snapshot, PROD)).toEqual({
      status: 'pass',
      message: 'Owned by group:default/platform (from the account tag)',
      evidence: [
        {
          kind: 'tag',
          description: 'Owner group:default/platform from the account tag',
          accountId: PROD,
        },
      ],
    });
    expect(run(snapshot, LOGS)?.message).toBe(
      'Owned by group:default/security (from the tag of OU Security)',
    );
  });

  it('fails without an owner, or with one the catalog lacks', () => {
    const snapshot = compliantSnapshot();
    snapshot.organizationalUnits.find(u => u.id === 'ou-park')!.tags = {};
    expect(run(snapshot, PARKED)).toMatchObject({
      status: 'fail',
      message: 'Neither the account nor an OU above it names an owner',
    });
    expect(run(snapshot, PROD, ['group:default/security'])).toMatchObject({
      status: 'fail',
      message:
        'The owner group:default/platform (from the account tag) is not a Group of the catalog',
    });
  });

  it('is unknown when tags that could name the owner are unknown', () => {
    const snapshot = compliantSnapshot();
    snapshot.accounts.find(a => a.id === LOGS)!.tags = {
      unknown: true,
      reason: 'throttled',
    };
    expect(run(snapshot, LOGS)).toEqual({
      status: 'unknown',
      message:
        "The owner cannot be determined: the account's tags (throttled) could not be read",
    });
  });

  it('warns when only the configured default names the owner', () => {
    const snapshot = compliantSnapshot();
    snapshot.organizationalUnits.find(u => u.id === 'ou-park')!.tags = {};
    const resolution = resolutionOf(snapshot);
    resolution.accountOwners[PARKED] = {
      ref: 'group:default/platform',
      source: 'default',
      resolvable: true,
    };
    expect(
      runRule(ownerResolvableRule, snapshot, { accountId: PARKED, resolution })
        ?.status,
    ).toBe('warn');
  });
});

describe('security-logging-account', () => {
  it('passes when the security OU holds an active log account', () => {
    expect(runRule(securityLoggingAccountRule, compliantSnapshot())).toEqual({
      status: 'pass',
      message: 'The security OU holds log-archive',
      evidence: [
        {
          kind: 'account',
          description: 'log-archive (333333333333) in Security matches "*log*"',
          accountId: LOGS,
        },
      ],
    });
  });

  it('fails when the log account is elsewhere or suspended', () => {
    const snapshot = compliantSnapshot();
    const logs = snapshot.accounts.find(a => a.id === LOGS)!;
    logs.state = 'SUSPENDED';
    expect(runRule(securityLoggingAccountRule, snapshot)).toEqual({
      status: 'fail',
      message: 'No active account named "*log*" in the security OU (Security)',
      evidence: [],
    });
  });

  it('fails without a security OU', () => {
    const outcome = runRule(securityLoggingAccountRule, compliantSnapshot(), {
      parameters: { securityOrganizationalUnits: ['Audit'] },
    });
    expect(outcome).toEqual({
      status: 'fail',
      message: 'The organization has no security OU (Audit)',
    });
  });
});
