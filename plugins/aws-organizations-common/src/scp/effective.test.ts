import { testSnapshot } from './__testUtils__/snapshot';
import { effectivePolicies } from './effective';
import { evaluateScps } from './evaluate';

describe('effectivePolicies', () => {
  it('groups SCPs by level from the root to the account', () => {
    const e = effectivePolicies(testSnapshot(), '111111111111');
    expect(e.managementAccount).toBe(false);
    expect(e.scpsEnabled).toBe(true);
    expect(
      e.levels.map(l => [
        l.kind,
        l.targetId,
        l.name,
        l.policies.map(p => p.id),
      ]),
    ).toEqual([
      ['root', 'r-test', 'Root', ['p-FullAWSAccess', 'p-noleave']],
      ['ou', 'ou-a', 'Workloads', ['p-FullAWSAccess']],
      ['ou', 'ou-b', 'Prod', ['p-FullAWSAccess', 'p-prodpath']],
      ['account', '111111111111', 'app-prod', ['p-FullAWSAccess']],
    ]);
    expect(e.derivedContext).toEqual({
      'aws:PrincipalAccount': '111111111111',
      'aws:PrincipalOrgID': 'o-test',
      'aws:PrincipalOrgPaths': ['o-test/r-test/ou-a/ou-b/'],
    });
  });

  it('throws for an unknown account', () => {
    expect(() => effectivePolicies(testSnapshot(), '000000000000')).toThrow(
      'account 000000000000 is not in the snapshot',
    );
  });
});

describe('evaluateScps on a snapshot', () => {
  it('denies with the statement, policy and level named', () => {
    const r = evaluateScps(testSnapshot(), {
      accountId: '111111111111',
      action: 'organizations:LeaveOrganization',
    });
    expect(r.decision).toBe('denied');
    expect(r.decisive).toEqual([
      {
        policyId: 'p-noleave',
        policyName: 'DenyLeave',
        level: { kind: 'root', targetId: 'r-test', name: 'Root' },
        statementIndex: 0,
        sid: 'NoLeave',
        effect: 'Deny',
      },
    ]);
  });

  it('uses the org path derived from the snapshot', () => {
    const r = evaluateScps(testSnapshot(), {
      accountId: '111111111111',
      action: 's3:DeleteBucket',
    });
    expect(r.decision).toBe('denied');
    expect(r.decisive.map(d => d.sid)).toEqual(['NotProd']);
  });

  it('exempts the management account', () => {
    const r = evaluateScps(testSnapshot(), {
      accountId: '999999999999',
      action: 'organizations:LeaveOrganization',
    });
    expect(r.decision).toBe('allowed');
    expect(r.reasons).toEqual([
      'account 999999999999 is the management account: SCPs do not restrict it',
    ]);
    expect(r.decisive).toEqual([]);
  });

  it('allows everything when SCPs are not enabled', () => {
    const s = testSnapshot();
    s.organization.enabledPolicyTypes = [];
    const r = evaluateScps(s, {
      accountId: '111111111111',
      action: 'organizations:LeaveOrganization',
    });
    expect(r.decision).toBe('allowed');
    expect(r.reasons).toEqual([
      'the organization has not enabled service control policies',
    ]);
  });

  it('needs an account id', () => {
    expect(() =>
      evaluateScps(testSnapshot(), { action: 's3:GetObject' }),
    ).toThrow('evaluateScps on a snapshot needs request.accountId');
  });

  it('recompiles a policy whose content changed under the same id', () => {
    const s = testSnapshot();
    const ask = (snapshot = s) =>
      evaluateScps(snapshot, {
        accountId: '111111111111',
        action: 'organizations:LeaveOrganization',
      }).decision;
    expect(ask()).toBe('denied');
    const changed = testSnapshot();
    changed.policies[1].content = changed.policies[1].content.replace(
      'LeaveOrganization',
      'CloseAccount',
    );
    expect(ask(changed)).toBe('allowed');
  });
});
