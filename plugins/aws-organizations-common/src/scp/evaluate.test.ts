import {
  deny,
  fullAccess,
  level,
  policy,
  withRootPolicies,
} from './__testUtils__/levels';
import { evaluateScps, isActionDenied } from './evaluate';

// AWS IAM User Guide, "AWS: Denies access to AWS based on the requested Region".
const regionDeny = policy(
  {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyAllOutsideRequestedRegions',
        Effect: 'Deny',
        NotAction: [
          'cloudfront:*',
          'iam:*',
          'organizations:*',
          'route53:*',
          'support:*',
        ],
        Resource: '*',
        Condition: {
          StringNotEquals: {
            'aws:RequestedRegion': ['eu-central-1', 'eu-west-1'],
          },
        },
      },
    ],
  },
  'p-region',
  'RegionDeny',
);

describe('region deny with NotAction exemptions (AWS example)', () => {
  const levels = withRootPolicies(regionDeny);

  it('denies a regional action outside the allowed regions, naming the statement', () => {
    const r = evaluateScps(levels, {
      action: 'ec2:RunInstances',
      region: 'us-east-1',
    });
    expect(r.decision).toBe('denied');
    expect(r.decisive).toEqual([
      {
        policyId: 'p-region',
        policyName: 'RegionDeny',
        level: { kind: 'root', targetId: 'r-root', name: 'root-r-root' },
        statementIndex: 0,
        sid: 'DenyAllOutsideRequestedRegions',
        effect: 'Deny',
      },
    ]);
    expect(r.reasons).toEqual([
      'denied by the Deny statement "DenyAllOutsideRequestedRegions" (#1) of RegionDeny (p-region) at root root-r-root (r-root)',
    ]);
  });

  it('allows it inside the allowed regions, one Allow per level', () => {
    const r = evaluateScps(levels, {
      action: 'ec2:RunInstances',
      region: 'eu-west-1',
    });
    expect(r.decision).toBe('allowed');
    expect(r.decisive.map(d => [d.level.kind, d.policyName, d.effect])).toEqual(
      [
        ['root', 'FullAWSAccess', 'Allow'],
        ['ou', 'FullAWSAccess', 'Allow'],
        ['account', 'FullAWSAccess', 'Allow'],
      ],
    );
  });

  it('exempts global services listed in NotAction, case-insensitively', () => {
    for (const action of [
      'iam:CreateRole',
      'IAM:createrole',
      'Route53:ChangeResourceRecordSets',
    ]) {
      expect(
        evaluateScps(levels, { action, region: 'us-east-1' }).decision,
      ).toBe('allowed');
    }
  });

  it('is indeterminate without a region, naming aws:RequestedRegion', () => {
    const r = evaluateScps(levels, { action: 'ec2:RunInstances' });
    expect(r.decision).toBe('indeterminate');
    expect(r.missingKeys).toEqual(['aws:RequestedRegion']);
    expect(r.uncertain).toHaveLength(1);
    expect(r.uncertain[0]).toMatchObject({
      policyId: 'p-region',
      sid: 'DenyAllOutsideRequestedRegions',
      effect: 'Deny',
    });
  });

  it('applies AWS missing-key semantics when the key is declared absent', () => {
    // StringNotEquals with a missing key matches: the Deny applies.
    expect(
      evaluateScps(levels, { action: 'ec2:RunInstances', absentKeys: true })
        .decision,
    ).toBe('denied');
  });

  it('takes aws:RequestedRegion from the context over region', () => {
    expect(
      evaluateScps(levels, {
        action: 'ec2:RunInstances',
        region: 'us-east-1',
        context: { 'AWS:RequestedRegion': 'eu-central-1' },
      }).decision,
    ).toBe('allowed');
  });
});

describe('prevent IAM user creation and protect CloudTrail', () => {
  const levels = withRootPolicies(
    policy(
      deny(
        { Action: ['iam:CreateUser', 'iam:CreateAccessKey'] },
        'DenyIamUsers',
      ),
      'p-iam',
      'NoIamUsers',
    ),
    policy(
      deny(
        {
          Action: [
            'cloudtrail:StopLogging',
            'cloudtrail:DeleteTrail',
            'cloudtrail:UpdateTrail',
            'cloudtrail:PutEventSelectors',
          ],
        },
        'ProtectCloudTrail',
      ),
      'p-trail',
      'ProtectCloudTrail',
    ),
  );

  it.each([
    ['iam:CreateUser', 'denied', ['DenyIamUsers']],
    ['iam:createaccesskey', 'denied', ['DenyIamUsers']],
    ['cloudtrail:StopLogging', 'denied', ['ProtectCloudTrail']],
    ['iam:CreateRole', 'allowed', [undefined, undefined, undefined]],
    ['cloudtrail:LookupEvents', 'allowed', [undefined, undefined, undefined]],
  ])('%s is %s', (action, decision, sids) => {
    const r = evaluateScps(levels, { action, region: 'us-east-1' });
    expect(r.decision).toBe(decision);
    expect(r.decisive.map(d => d.sid)).toEqual(sids);
  });

  it('isActionDenied answers with two booleans', () => {
    expect(isActionDenied(levels, 'iam:CreateUser')).toMatchObject({
      denied: true,
      indeterminate: false,
    });
    expect(isActionDenied(levels, 'iam:CreateRole')).toMatchObject({
      denied: false,
      indeterminate: false,
    });
  });
});

describe('allow-list after detaching FullAWSAccess', () => {
  const allowList = policy(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AllowListed',
          Effect: 'Allow',
          Action: ['ec2:*', 's3:*'],
          Resource: '*',
        },
      ],
    },
    'p-allow',
    'AllowList',
  );
  const levels = [
    level('root', 'r-root', fullAccess()),
    level('ou', 'ou-top', fullAccess()),
    level('ou', 'ou-mid', allowList),
    level('ou', 'ou-low', fullAccess()),
    level('account', '111111111111', fullAccess()),
  ];

  it('allows listed services', () => {
    const r = evaluateScps(levels, { action: 's3:GetObject' });
    expect(r.decision).toBe('allowed');
    expect(r.decisive[2]).toMatchObject({
      policyId: 'p-allow',
      sid: 'AllowListed',
      level: { kind: 'ou', targetId: 'ou-mid' },
    });
  });

  it('denies others at the middle level that has no matching Allow', () => {
    const r = evaluateScps(levels, { action: 'iam:CreateUser' });
    expect(r.decision).toBe('denied');
    expect(r.decisive).toEqual([]);
    expect(r.levelsWithoutAllow).toEqual([
      { kind: 'ou', targetId: 'ou-mid', name: 'ou-ou-mid' },
    ]);
    expect(r.reasons).toEqual([
      'denied: no SCP attached at OU ou-ou-mid (ou-mid) allows iam:CreateUser',
    ]);
  });

  it('denies at a level with no policy at all', () => {
    const r = evaluateScps(
      [level('root', 'r-root', fullAccess()), level('account', '1')],
      { action: 's3:GetObject' },
    );
    expect(r.decision).toBe('denied');
    expect(r.levelsWithoutAllow.map(l => l.kind)).toEqual(['account']);
  });

  it('a level without an Allow denies even when another level is indeterminate', () => {
    const r = evaluateScps(
      [
        level('root', 'r-root', fullAccess(), policy('{oops')),
        level('ou', 'ou-mid', allowList),
      ],
      { action: 'iam:CreateUser' },
    );
    expect(r.decision).toBe('denied');
    expect(r.levelsWithoutAllow.map(l => l.targetId)).toEqual(['ou-mid']);
  });
});

describe('principal exemption with ArnNotLike on aws:PrincipalArn', () => {
  const levels = withRootPolicies(
    policy(
      deny(
        {
          Action: ['iam:*'],
          Condition: {
            ArnNotLike: {
              'aws:PrincipalArn': 'arn:aws:iam::*:role/BreakGlass',
            },
          },
        },
        'DenyIamExceptBreakGlass',
      ),
      'p-bg',
    ),
  );

  it('allows the exempt role', () => {
    expect(
      evaluateScps(levels, {
        action: 'iam:AttachRolePolicy',
        context: {
          'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/BreakGlass',
        },
      }).decision,
    ).toBe('allowed');
  });

  it('denies other principals', () => {
    const r = evaluateScps(levels, {
      action: 'iam:AttachRolePolicy',
      context: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/Dev' },
    });
    expect(r.decision).toBe('denied');
    expect(r.decisive.map(d => d.sid)).toEqual(['DenyIamExceptBreakGlass']);
  });

  it('is indeterminate when the principal is not given', () => {
    const r = evaluateScps(levels, { action: 'iam:AttachRolePolicy' });
    expect(r.decision).toBe('indeterminate');
    expect(r.missingKeys).toEqual(['aws:PrincipalArn']);
    expect(r.reasons[0]).toMatch(
      /^a Deny may apply: ArnNotLike tests aws:PrincipalArn, which the request does not give/,
    );
  });
});

describe('indeterminate answers', () => {
  it('names a missing key that decides the outcome', () => {
    const levels = withRootPolicies(
      policy(
        deny(
          {
            Action: 's3:*',
            Condition: {
              StringEquals: { 'aws:PrincipalTag/team': 'contractors' },
            },
          },
          'NoContractors',
        ),
      ),
    );
    const r = evaluateScps(levels, { action: 's3:PutObject' });
    expect(r.decision).toBe('indeterminate');
    expect(r.missingKeys).toEqual(['aws:PrincipalTag/team']);
    expect(r.uncertain.map(u => u.sid)).toEqual(['NoContractors']);
    expect(
      evaluateScps(levels, {
        action: 's3:PutObject',
        context: { 'aws:principaltag/TEAM': 'contractors' },
      }).decision,
    ).toBe('denied');
    expect(
      evaluateScps(levels, {
        action: 's3:PutObject',
        absentKeys: ['aws:PrincipalTag/team'],
      }).decision,
    ).toBe('allowed');
  });

  it('does not report a missing key that cannot change the outcome', () => {
    const levels = withRootPolicies(
      policy(
        deny(
          {
            Action: 's3:*',
            Condition: { StringEquals: { 'aws:PrincipalTag/team': 'x' } },
          },
          'Maybe',
        ),
      ),
      policy(deny({ Action: 's3:PutObject' }, 'Always')),
    );
    const r = evaluateScps(levels, { action: 's3:PutObject' });
    expect(r.decision).toBe('denied');
    expect(r.decisive.map(d => d.sid)).toEqual(['Always']);
    expect(r.missingKeys).toEqual([]);
  });

  it('is indeterminate for an unknown operator', () => {
    const levels = withRootPolicies(
      policy(
        deny(
          {
            Action: '*',
            Condition: { StringFuzzy: { 'aws:PrincipalArn': 'x' } },
          },
          'Fuzzy',
        ),
      ),
    );
    const r = evaluateScps(levels, {
      action: 's3:GetObject',
      context: { 'aws:PrincipalArn': 'x' },
    });
    expect(r.decision).toBe('indeterminate');
    expect(r.unknownOperators).toEqual(['StringFuzzy']);
    expect(r.reasons[0]).toMatch(/unknown condition operator StringFuzzy/);
  });

  it('is indeterminate for an unreadable policy, unless a Deny decides', () => {
    const broken = policy('{"Statement": ', 'p-broken', 'Broken');
    const r = evaluateScps(withRootPolicies(broken), {
      action: 's3:GetObject',
    });
    expect(r.decision).toBe('indeterminate');
    expect(r.uncertain).toEqual([
      expect.objectContaining({
        policyId: 'p-broken',
        reasons: [
          expect.stringMatching(/^the policy cannot be read: not valid JSON/),
        ],
      }),
    ]);
    const shape = policy('{"Statement":{"Effect":"Deny"}}', 'p-shape');
    expect(
      evaluateScps(withRootPolicies(shape), { action: 's3:GetObject' })
        .reasons[0],
    ).toMatch(/exactly one of Action or NotAction/);
    const decided = evaluateScps(
      withRootPolicies(broken, policy(deny({ Action: 's3:*' }, 'NoS3'))),
      { action: 's3:GetObject' },
    );
    expect(decided.decision).toBe('denied');
  });

  it('treats a reader parseError as unreadable', () => {
    const p = { ...fullAccess(), id: 'p-err', parseError: 'Unexpected token' };
    const r = evaluateScps([level('root', 'r', p)], { action: 's3:GetObject' });
    expect(r.decision).toBe('indeterminate');
    expect(r.reasons[0]).toMatch(/cannot be read: Unexpected token/);
  });

  it('is indeterminate when a resource-scoped Deny meets an unspecified resource', () => {
    const levels = withRootPolicies(
      policy(
        deny(
          {
            Action: 'iam:DeleteRole',
            Resource: 'arn:aws:iam::*:role/OrgAdmin',
          },
          'KeepOrgAdmin',
        ),
      ),
    );
    expect(evaluateScps(levels, { action: 'iam:DeleteRole' }).decision).toBe(
      'indeterminate',
    );
    expect(
      evaluateScps(levels, {
        action: 'iam:DeleteRole',
        resource: 'arn:aws:iam::111111111111:role/OrgAdmin',
      }).decision,
    ).toBe('denied');
    expect(
      evaluateScps(levels, {
        action: 'iam:DeleteRole',
        resource: 'arn:aws:iam::111111111111:role/Other',
      }).decision,
    ).toBe('allowed');
  });
});

describe('resources and case rules', () => {
  const levels = withRootPolicies(
    policy(
      deny({ Action: 'S3:Get*', Resource: 'arn:aws:s3:::Secret/*' }, 'Secret'),
    ),
  );

  it('matches resources case-sensitively and actions case-insensitively', () => {
    expect(
      evaluateScps(levels, {
        action: 's3:getobject',
        resource: 'arn:aws:s3:::Secret/a.txt',
      }).decision,
    ).toBe('denied');
    expect(
      evaluateScps(levels, {
        action: 's3:getobject',
        resource: 'arn:aws:s3:::secret/a.txt',
      }).decision,
    ).toBe('allowed');
  });

  it('NotResource excludes the listed resources', () => {
    const l = withRootPolicies(
      policy(
        deny(
          {
            Action: 's3:*',
            Resource: undefined,
            NotResource: 'arn:aws:s3:::ok-*',
          },
          'OnlyOk',
        ),
      ),
    );
    expect(
      evaluateScps(l, {
        action: 's3:PutObject',
        resource: 'arn:aws:s3:::ok-1/x',
      }).decision,
    ).toBe('allowed');
    expect(
      evaluateScps(l, { action: 's3:PutObject', resource: 'arn:aws:s3:::no/x' })
        .decision,
    ).toBe('denied');
  });

  it('resolves policy variables in Resource, indeterminate when missing', () => {
    const l = withRootPolicies(
      policy(
        deny(
          {
            Action: 's3:*',
            Resource: undefined,
            NotResource: 'arn:aws:s3:::${aws:PrincipalTag/team}-*',
          },
          'OwnTeamBuckets',
        ),
      ),
    );
    const ask = (resource: string, context = {}) =>
      evaluateScps(l, { action: 's3:PutObject', resource, context });
    expect(
      ask('arn:aws:s3:::blue-data/k', { 'aws:PrincipalTag/team': 'blue' })
        .decision,
    ).toBe('allowed');
    expect(
      ask('arn:aws:s3:::red-data/k', { 'aws:PrincipalTag/team': 'blue' })
        .decision,
    ).toBe('denied');
    // The variable's value is literal: a "*" in the tag is not a wildcard.
    expect(
      ask('arn:aws:s3:::blue-data/k', { 'aws:PrincipalTag/team': '*' })
        .decision,
    ).toBe('denied');
    const missing = ask('arn:aws:s3:::blue-data/k');
    expect(missing.decision).toBe('indeterminate');
    expect(missing.missingKeys).toEqual(['aws:PrincipalTag/team']);
  });
});
