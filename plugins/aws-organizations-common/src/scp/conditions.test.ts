import { deny, policy, withRootPolicies } from './__testUtils__/levels';
import { evaluateScps } from './evaluate';
import type { ScpContextValue, ScpRequest } from './types';

/** The decision for a Deny on `*` with one condition block. */
function decide(
  condition: object,
  context: Record<string, ScpContextValue> = {},
  extra: Partial<ScpRequest> = {},
): string {
  const levels = withRootPolicies(
    policy(deny({ Action: '*', Condition: condition }, 'Cond')),
  );
  return evaluateScps(levels, { action: 'ec2:RunInstances', context, ...extra })
    .decision;
}

describe('string operators', () => {
  it.each([
    ['StringEquals', 'Blue', 'Blue', 'denied'],
    ['StringEquals', 'Blue', 'blue', 'allowed'],
    ['StringNotEquals', 'Blue', 'Red', 'denied'],
    ['StringNotEquals', 'Blue', 'Blue', 'allowed'],
    ['StringEqualsIgnoreCase', 'Blue', 'bLUE', 'denied'],
    ['StringNotEqualsIgnoreCase', 'Blue', 'bLUE', 'allowed'],
    ['StringLike', 'Bl?e*', 'Blue-team', 'denied'],
    ['StringLike', 'Bl?e*', 'blue-team', 'allowed'],
    ['StringNotLike', 'Bl*', 'Red', 'denied'],
    ['StringNotLike', 'Bl*', 'Blue', 'allowed'],
  ])('%s %s vs %s: %s', (operator, policyValue, requestValue, expected) => {
    expect(
      decide(
        { [operator]: { 'aws:PrincipalTag/team': policyValue } },
        {
          'aws:PrincipalTag/team': requestValue,
        },
      ),
    ).toBe(expected);
  });

  it('ORs the values of one key and ANDs keys and operators', () => {
    const condition = {
      StringEquals: {
        'aws:PrincipalTag/team': ['a', 'b'],
        'aws:PrincipalTag/env': 'prod',
      },
      StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/*' },
    };
    const ctx = {
      'aws:PrincipalTag/team': 'b',
      'aws:PrincipalTag/env': 'prod',
      'aws:PrincipalArn': 'arn:aws:iam::1:role/x',
    };
    expect(decide(condition, ctx)).toBe('denied');
    expect(decide(condition, { ...ctx, 'aws:PrincipalTag/team': 'c' })).toBe(
      'allowed',
    );
    expect(decide(condition, { ...ctx, 'aws:PrincipalTag/env': 'dev' })).toBe(
      'allowed',
    );
    expect(
      decide(condition, {
        ...ctx,
        'aws:PrincipalArn': 'arn:aws:iam::1:user/x',
      }),
    ).toBe('allowed');
  });

  it('resolves policy variables in condition values', () => {
    const condition = {
      StringNotEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' },
    };
    expect(
      decide(condition, {
        'aws:ResourceTag/team': 'blue',
        'aws:PrincipalTag/team': 'blue',
      }),
    ).toBe('allowed');
    expect(
      decide(condition, {
        'aws:ResourceTag/team': 'red',
        'aws:PrincipalTag/team': 'blue',
      }),
    ).toBe('denied');
    expect(decide(condition, { 'aws:ResourceTag/team': 'red' })).toBe(
      'indeterminate',
    );
    const withDefault = {
      StringEquals: {
        'aws:ResourceTag/team': "${aws:PrincipalTag/team, 'none'}",
      },
    };
    expect(
      decide(
        withDefault,
        { 'aws:ResourceTag/team': 'none' },
        {
          absentKeys: ['aws:PrincipalTag/team'],
        },
      ),
    ).toBe('denied');
  });
});

describe('ARN operators', () => {
  it.each([
    [
      'ArnEquals',
      'arn:aws:iam::*:role/Admin',
      'arn:aws:iam::1:role/Admin',
      'denied',
    ],
    [
      'ArnLike',
      'arn:aws:iam::*:role/Adm?n*',
      'arn:aws:iam::1:role/AdminOps',
      'denied',
    ],
    [
      'ArnLike',
      'arn:aws:iam::*:role/Admin*',
      'arn:aws:iam::1:role/admin',
      'allowed',
    ],
    [
      'ArnNotEquals',
      'arn:aws:iam::*:role/Admin',
      'arn:aws:iam::1:role/Dev',
      'denied',
    ],
    [
      'ArnNotLike',
      'arn:aws:iam::*:role/Admin*',
      'arn:aws:iam::1:role/AdminX',
      'allowed',
    ],
    ['ArnLike', 'arn:aws:iam::*:role/*', 'not-an-arn', 'allowed'],
  ])('%s %s vs %s: %s', (operator, policyValue, requestValue, expected) => {
    expect(
      decide(
        { [operator]: { 'aws:PrincipalArn': policyValue } },
        {
          'aws:PrincipalArn': requestValue,
        },
      ),
    ).toBe(expected);
  });
});

describe('missing keys (declared absent: AWS semantics)', () => {
  const absent = { absentKeys: true as const };
  it.each([
    ['StringEquals', 'allowed'],
    ['StringNotEquals', 'denied'],
    ['StringNotLike', 'denied'],
    ['ArnNotLike', 'denied'],
    ['NotIpAddress', 'denied'],
    ['NumericLessThan', 'allowed'],
    ['StringEqualsIfExists', 'denied'],
    ['StringNotEqualsIfExists', 'denied'],
    ['ForAnyValue:StringEquals', 'allowed'],
    ['ForAnyValue:StringNotEquals', 'allowed'],
    ['ForAllValues:StringEquals', 'denied'],
    ['ForAllValues:StringNotEquals', 'denied'],
  ])('%s with the key absent: %s', (operator, expected) => {
    let value = 'v';
    if (operator.includes('IpAddress')) value = '10.0.0.0/8';
    if (operator.startsWith('Numeric')) value = '5';
    expect(decide({ [operator]: { 'aws:SourceIp': value } }, {}, absent)).toBe(
      expected,
    );
  });

  it.each([
    'StringEquals',
    'StringNotEqualsIfExists',
    'ForAllValues:StringEquals',
    'Null',
  ])('%s with the key not given: indeterminate', operator => {
    expect(
      decide({
        [operator]: {
          'aws:PrincipalTag/x': operator === 'Null' ? 'true' : 'v',
        },
      }),
    ).toBe('indeterminate');
  });
});

describe('IfExists', () => {
  const condition = {
    StringNotEqualsIfExists: { 'ec2:InstanceType': ['t3.micro', 't3.small'] },
  };
  it.each([
    [{ 'ec2:InstanceType': 't3.micro' }, 'allowed'],
    [{ 'ec2:InstanceType': 'm5.large' }, 'denied'],
  ])('%j: %s', (context, expected) => {
    expect(decide(condition, context)).toBe(expected);
  });

  it('matches when the key is declared absent', () => {
    expect(decide(condition, {}, { absentKeys: ['EC2:instancetype'] })).toBe(
      'denied',
    );
  });

  it('BoolIfExists on MFA (AWS example shape)', () => {
    const mfa = { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } };
    expect(decide(mfa, { 'aws:MultiFactorAuthPresent': false })).toBe('denied');
    expect(decide(mfa, { 'aws:MultiFactorAuthPresent': true })).toBe('allowed');
    expect(
      decide(mfa, {}, { absentKeys: ['aws:MultiFactorAuthPresent'] }),
    ).toBe('denied');
  });
});

describe('set operators on multi-valued keys', () => {
  it('ForAnyValue:StringEquals matches when any request value is listed', () => {
    const c = {
      'ForAnyValue:StringEquals': { 'aws:TagKeys': ['secret', 'pii'] },
    };
    expect(decide(c, { 'aws:TagKeys': ['team', 'pii'] })).toBe('denied');
    expect(decide(c, { 'aws:TagKeys': ['team'] })).toBe('allowed');
    expect(decide(c, { 'aws:TagKeys': [] })).toBe('allowed');
  });

  it('ForAnyValue:StringNotEquals denies a request with any unlisted tag key', () => {
    const c = {
      'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['team', 'env'] },
    };
    expect(decide(c, { 'aws:TagKeys': ['team', 'env'] })).toBe('allowed');
    expect(decide(c, { 'aws:TagKeys': ['team', 'owner'] })).toBe('denied');
  });

  it('ForAllValues:StringLike holds only when every value matches', () => {
    const c = {
      'ForAllValues:StringLike': { 'aws:TagKeys': ['team*', 'env'] },
    };
    expect(decide(c, { 'aws:TagKeys': ['team', 'team-x', 'env'] })).toBe(
      'denied',
    );
    expect(decide(c, { 'aws:TagKeys': ['team', 'owner'] })).toBe('allowed');
    expect(decide(c, { 'aws:TagKeys': [] })).toBe('denied');
  });

  it('ForAllValues in an Allow-list level (multi-valued key)', () => {
    const levels = withRootPolicies();
    levels[1] = {
      ...levels[1],
      policies: [
        policy({
          Version: '2012-10-17',
          Statement: {
            Effect: 'Allow',
            Action: 'ec2:CreateTags',
            Resource: '*',
            Condition: {
              'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env'] },
            },
          },
        }),
      ],
    };
    const ask = (keys: string[]) =>
      evaluateScps(levels, {
        action: 'ec2:CreateTags',
        context: { 'aws:TagKeys': keys },
      });
    expect(ask(['env']).decision).toBe('allowed');
    const r = ask(['env', 'owner']);
    expect(r.decision).toBe('denied');
    expect(r.levelsWithoutAllow.map(l => l.targetId)).toEqual(['ou-1']);
  });

  it('an operator without set qualifier on a multivalued key is indeterminate (AWS requires one)', () => {
    for (const c of [
      { StringNotEquals: { 'aws:TagKeys': 'secret' } },
      { StringLike: { 'aws:TagKeys': 'team' } },
    ]) {
      expect(decide(c, { 'aws:TagKeys': ['a', 'b'] })).toBe('indeterminate');
      // aws:TagKeys is documented multivalued: one value is still a set.
      expect(decide(c, { 'aws:TagKeys': ['team'] })).toBe('indeterminate');
      expect(decide(c, { 'aws:TagKeys': 'team' })).toBe('indeterminate');
    }
    // An undocumented key given several values is a set too.
    expect(
      decide({ StringEquals: { 'x:Custom': 'a' } }, { 'x:Custom': ['a', 'b'] }),
    ).toBe('indeterminate');
    expect(
      decide({ StringEquals: { 'x:Custom': 'a' } }, { 'x:Custom': 'a' }),
    ).toBe('denied');
    // Absent keys follow the general rule, with or without a set.
    expect(
      decide(
        { StringNotEquals: { 'aws:TagKeys': 'secret' } },
        {},
        { absentKeys: true },
      ),
    ).toBe('denied');
  });
});

describe('Null', () => {
  const c = { Null: { 'aws:RequestTag/owner': 'true' } };
  it('true matches an absent key, false a present one', () => {
    expect(decide(c, {}, { absentKeys: ['aws:RequestTag/owner'] })).toBe(
      'denied',
    );
    expect(decide(c, { 'aws:RequestTag/owner': 'me' })).toBe('allowed');
    expect(
      decide(
        { Null: { 'aws:RequestTag/owner': 'false' } },
        { 'aws:RequestTag/owner': 'me' },
      ),
    ).toBe('denied');
  });

  it('is indeterminate when the key is not given, or the value is not a boolean', () => {
    const missing = evaluateScps(
      withRootPolicies(policy(deny({ Action: '*', Condition: c }))),
      { action: 'ec2:RunInstances' },
    );
    expect(missing.decision).toBe('indeterminate');
    expect(missing.missingKeys).toEqual(['aws:RequestTag/owner']);
    expect(
      decide(
        { Null: { 'aws:RequestTag/owner': 'yes' } },
        { 'aws:RequestTag/owner': 'x' },
      ),
    ).toBe('indeterminate');
  });

  it('Null has no IfExists or set-qualified form', () => {
    expect(decide({ NullIfExists: { k: 'true' } }, { k: 'x' })).toBe(
      'indeterminate',
    );
  });
});

describe('Bool', () => {
  const c = { Bool: { 'aws:SecureTransport': 'false' } };
  it.each([
    [false, 'denied'],
    ['False', 'denied'],
    [true, 'allowed'],
    ['true', 'allowed'],
  ])('aws:SecureTransport %j: %s', (value, expected) => {
    expect(decide(c, { 'aws:SecureTransport': value })).toBe(expected);
  });
});

describe('Numeric', () => {
  it.each([
    ['NumericEquals', '10', 10, 'denied'],
    ['NumericEquals', '10', '10.0', 'denied'],
    ['NumericNotEquals', '10', 11, 'denied'],
    ['NumericNotEquals', '10', 10, 'allowed'],
    ['NumericLessThan', '3600', 3599, 'denied'],
    ['NumericLessThan', '3600', 3600, 'allowed'],
    ['NumericLessThanEquals', '3600', 3600, 'denied'],
    ['NumericGreaterThan', '3600', 7200, 'denied'],
    ['NumericGreaterThan', '3600', 60, 'allowed'],
    ['NumericGreaterThanEquals', '3600', 3600, 'denied'],
    ['NumericGreaterThan', '3600', 'soon', 'allowed'],
    ['NumericGreaterThan', 'lots', 1, 'indeterminate'],
  ])('%s %s vs %j: %s', (operator, policyValue, requestValue, expected) => {
    expect(
      decide(
        { [operator]: { 'aws:MultiFactorAuthAge': policyValue } },
        {
          'aws:MultiFactorAuthAge': requestValue,
        },
      ),
    ).toBe(expected);
  });
});

describe('Date', () => {
  it.each([
    [
      'DateGreaterThan',
      '2030-01-01T00:00:00Z',
      '2031-06-01T00:00:00Z',
      'denied',
    ],
    [
      'DateGreaterThan',
      '2030-01-01T00:00:00Z',
      '2029-06-01T00:00:00Z',
      'allowed',
    ],
    ['DateLessThan', '2030-01-01T00:00:00Z', '1893456000', 'allowed'],
    ['DateLessThan', '2030-01-01T00:00:00Z', '1893455999', 'denied'],
    [
      'DateEquals',
      '2030-01-01T00:00:00Z',
      '2030-01-01T00:00:00.000Z',
      'denied',
    ],
    [
      'DateNotEquals',
      '2030-01-01T00:00:00Z',
      '2030-01-01T00:00:00Z',
      'allowed',
    ],
    ['DateLessThanEquals', '2030-01-01', '2030-01-01T00:00:00Z', 'denied'],
    [
      'DateGreaterThanEquals',
      '2030-01-01T00:00:00Z',
      '2029-12-31T23:59:59Z',
      'allowed',
    ],
    ['DateGreaterThan', 'someday', '2031-01-01T00:00:00Z', 'indeterminate'],
  ])('%s %s vs %s: %s', (operator, policyValue, requestValue, expected) => {
    expect(
      decide(
        { [operator]: { 'aws:CurrentTime': policyValue } },
        {
          'aws:CurrentTime': requestValue,
        },
      ),
    ).toBe(expected);
  });
});

describe('IpAddress', () => {
  const c = {
    NotIpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '2001:db8::/32'] },
  };
  it.each([
    ['192.0.2.55', 'allowed'],
    ['203.0.113.5', 'denied'],
    ['2001:db8:1::5', 'allowed'],
    ['2001:db9::1', 'denied'],
  ])('NotIpAddress with %s: %s', (ip, expected) => {
    expect(decide(c, { 'aws:SourceIp': ip })).toBe(expected);
  });

  it('IpAddress matches inside the block; a malformed block is indeterminate', () => {
    expect(
      decide(
        { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
        { 'aws:SourceIp': '10.1.2.3' },
      ),
    ).toBe('denied');
    expect(
      decide(
        { IpAddress: { 'aws:SourceIp': '10.0.0.0/40' } },
        { 'aws:SourceIp': '10.1.2.3' },
      ),
    ).toBe('indeterminate');
  });
});

describe('condition keys are case-insensitive', () => {
  it('matches a policy key against a context key of other case', () => {
    expect(
      decide(
        { StringEquals: { 'AWS:PrincipalTAG/Team': 'x' } },
        { 'aws:principaltag/team': 'x' },
      ),
    ).toBe('denied');
  });
});
