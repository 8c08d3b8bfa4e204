import {
  governanceResolution,
  governanceSnapshot,
} from '../__testUtils__/governance';
import { withRcps } from '../__testUtils__/rcps';
import { buildGovernanceIndex } from './buildGovernanceIndex';
import { accountGuardrails } from './guardrails';
import { simulate } from './simulate';

const index = buildGovernanceIndex(
  withRcps(governanceSnapshot()),
  governanceResolution(),
);
const PROD = '333333333333';
const DEV = '222222222222';
const OUTSIDER = '777788889999';

describe('the RCPs and other policy types of an account', () => {
  it('lists the RCPs by level with plain-language summaries', () => {
    const rcps = accountGuardrails(index, PROD)!.resourceControlPolicies!;
    expect(rcps.status).toBe('enabled');
    expect(rcps.managementAccountExempt).toBe(false);
    expect(
      rcps.levels.map(l => [l.targetId, l.policies.map(p => p.name)]),
    ).toEqual([
      ['r-root', ['RCPFullAWSAccess']],
      ['ou-prod', ['RCPFullAWSAccess', 'DataPerimeter']],
      ['ou-payments', ['RCPFullAWSAccess']],
      [PROD, ['RCPFullAWSAccess']],
    ]);
    expect(rcps.summary).toEqual([
      'only principals of this organization (and AWS services) may use S3 buckets, SQS queues, KMS keys, Secrets Manager secrets and roles (STS) in this account',
      'TLS required for S3 buckets, SQS queues, KMS keys, Secrets Manager secrets and roles (STS)',
    ]);
    expect(rcps.levels[1].policies[1].description).toBe('DataPerimeter policy');
    // Dev has no perimeter: only RCPFullAWSAccess, which restricts nothing.
    expect(
      accountGuardrails(index, DEV)!.resourceControlPolicies!.summary,
    ).toEqual([]);
  });

  it('says when RCPs are not enabled, or enabled but not read', () => {
    const plain = buildGovernanceIndex(
      governanceSnapshot(),
      governanceResolution(),
    );
    expect(
      accountGuardrails(plain, PROD)!.resourceControlPolicies!.status,
    ).toBe('not-enabled');
    const unread = buildGovernanceIndex(
      { ...withRcps(governanceSnapshot()), resourceControlPolicies: undefined },
      governanceResolution(),
    );
    expect(
      accountGuardrails(unread, PROD)!.resourceControlPolicies,
    ).toMatchObject({ status: 'unknown', summary: [] });
  });

  it('shows the other policy types with where each policy is inherited from', () => {
    const types = accountGuardrails(index, DEV)!.otherPolicyTypes!;
    expect(types.map(t => [t.type, t.title, t.status])).toEqual([
      ['BACKUP_POLICY', 'Backup policy', 'ENABLED'],
      ['TAG_POLICY', 'Tag policy', 'ENABLED'],
    ]);
    expect(
      types[0].levels!.map(l => [l.targetId, l.policies.map(p => p.name)]),
    ).toEqual([
      ['r-root', ['DailyBackups']],
      ['ou-dev', []],
      [DEV, []],
    ]);
    expect(types[0].levels![0].policies[0].content).toBe('{"plans":{}}');
    expect(types[1]).toEqual({
      type: 'TAG_POLICY',
      title: 'Tag policy',
      status: 'ENABLED',
      unknownReason: 'AccessDeniedException',
    });
  });
});

describe('simulate with a principal side and a resource side', () => {
  const getObject = {
    accountId: PROD,
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::prod-data/report.csv',
    region: 'eu-west-1',
    context: { 'aws:SecureTransport': true, 'aws:PrincipalArn': 'x' },
  };

  it('denies a principal outside the organization on the RCP layer', () => {
    const r = simulate(index, {
      ...getObject,
      principalAccountId: OUTSIDER,
      principalOrgId: null,
    })!;
    expect(r.decision).toBe('denied');
    expect(r.layers).toMatchObject({
      decidedBy: ['rcp'],
      principalAccountId: OUTSIDER,
      resourceAccountId: PROD,
      scp: { applies: false },
      rcp: { applies: true, decision: 'denied' },
    });
    expect(r.decisiveStatements.map(s => [s.layer, s.sid])).toEqual([
      ['rcp', 'EnforceOrgIdentities'],
    ]);
    expect(r.reasons.join(' ')).toContain(`taken to be in account ${PROD}`);
  });

  it('is indeterminate when the organization of an outside principal is not given, and refuses one for an inside principal', () => {
    const r = simulate(index, { ...getObject, principalAccountId: OUTSIDER })!;
    expect(r.decision).toBe('indeterminate');
    expect(r.reasons[0]).toContain('aws:PrincipalOrgID');
    expect(() =>
      simulate(index, {
        ...getObject,
        principalAccountId: DEV,
        principalOrgId: null,
      }),
    ).toThrow(
      /principalOrgId: the principal's account 222222222222 is in this organization/,
    );
  });

  it('weighs both layers for a principal of the organization', () => {
    const r = simulate(index, { ...getObject, principalAccountId: DEV })!;
    expect(r.decision).toBe('allowed');
    expect(r.layers!.decidedBy).toEqual(['scp', 'rcp']);
  });

  it('applies the RCPs of the resource account, not of the page account', () => {
    const r = simulate(index, {
      ...getObject,
      accountId: DEV,
      principalAccountId: OUTSIDER,
      principalOrgId: 'o-partner1234',
      resourceAccountId: PROD,
    })!;
    expect(r.decision).toBe('denied');
    const dev = simulate(index, {
      ...getObject,
      accountId: PROD,
      principalAccountId: OUTSIDER,
      principalOrgId: null,
      resourceAccountId: DEV,
    })!;
    expect(dev.decision).toBe('allowed');
    const foreign = simulate(index, {
      ...getObject,
      resourceAccountId: OUTSIDER,
    })!;
    expect(foreign.layers!.rcp).toMatchObject({ applies: false });
  });

  it('exempts service-linked roles and lets the perimeter exempt service principals', () => {
    const slr = simulate(index, {
      ...getObject,
      context: { 'aws:SecureTransport': false },
      principalType: 'service-linked-role',
    })!;
    expect(slr.decision).toBe('allowed');
    const service = simulate(index, {
      ...getObject,
      principalType: 'service',
      servicePrincipal: 'cloudtrail.amazonaws.com',
    })!;
    expect(service.decision).toBe('allowed');
    expect(service.layers!.decidedBy).toEqual(['rcp']);
  });
});
