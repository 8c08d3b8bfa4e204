import {
  governanceResolution,
  governanceSnapshot,
} from '../__testUtils__/governance';
import { policy } from '../__testUtils__/snapshots';
import { buildGovernanceIndex } from './buildGovernanceIndex';
import { accountGuardrails } from './guardrails';
import { simulate } from './simulate';

const index = buildGovernanceIndex(
  governanceSnapshot(),
  governanceResolution(),
);

describe('accountGuardrails', () => {
  it('lists the SCPs level by level, root first, each summarized', () => {
    const guardrails = accountGuardrails(index, '444444444444')!;
    expect(guardrails.accountId).toBe('444444444444');
    expect(guardrails.managementAccountExempt).toBe(false);
    expect(
      guardrails.levels.map(l => [
        l.kind,
        l.targetId,
        l.name,
        l.policies.map(p => p.name),
      ]),
    ).toEqual([
      ['root', 'r-root', 'Root', ['DenyLeave', 'FullAWSAccess']],
      ['ou', 'ou-dev', 'Dev', ['FullAWSAccess', 'DenyIamUsers']],
      ['ou', 'ou-sandbox', 'Sandbox', ['FullAWSAccess']],
      ['account', '444444444444', 'sandbox-a', ['FullAWSAccess']],
    ]);
    const denyIam = guardrails.levels[1].policies[1];
    expect(denyIam).toMatchObject({
      id: 'p-deny-iam-users',
      description: 'DenyIamUsers policy',
      awsManaged: false,
    });
    expect(JSON.parse(denyIam.content).Statement[0].Sid).toBe('NoIamUsers');
    expect(denyIam.summary).toHaveLength(1);
    expect(denyIam.summary[0]).toMatch(/iam:CreateUser/);
    expect(guardrails.levels[0].policies[1].awsManaged).toBe(true);
    // The combined summary leaves out allow-everything statements.
    expect(guardrails.summary).toHaveLength(2);
    expect(guardrails.summary.join('\n')).toMatch(/DenyIamUsers/);
    expect(guardrails.summary.join('\n')).toMatch(/DenyLeave/);
    expect(guardrails).not.toHaveProperty('allowedRegions');
  });

  it('gives the allowed regions under a region restriction', () => {
    const guardrails = accountGuardrails(index, '333333333333')!;
    expect(guardrails.allowedRegions).toEqual(['us-*', 'eu-*']);
    expect(guardrails.levels.map(l => l.targetId)).toEqual([
      'r-root',
      'ou-prod',
      'ou-payments',
      '333333333333',
    ]);
  });

  it('marks the management account exempt', () => {
    expect(
      accountGuardrails(index, '111111111111')!.managementAccountExempt,
    ).toBe(true);
  });

  it('keeps an unreadable policy with its error', () => {
    const snapshot = governanceSnapshot();
    const broken = policy('p-broken', 'Broken', {}, [
      { targetId: '222222222222', type: 'ACCOUNT', name: 'payments-dev' },
    ]);
    broken.content = '{"Statement": [';
    broken.parseError = 'Unexpected end of JSON input';
    snapshot.policies.push(broken);
    const guardrails = accountGuardrails(
      buildGovernanceIndex(snapshot, governanceResolution()),
      '222222222222',
    )!;
    const level = guardrails.levels[guardrails.levels.length - 1];
    const view = level.policies.find(p => p.id === 'p-broken')!;
    expect(view.parseError).toBe('Unexpected end of JSON input');
    expect(view.summary).toEqual([
      'cannot be read (Unexpected end of JSON input)',
    ]);
    expect(guardrails.summary.join('\n')).toMatch(/Broken.*cannot be read/);
  });

  it('is undefined for an account the snapshot lacks', () => {
    expect(accountGuardrails(index, '999999999999')).toBeUndefined();
  });
});

describe('simulate', () => {
  it('denies with the decisive Deny statement, its policy and level', () => {
    const result = simulate(index, {
      accountId: '222222222222',
      action: 'iam:CreateUser',
    })!;
    expect(result.decision).toBe('denied');
    expect(result.decisiveStatements).toEqual([
      {
        policyId: 'p-deny-iam-users',
        policyName: 'DenyIamUsers',
        level: { kind: 'ou', targetId: 'ou-dev', name: 'Dev' },
        sid: 'NoIamUsers',
        effect: 'Deny',
        statementIndex: 0,
        layer: 'scp',
      },
    ]);
    expect(result.layers).toMatchObject({
      decidedBy: ['scp'],
      principalAccountId: '222222222222',
    });
    expect(result.reasons.join(' ')).toMatch(/DenyIamUsers/);
  });

  it('allows with one Allow per level, and applies the region lock', () => {
    const allowed = simulate(index, {
      accountId: '333333333333',
      action: 's3:GetObject',
      region: 'eu-west-1',
    })!;
    expect(allowed.decision).toBe('allowed');
    expect(allowed.decisiveStatements.map(s => s.level.targetId)).toEqual([
      'r-root',
      'ou-prod',
      'ou-payments',
      '333333333333',
    ]);
    expect(allowed.decisiveStatements[0]).not.toHaveProperty('sid');
    const denied = simulate(index, {
      accountId: '333333333333',
      action: 's3:GetObject',
      region: 'ap-south-1',
    })!;
    expect(denied.decision).toBe('denied');
    expect(denied.decisiveStatements.map(s => s.sid)).toEqual([
      'OnlyApprovedRegions',
    ]);
  });

  it('is indeterminate when a Deny depends on a key the request lacks, decided when given', () => {
    const request = {
      accountId: '333333333333',
      action: 'kms:ScheduleKeyDeletion',
      region: 'us-east-1',
    };
    const unknown = simulate(index, request)!;
    expect(unknown.decision).toBe('indeterminate');
    expect(unknown.decisiveStatements).toEqual([]);
    expect(unknown.reasons.join(' ')).toMatch(/aws:PrincipalArn/);
    expect(
      simulate(index, {
        ...request,
        context: {
          'aws:PrincipalArn': 'arn:aws:iam::333333333333:role/BreakGlass',
        },
      })!.decision,
    ).toBe('allowed');
    expect(
      simulate(index, {
        ...request,
        context: {
          'aws:PrincipalArn': 'arn:aws:iam::333333333333:role/Developer',
        },
      })!.decision,
    ).toBe('denied');
  });

  it('allows anything in the management account, saying why', () => {
    const result = simulate(index, {
      accountId: '111111111111',
      action: 'organizations:LeaveOrganization',
    })!;
    expect(result.decision).toBe('allowed');
    expect(result.decisiveStatements).toEqual([]);
    expect(result.reasons.join(' ')).toMatch(/management account/);
    // The same action is denied elsewhere.
    expect(
      simulate(index, {
        accountId: '222222222222',
        action: 'organizations:LeaveOrganization',
      })!.decision,
    ).toBe('denied');
  });

  it('is undefined for an account the snapshot lacks', () => {
    expect(
      simulate(index, { accountId: '999999999999', action: 's3:GetObject' }),
    ).toBeUndefined();
  });
});
