import { parseScp, ScpParseError, tryParsePolicy, tryParseScp } from './parse';

describe('parseScp', () => {
  it('normalizes a lone statement object and string elements', () => {
    expect(
      parseScp(
        JSON.stringify({
          Version: '2012-10-17',
          Statement: {
            Sid: 'One',
            Effect: 'Deny',
            Action: 'iam:CreateUser',
            Condition: { Bool: { 'aws:SecureTransport': false } },
          },
        }),
      ),
    ).toEqual({
      version: '2012-10-17',
      statements: [
        {
          index: 0,
          sid: 'One',
          effect: 'Deny',
          action: ['iam:CreateUser'],
          resource: ['*'],
          condition: { Bool: { 'aws:SecureTransport': ['false'] } },
        },
      ],
    });
  });

  it('keeps arrays, NotAction and NotResource, numbering statements', () => {
    const parsed = parseScp(
      JSON.stringify({
        Statement: [
          { Effect: 'Allow', Action: ['ec2:*', 's3:*'], Resource: ['*'] },
          {
            Effect: 'Deny',
            NotAction: ['iam:*'],
            NotResource: 'arn:aws:s3:::b/*',
            Condition: { NumericLessThan: { 'x:n': [1, '2'] } },
          },
        ],
      }),
    );
    expect(parsed.version).toBeUndefined();
    expect(parsed.statements[1]).toEqual({
      index: 1,
      effect: 'Deny',
      notAction: ['iam:*'],
      notResource: ['arn:aws:s3:::b/*'],
      condition: { NumericLessThan: { 'x:n': ['1', '2'] } },
    });
  });

  it.each([
    ['{', /^not valid JSON/],
    ['[]', /must be a JSON object/],
    ['{"Version":"2012-10-17"}', /has no Statement/],
    ['{"Statement":[]}', /Statement must not be empty/],
    ['{"Statement":[1]}', /Statement\[0\] must be an object/],
    [
      '{"Statement":{"Effect":"allow","Action":"*"}}',
      /Statement\[0\]\.Effect must be "Allow" or "Deny"/,
    ],
    ['{"Statement":{"Effect":"Deny"}}', /exactly one of Action or NotAction/],
    [
      '{"Statement":{"Effect":"Deny","Action":"*","NotAction":"s3:*"}}',
      /exactly one of Action or NotAction/,
    ],
    [
      '{"Statement":{"Effect":"Deny","Action":"*","Resource":"*","NotResource":"x"}}',
      /both Resource and NotResource/,
    ],
    ['{"Statement":{"Effect":"Deny","Action":[]}}', /Action must not be empty/],
    [
      '{"Statement":{"Effect":"Deny","Action":["*",3]}}',
      /Action\[1\] must be a non-empty string/,
    ],
    [
      '{"Statement":{"Effect":"Deny","Action":"*","Actions":"x"}}',
      /unknown element "Actions"/,
    ],
    [
      '{"Statement":{"Effect":"Deny","Action":"*","Condition":{"StringEquals":"x"}}}',
      /Condition\.StringEquals must be a non-empty object/,
    ],
    [
      '{"Statement":{"Effect":"Deny","Action":"*","Condition":{"StringEquals":{"k":{"a":1}}}}}',
      /values must be strings, numbers or booleans/,
    ],
    [
      '{"Statement":{"Effect":"Deny","Action":"*","Principal":"*"}}',
      /Principal \/ NotPrincipal are not supported/,
    ],
  ])('rejects %s', (document, message) => {
    expect(() => parseScp(document)).toThrow(ScpParseError);
    expect(() => parseScp(document)).toThrow(message);
  });

  it('tryParseScp returns the error instead of throwing', () => {
    expect(tryParseScp('{"Statement":{"Effect":"Deny"}}')).toEqual({
      ok: false,
      error: 'Statement[0] must have exactly one of Action or NotAction',
    });
    expect(tryParseScp('{"Statement":{"Effect":"Deny","Action":"*"}}')).toEqual(
      expect.objectContaining({ ok: true }),
    );
  });
});

describe('parsePolicy for RCPs', () => {
  const statement = {
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: '*',
  };
  const parse = (s: object) =>
    tryParsePolicy(
      JSON.stringify({ Version: '2012-10-17', Statement: s }),
      'rcp',
    );

  it('accepts Principal "*" and rejects what RCPs do not support', () => {
    expect(parse(statement).ok).toBe(true);
    expect(parse({ ...statement, Principal: { AWS: '*' } })).toEqual({
      ok: false,
      error: 'Statement[0].Principal must be "*" in an RCP',
    });
    expect(parse({ ...statement, NotPrincipal: { AWS: '1' } })).toMatchObject({
      ok: false,
      error: expect.stringContaining('NotPrincipal is not supported'),
    });
    const { Action, ...rest } = statement;
    expect(parse({ ...rest, NotAction: Action })).toMatchObject({
      ok: false,
      error: expect.stringContaining('NotAction is not supported'),
    });
  });
});
