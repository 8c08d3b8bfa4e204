import type { OrganizationSnapshot, ResourceControlPolicy } from '../snapshot';
import { testSnapshot } from '../scp/__testUtils__/snapshot';
import { effectiveRcps } from './effective';
import { evaluateScpsAndRcps } from './evaluate';
import type { OrganizationPolicyRequest } from './types';

const RCP_FULL =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}';
/** The data-perimeter RCP of AWS's examples: only this organization's principals, unless an AWS service. */
const PERIMETER = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'EnforceOrgIdentities',
      Effect: 'Deny',
      Principal: '*',
      Action: ['s3:*', 'kms:*'],
      Resource: '*',
      Condition: {
        StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-test' },
        BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
      },
    },
    {
      Sid: 'EnforceTLS',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: '*',
      Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } },
    },
  ],
});

function rcp(
  id: string,
  content: string,
  targets: string[],
  awsManaged = false,
): ResourceControlPolicy {
  return {
    id,
    arn: `arn:aws:organizations::999999999999:policy/o-test/resource_control_policy/${id}`,
    name: id,
    description: '',
    awsManaged,
    content,
    targets: targets.map(targetId => ({
      targetId,
      type: targetId.startsWith('ou-') ? 'ORGANIZATIONAL_UNIT' : 'ROOT',
      name: targetId,
    })),
  };
}

function withRcps(...policies: ResourceControlPolicy[]): OrganizationSnapshot {
  const snapshot = testSnapshot();
  const all = ['r-test', 'ou-a', 'ou-b', '111111111111', '999999999999'];
  return {
    ...snapshot,
    organization: {
      ...snapshot.organization,
      enabledPolicyTypes: ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'],
    },
    resourceControlPolicies: [
      rcp('p-RCPFullAWSAccess', RCP_FULL, all, true),
      ...policies,
    ],
  };
}

const outsider: OrganizationPolicyRequest['principal'] = {
  type: 'iam',
  accountId: '444455556666',
};
const insider: OrganizationPolicyRequest['principal'] = {
  type: 'iam',
  accountId: '111111111111',
};
const getObject = {
  action: 's3:GetObject',
  resource: 'arn:aws:s3:::prod-data/report.csv',
  resourceAccountId: '111111111111',
  context: { 'aws:SecureTransport': true },
  absentKeys: true as const,
};

describe('evaluateScpsAndRcps', () => {
  const snapshot = withRcps(rcp('p-perimeter', PERIMETER, ['ou-a']));

  it('denies a principal outside the organization on the resource side (RCP decided)', () => {
    const r = evaluateScpsAndRcps(snapshot, {
      ...getObject,
      principal: outsider,
    });
    expect(r.decision).toBe('denied');
    expect(r.decidedBy).toEqual(['rcp']);
    expect(r.decisive.map(d => [d.layer, d.sid, d.level.targetId])).toEqual([
      ['rcp', 'EnforceOrgIdentities', 'ou-a'],
    ]);
    expect(r.scp).toEqual({
      applies: false,
      reason: expect.stringContaining('not in the organization'),
    });
  });

  it('allows a principal of the organization: both layers weighed', () => {
    const r = evaluateScpsAndRcps(snapshot, {
      ...getObject,
      principal: insider,
    });
    expect(r.decision).toBe('allowed');
    expect(r.decidedBy).toEqual(['scp', 'rcp']);
  });

  it('requires TLS: a request without it is denied by the RCP', () => {
    const r = evaluateScpsAndRcps(snapshot, {
      ...getObject,
      principal: insider,
      context: { 'aws:SecureTransport': false },
    });
    expect(r.decision).toBe('denied');
    expect(r.decisive.map(d => d.sid)).toEqual(['EnforceTLS']);
  });

  it('exempts AWS service principals by the condition, not by the evaluator', () => {
    const r = evaluateScpsAndRcps(snapshot, {
      ...getObject,
      principal: {
        type: 'service',
        servicePrincipal: 'cloudtrail.amazonaws.com',
      },
    });
    expect(r.decision).toBe('allowed');
    expect(r.decidedBy).toEqual(['rcp']);
    expect(r.scp.applies).toBe(false);
  });

  it('does not apply RCPs to services they do not govern, nor outside the organization, nor to the management account', () => {
    const ec2 = evaluateScpsAndRcps(snapshot, {
      action: 'ec2:TerminateInstances',
      resource: 'arn:aws:ec2:eu-west-1:111111111111:instance/i-1',
      principal: outsider,
      absentKeys: true,
    });
    expect(ec2.rcp).toEqual({
      applies: false,
      reason: expect.stringContaining('do not govern ec2'),
    });
    expect(ec2.decision).toBe('allowed');
    const foreign = evaluateScpsAndRcps(snapshot, {
      ...getObject,
      resourceAccountId: '777788889999',
      principal: outsider,
    });
    expect(foreign.rcp.applies).toBe(false);
    const management = evaluateScpsAndRcps(snapshot, {
      ...getObject,
      resourceAccountId: '999999999999',
      principal: outsider,
    });
    expect(management.rcp).toEqual({
      applies: false,
      reason: expect.stringContaining('management account'),
    });
  });

  it('combines an SCP Deny of the principal with the RCPs of the resource', () => {
    // testSnapshot's SCP NotProd denies s3:DeleteBucket under ou-b.
    const r = evaluateScpsAndRcps(snapshot, {
      action: 's3:DeleteBucket',
      resource: 'arn:aws:s3:::prod-data',
      resourceAccountId: '111111111111',
      principal: insider,
      context: { 'aws:SecureTransport': false },
      absentKeys: true,
    });
    expect(r.decision).toBe('denied');
    expect(r.decidedBy).toEqual(['scp', 'rcp']);
  });

  it('is indeterminate when the resource account is unknown or the RCPs were not read', () => {
    const noAccount = evaluateScpsAndRcps(snapshot, {
      ...getObject,
      resourceAccountId: undefined,
      principal: outsider,
    });
    expect(noAccount.decision).toBe('indeterminate');
    const unread = { ...snapshot, resourceControlPolicies: undefined };
    expect(
      evaluateScpsAndRcps(unread, { ...getObject, principal: outsider })
        .decision,
    ).toBe('indeterminate');
    const failed = {
      ...snapshot,
      resourceControlPolicies: { unknown: true as const, reason: 'denied' },
    };
    expect(
      evaluateScpsAndRcps(failed, { ...getObject, principal: outsider })
        .decision,
    ).toBe('indeterminate');
  });

  it('takes the resource account from the ARN when it has one', () => {
    const r = evaluateScpsAndRcps(snapshot, {
      action: 'kms:Decrypt',
      resource: 'arn:aws:kms:eu-west-1:111111111111:key/k-1',
      kmsKeyManager: 'CUSTOMER',
      principal: outsider,
      absentKeys: true,
    });
    expect(r.decision).toBe('denied');
    expect(r.decidedBy).toEqual(['rcp']);
  });

  it('exempts AWS managed KMS keys, and is unsure of a denial when the key manager is not given', () => {
    const base = {
      action: 'kms:Decrypt',
      resource: 'arn:aws:kms:eu-west-1:111111111111:key/k-1',
      principal: outsider,
      absentKeys: true as const,
    };
    const managed = evaluateScpsAndRcps(snapshot, {
      ...base,
      kmsKeyManager: 'AWS',
    });
    expect(managed.decision).toBe('allowed');
    expect(managed.rcp).toEqual({
      applies: false,
      reason: expect.stringContaining('AWS managed KMS keys'),
    });
    const alias = evaluateScpsAndRcps(snapshot, {
      ...base,
      resource: 'arn:aws:kms:eu-west-1:111111111111:alias/aws/s3',
    });
    expect(alias.rcp.applies).toBe(false);
    const unsaid = evaluateScpsAndRcps(snapshot, base);
    expect(unsaid.decision).toBe('indeterminate');
    expect(unsaid.reasons[0]).toContain('kmsKeyManager');
    const retire = evaluateScpsAndRcps(snapshot, {
      ...base,
      action: 'kms:RetireGrant',
      kmsKeyManager: 'CUSTOMER',
    });
    expect(retire.rcp).toEqual({
      applies: false,
      reason: expect.stringContaining('kms:RetireGrant'),
    });
  });

  it('is indeterminate for an action without resource type in a governed service', () => {
    const r = evaluateScpsAndRcps(snapshot, {
      action: 's3:ListAllMyBuckets',
      resourceAccountId: '111111111111',
      principal: outsider,
      absentKeys: true,
    });
    expect(r.decision).toBe('indeterminate');
    expect(r.reasons.join(' ')).toContain('takes no resource type');
  });

  it('treats a customer RCP that allows, or a principal other than "*", as unreadable', () => {
    const bad = withRcps(
      rcp(
        'p-bad',
        '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}}',
        ['ou-a'],
      ),
    );
    const r = evaluateScpsAndRcps(bad, { ...getObject, principal: insider });
    expect(r.decision).toBe('indeterminate');
    expect(r.reasons.join(' ')).toContain('RCPFullAWSAccess');
  });

  it('applies neither SCPs nor RCPs to a service-linked role', () => {
    const r = evaluateScpsAndRcps(snapshot, {
      ...getObject,
      context: { 'aws:SecureTransport': false },
      principal: { ...insider, serviceLinkedRole: true },
    });
    expect(r.decision).toBe('allowed');
    expect(r.scp.applies).toBe(false);
    expect(r.rcp).toEqual({
      applies: false,
      reason: expect.stringContaining('service-linked roles'),
    });
  });
});

describe('effectiveRcps', () => {
  it('lists the RCPs by level with the resource keys derived', () => {
    const e = effectiveRcps(
      withRcps(rcp('p-perimeter', PERIMETER, ['ou-a'])),
      '111111111111',
    )!;
    expect(e.levels.map(l => [l.targetId, l.policies.map(p => p.id)])).toEqual([
      ['r-test', ['p-RCPFullAWSAccess']],
      ['ou-a', ['p-RCPFullAWSAccess', 'p-perimeter']],
      ['ou-b', ['p-RCPFullAWSAccess']],
      ['111111111111', ['p-RCPFullAWSAccess']],
    ]);
    expect(e.derivedContext['aws:ResourceOrgID']).toBe('o-test');
    expect(e.known && e.rcpsEnabled && !e.managementAccount).toBe(true);
    expect(effectiveRcps(testSnapshot(), '123412341234')).toBeUndefined();
  });
});

describe('evaluateScpsAndRcps without a snapshot', () => {
  it('takes both sides as given, outside the organization included', () => {
    const snapshot = withRcps(rcp('p-perimeter', PERIMETER, ['ou-a']));
    const resource = effectiveRcps(snapshot, '111111111111')!;
    const r = evaluateScpsAndRcps(
      { principal: 'outside-organization', resource },
      { ...getObject, principal: outsider },
    );
    expect(r.decision).toBe('denied');
    expect(r.decidedBy).toEqual(['rcp']);
    const neither = evaluateScpsAndRcps(
      { principal: 'outside-organization', resource: 'outside-organization' },
      { ...getObject, principal: outsider },
    );
    expect(neither.decision).toBe('allowed');
    expect(neither.reasons[0]).toBe(
      'neither SCPs nor RCPs restrict this request',
    );
  });
});
