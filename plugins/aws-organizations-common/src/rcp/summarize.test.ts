import { summarizeRcp, summarizeRcpLevels } from './summarize';

const doc = (...Statement: object[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement });
const PERIMETER = doc(
  {
    Sid: 'EnforceOrgIdentities',
    Effect: 'Deny',
    Principal: '*',
    Action: ['s3:*'],
    Resource: '*',
    Condition: {
      StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-test' },
      BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
    },
  },
  {
    Effect: 'Deny',
    Principal: '*',
    Action: ['s3:*', 'kms:*'],
    Resource: '*',
    Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } },
  },
);

describe('summarizeRcp', () => {
  it('names the data-perimeter shapes of AWS examples', () => {
    const s = summarizeRcp(PERIMETER, 'o-test');
    expect(s.ok && s.statements.map(x => [x.kind, x.sentence])).toEqual([
      [
        'identity-perimeter',
        'only principals of this organization (and AWS services) may use S3 buckets in this account',
      ],
      ['secure-transport', 'TLS required for S3 buckets and KMS keys'],
    ]);
  });

  it('names another organization, extra conditions and plain denials', () => {
    const s = summarizeRcp(
      doc(
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 'sqs:*',
          Resource: '*',
          Condition: {
            StringNotEquals: { 'aws:PrincipalOrgID': ['o-partner'] },
            StringEquals: { 'aws:ResourceTag/public': 'false' },
          },
        },
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:DeleteBucket',
          Resource: '*',
        },
      ),
      'o-test',
    );
    expect(s.ok && s.statements.map(x => x.sentence)).toEqual([
      'only principals of o-partner may use SQS queues in this account (when aws:ResourceTag/public StringEquals false)',
      'denies s3:DeleteBucket',
    ]);
  });

  it('says when a document cannot be read as an RCP', () => {
    const s = summarizeRcp(
      doc({ Effect: 'Deny', NotAction: 's3:*', Principal: '*', Resource: '*' }),
    );
    expect(s.ok).toBe(false);
    expect(s.sentence).toContain('cannot be read');
  });

  it('joins the sentences of a path, without RCPFullAWSAccess', () => {
    const full = doc({
      Effect: 'Allow',
      Principal: '*',
      Action: '*',
      Resource: '*',
    });
    const level = (policies: string[]) => ({
      kind: 'ou' as const,
      targetId: 'ou-a',
      name: 'a',
      policies: policies.map((content, i) => ({
        id: `p-${i}`,
        name: `p-${i}`,
        content,
      })),
    });
    expect(
      summarizeRcpLevels([level([full]), level([full, PERIMETER])], 'o-test'),
    ).toEqual([
      'only principals of this organization (and AWS services) may use S3 buckets in this account',
      'TLS required for S3 buckets and KMS keys',
    ]);
  });
});
