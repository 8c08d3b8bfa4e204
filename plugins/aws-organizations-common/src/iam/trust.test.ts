import { parseTrustPolicy } from './trust';
import { doc, EXTERNAL, PROD, SHARED } from './__testUtils__/org';

const ROLE = `arn:aws:iam::${PROD}:role/Target`;
const org = (id: string) => id === PROD || id === SHARED;

describe('parseTrustPolicy', () => {
  it('names every kind of principal with its organization membership', () => {
    const parsed = parseTrustPolicy(
      ROLE,
      doc({
        Effect: 'Allow',
        Principal: {
          AWS: [
            SHARED,
            `arn:aws:iam::${EXTERNAL}:root`,
            `arn:aws:iam::${SHARED}:role/ops/DevOps`,
            `arn:aws:sts::${SHARED}:assumed-role/DevOps/alice`,
            `arn:aws:iam::${EXTERNAL}:user/bob`,
            'AROAEXAMPLEEXAMPLE1234',
            `arn:aws:iam::${SHARED}:role/Dev*`,
          ],
          Service: 'lambda.amazonaws.com',
          Federated: [
            `arn:aws:iam::${PROD}:saml-provider/Okta`,
            'cognito-identity.amazonaws.com',
          ],
        },
        Action: ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:TagSession'],
      }),
      org,
    );
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.edges.map(e => e.principal)).toEqual([
      { kind: 'account', accountId: SHARED, inOrganization: true },
      { kind: 'account', accountId: EXTERNAL, inOrganization: false },
      {
        kind: 'role',
        arn: `arn:aws:iam::${SHARED}:role/ops/DevOps`,
        accountId: SHARED,
        name: 'DevOps',
        inOrganization: true,
      },
      {
        kind: 'assumed-role',
        arn: `arn:aws:sts::${SHARED}:assumed-role/DevOps/alice`,
        accountId: SHARED,
        name: 'DevOps',
        inOrganization: true,
      },
      {
        kind: 'user',
        arn: `arn:aws:iam::${EXTERNAL}:user/bob`,
        accountId: EXTERNAL,
        name: 'bob',
        inOrganization: false,
      },
      expect.objectContaining({
        kind: 'unresolved',
        value: 'AROAEXAMPLEEXAMPLE1234',
      }),
      expect.objectContaining({
        kind: 'unresolved',
        reason: expect.stringContaining('wildcards'),
      }),
      { kind: 'service', service: 'lambda.amazonaws.com' },
      {
        kind: 'federated',
        provider: `arn:aws:iam::${PROD}:saml-provider/Okta`,
        providerType: 'saml',
        accountId: PROD,
        inOrganization: true,
      },
      {
        kind: 'federated',
        provider: 'cognito-identity.amazonaws.com',
        providerType: 'web-identity',
      },
    ]);
    expect(parsed.edges[0].actions).toEqual([
      'sts:AssumeRole',
      'sts:AssumeRoleWithSAML',
    ]);
    expect(
      parsed.edges.every(e => e.roleArn === ROLE && e.effect === 'Allow'),
    ).toBe(true);
  });

  it('classifies conditions and flags external id, MFA and organization limits', () => {
    const parsed = parseTrustPolicy(
      ROLE,
      doc(
        {
          Sid: 'Vendor',
          Effect: 'Allow',
          Principal: { AWS: EXTERNAL },
          Action: 'sts:AssumeRole',
          Condition: {
            StringEquals: {
              'sts:ExternalId': 'x',
              'aws:PrincipalOrgID': 'o-test',
            },
            Bool: { 'aws:MultiFactorAuthPresent': 'true' },
            StringLike: {
              'sts:SourceIdentity': '*',
              'token.actions.githubusercontent.com:sub': 'repo:*',
            },
          },
        },
        {
          Effect: 'Allow',
          Principal: '*',
          Action: 'sts:AssumeRole',
          Condition: {
            StringNotEquals: { 'sts:ExternalId': 'x' },
            'ForAnyValue:StringNotLike': {
              'aws:PrincipalOrgPaths': 'o-test/*',
            },
          },
        },
      ),
      org,
    );
    if (!parsed.ok) throw new Error(parsed.error);
    const [vendor, star] = parsed.edges;
    expect(vendor).toMatchObject({
      sid: 'Vendor',
      externalIdRequired: true,
      mfaRequired: true,
      organizationRestricted: true,
    });
    expect(vendor.conditions.map(c => c.kind)).toEqual([
      'external-id',
      'organization',
      'mfa',
      'source-identity',
      'identity-provider',
    ]);
    expect(star).toMatchObject({
      principal: { kind: 'anyone' },
      externalIdRequired: false,
      mfaRequired: false,
      organizationRestricted: false,
    });
  });

  it.each([
    ['not JSON', '{', 'not valid JSON'],
    [
      'no Principal',
      doc({ Effect: 'Allow', Action: 'sts:AssumeRole' }),
      'has no Principal',
    ],
    [
      'NotPrincipal',
      doc({
        Effect: 'Deny',
        NotPrincipal: { AWS: SHARED },
        Action: 'sts:AssumeRole',
      }),
      'NotPrincipal',
    ],
    [
      'an unknown principal type',
      doc({
        Effect: 'Allow',
        Principal: { Robot: 'x' },
        Action: 'sts:AssumeRole',
      }),
      'unknown principal type',
    ],
    [
      'an unknown element',
      doc({
        Effect: 'Allow',
        Principal: '*',
        Action: 'sts:AssumeRole',
        Foo: 1,
      }),
      'unknown element',
    ],
    ['no Effect', doc({ Principal: '*', Action: 'sts:AssumeRole' }), 'Effect'],
  ])('refuses a document with %s', (_what, document, message) => {
    const parsed = parseTrustPolicy(ROLE, document, org);
    expect(parsed).toEqual({
      ok: false,
      roleArn: ROLE,
      error: expect.stringContaining(message),
    });
  });
});
