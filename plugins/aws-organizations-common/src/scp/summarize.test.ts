import { fullAccess, level, policy } from './__testUtils__/levels';
import { summarizeGuardrails } from './guardrails';
import { allowedRegions } from './regions';
import { summarizeScp } from './summarize';

const doc = (...statements: object[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });

const regionDeny = doc({
  Sid: 'RegionLimit',
  Effect: 'Deny',
  NotAction: [
    'iam:*',
    'organizations:*',
    'cloudfront:*',
    'support:*',
    'cloudtrail:LookupEvents',
  ],
  Resource: '*',
  Condition: {
    StringNotLike: { 'aws:RequestedRegion': ['us-*', 'ca-*', 'eu-*'] },
    ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/BreakGlass' },
  },
});

describe('summarizeScp', () => {
  it('full access', () => {
    const s = summarizeScp(fullAccess().content, 'FullAWSAccess');
    expect(s.sentence).toBe('FullAWSAccess: allows everything');
    expect(s.ok && s.statements[0].kind).toBe('full-access');
  });

  it('denied actions with what they block', () => {
    const s = summarizeScp(
      doc({
        Effect: 'Deny',
        Action: ['iam:CreateUser', 'iam:CreateAccessKey'],
        Resource: '*',
      }),
    );
    expect(s.sentence).toBe(
      'denies iam:CreateUser, iam:CreateAccessKey (blocks IAM user creation, IAM access key creation)',
    );
    expect(s.ok && s.statements[0]).toMatchObject({
      kind: 'deny-actions',
      actions: ['iam:CreateUser', 'iam:CreateAccessKey'],
      services: ['iam'],
    });
  });

  it('a protected service', () => {
    const s = summarizeScp(
      doc({
        Effect: 'Deny',
        Action: [
          'cloudtrail:StopLogging',
          'cloudtrail:DeleteTrail',
          'cloudtrail:UpdateTrail',
        ],
        Resource: '*',
      }),
    );
    expect(s.sentence).toBe(
      'protects CloudTrail: denies StopLogging, DeleteTrail, UpdateTrail',
    );
    expect(s.ok && s.statements[0]).toMatchObject({
      kind: 'protect-service',
      protectedService: 'CloudTrail',
    });
  });

  it('regions with exemptions and an exempt principal', () => {
    const s = summarizeScp(regionDeny);
    expect(s.sentence).toBe(
      'regions limited to us-*, ca-*, eu-*; global services exempt: iam, organizations, cloudfront, support, cloudtrail:LookupEvents, except arn:aws:iam::*:role/BreakGlass',
    );
    expect(s.ok && s.statements[0]).toMatchObject({
      kind: 'region-restriction',
      regions: ['us-*', 'ca-*', 'eu-*'],
      exemptPrincipals: ['arn:aws:iam::*:role/BreakGlass'],
      otherConditions: [],
    });
  });

  it('allow-lists by service or by action', () => {
    expect(
      summarizeScp(
        doc({
          Effect: 'Allow',
          Action: ['ec2:*', 's3:*', 'lambda:*'],
          Resource: '*',
        }),
      ).sentence,
    ).toBe('allows only ec2, lambda, s3');
    expect(
      summarizeScp(
        doc({ Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' }),
      ).sentence,
    ).toBe('allows only s3:GetObject');
    expect(
      summarizeScp(
        doc({ Effect: 'Allow', NotAction: ['iam:*'], Resource: '*' }),
      ).sentence,
    ).toBe('allows everything except iam:*');
  });

  it('other conditions, resources and deny-all-except', () => {
    expect(
      summarizeScp(
        doc({
          Effect: 'Deny',
          Action: '*',
          Resource: '*',
          Condition: {
            StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:root' },
          },
        }),
      ).sentence,
    ).toBe(
      'denies everything when aws:PrincipalArn StringLike arn:aws:iam::*:root',
    );
    expect(
      summarizeScp(
        doc({
          Effect: 'Deny',
          Action: 's3:*',
          Resource: 'arn:aws:s3:::logs/*',
        }),
      ).sentence,
    ).toBe('denies s3:* on arn:aws:s3:::logs/*');
    expect(
      summarizeScp(doc({ Effect: 'Deny', NotAction: 's3:*' })).sentence,
    ).toBe('denies everything except s3:*');
  });

  it('an unreadable document', () => {
    expect(summarizeScp('{', 'Broken')).toEqual({
      ok: false,
      error: expect.stringMatching(/^not valid JSON/),
      sentence: expect.stringMatching(
        /^Broken: cannot be read \(not valid JSON/,
      ),
    });
  });
});

describe('allowedRegions and summarizeGuardrails', () => {
  it('is unrestricted without a region restriction', () => {
    expect(allowedRegions([level('root', 'r', fullAccess())])).toEqual({
      restricted: false,
      regions: ['*'],
      restrictions: [],
    });
  });

  it('intersects restrictions across levels', () => {
    const levels = [
      level('root', 'r', fullAccess(), policy(regionDeny, 'p-r1', 'Regions')),
      level(
        'ou',
        'ou-eu',
        fullAccess(),
        policy(
          doc({
            Effect: 'Deny',
            NotAction: 'iam:*',
            Resource: '*',
            Condition: {
              StringNotEquals: {
                'aws:RequestedRegion': ['eu-west-1', 'ap-south-1'],
              },
            },
          }),
          'p-r2',
          'EuOnly',
        ),
      ),
    ];
    const r = allowedRegions(levels);
    expect(r.restricted).toBe(true);
    expect(r.regions).toEqual(['eu-west-1']);
    expect(
      r.restrictions.map(x => [x.policyId, x.level.targetId, x.exemptActions]),
    ).toEqual([
      [
        'p-r1',
        'r',
        [
          'iam:*',
          'organizations:*',
          'cloudfront:*',
          'support:*',
          'cloudtrail:LookupEvents',
        ],
      ],
      ['p-r2', 'ou-eu', ['iam:*']],
    ]);
  });

  it('describes an account: sentences, allow-list levels, unreadable policies', () => {
    const g = summarizeGuardrails([
      level('root', 'r', fullAccess(), policy(regionDeny, 'p-r1', 'Regions')),
      level(
        'ou',
        'ou-1',
        policy(
          doc({ Effect: 'Allow', Action: ['ec2:*', 's3:*'], Resource: '*' }),
          'p-al',
          'AllowList',
        ),
      ),
      level('account', '1', fullAccess(), policy('{', 'p-bad', 'Bad')),
    ]);
    expect(g.sentences).toEqual([
      'Regions (root root-r (r)): regions limited to us-*, ca-*, eu-*; global services exempt: iam, organizations, cloudfront, support, cloudtrail:LookupEvents, except arn:aws:iam::*:role/BreakGlass',
      'AllowList (OU ou-ou-1 (ou-1)): allows only ec2, s3',
      'Bad at account account-1 (1) cannot be read: its effect is unknown',
    ]);
    expect(g.levelsWithoutFullAccess.map(l => l.targetId)).toEqual(['ou-1']);
    expect(g.unreadable.map(u => u.policyId)).toEqual(['p-bad']);
    expect(g.regions.regions).toEqual(['us-*', 'ca-*', 'eu-*']);
    expect(g.items.map(i => [i.policyId, i.kind])).toEqual([
      ['p-FullAWSAccess', 'full-access'],
      ['p-r1', 'region-restriction'],
      ['p-al', 'allow-list'],
      ['p-FullAWSAccess', 'full-access'],
    ]);
  });
});

describe('summaries of what the evaluator treats specially', () => {
  it('says that a variable before the fifth colon is literal', () => {
    const s = summarizeScp(
      JSON.stringify({
        Version: '2012-10-17',
        Statement: {
          Effect: 'Deny',
          Action: 'iam:*',
          NotResource: 'arn:aws:iam::${aws:PrincipalAccount}:user/*',
        },
      }),
    );
    expect(s.sentence).toContain(
      'AWS does not substitute ${aws:PrincipalAccount} before the fifth colon',
    );
  });

  it('reads an RCP with the RCP rules', () => {
    const rcp = JSON.stringify({
      Version: '2012-10-17',
      Statement: {
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: '*',
        Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } },
      },
    });
    expect(summarizeScp(rcp).ok).toBe(false);
    expect(summarizeScp(rcp, 'TLS', 'rcp')).toMatchObject({
      ok: true,
      sentence: 'TLS: denies s3:* when aws:SecureTransport BoolIfExists false',
    });
  });
});
