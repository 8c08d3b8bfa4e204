/*
 * Throttling of the roles reader's calls, retried by the SDK's own retry
 * middleware under the reader's retry allowances. aws-sdk-client-mock
 * replaces `send` and so skips the middleware; here the clients keep the
 * whole SDK stack (serializers, retry, deserializers) and only the HTTP
 * handler is scripted: AWS's throttling answers (IAM and STS in the query
 * protocol, Config in JSON 1.1), then the real answer.
 */
import { Readable } from 'node:stream';
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { mockServices } from '@backstage/backend-test-utils';
import type { Account } from '@aws-governance/plugin-aws-organizations-common';
import { ReadContext } from '../context';
import { createIamRolesReader } from './rolesReader';

const A = '200000000001';

interface Request {
  headers: Record<string, string>;
  body?: unknown;
}
interface Answer {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/** An HTTP handler that answers each operation from a script, in order. */
class ScriptedHandler {
  readonly calls: string[] = [];
  constructor(readonly script: Record<string, Answer[]>) {}

  async handle(request: Request) {
    const target = request.headers['x-amz-target'];
    const body =
      request.body instanceof Uint8Array
        ? new TextDecoder().decode(request.body)
        : String(request.body);
    const operation = target
      ? target.split('.').pop()!
      : /Action=(\w+)/.exec(body)![1];
    // Config's queries: one script per IAM resource type.
    const type = /'(AWS::IAM::\w+)'/.exec(body)?.[1];
    const key = type ? `${operation} ${type}` : operation;
    this.calls.push(key);
    const answers = this.script[key];
    if (!answers?.length) throw new Error(`no answer for ${operation}`);
    const answer = answers.length > 1 ? answers.shift()! : answers[0];
    return {
      response: {
        statusCode: answer.status,
        headers: {
          'content-type': target ? 'application/x-amz-json-1.1' : 'text/xml',
          ...answer.headers,
        },
        body: Readable.from([Buffer.from(answer.body)]),
      },
    };
  }

  updateHttpClientConfig() {}
  httpHandlerConfigs() {
    return {};
  }
  destroy() {}
}

const queryThrottle: Answer = {
  status: 400,
  body: '<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r</RequestId></ErrorResponse>',
};
const jsonThrottle: Answer = {
  status: 400,
  body: '{"__type":"ThrottlingException","message":"Rate exceeded"}',
};

const xml = (operation: string, result: string, ns: string) =>
  `<${operation}Response xmlns="${ns}"><${operation}Result>${result}</${operation}Result><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></${operation}Response>`;
const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';

const assumed: Answer = {
  status: 200,
  body: xml(
    'AssumeRole',
    '<Credentials><AccessKeyId>AKIA</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration></Credentials>',
    'https://sts.amazonaws.com/doc/2011-06-15/',
  ),
};
const trust = encodeURIComponent(
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::200000000002:root"},"Action":"sts:AssumeRole"}]}',
);
const details: Answer = {
  status: 200,
  body: xml(
    'GetAccountAuthorizationDetails',
    `<IsTruncated>false</IsTruncated><UserDetailList/><GroupDetailList/><Policies/><RoleDetailList><member><RoleName>DevOps</RoleName><Arn>arn:aws:iam::${A}:role/DevOps</Arn><Path>/</Path><AssumeRolePolicyDocument>${trust}</AssumeRolePolicyDocument><AttachedManagedPolicies/><RolePolicyList/></member></RoleDetailList>`,
    IAM_NS,
  ),
};

const account: Account = {
  id: A,
  arn: `arn:aws:organizations::111111111111:account/o-1/${A}`,
  name: 'prod',
  email: 'a@example.com',
  state: 'ACTIVE',
  joinedMethod: 'CREATED',
  joinedTimestamp: '2024-01-01T00:00:00.000Z',
  parentId: 'r-1',
  path: ['r-1'],
  tags: {},
};

function contextWith(handler: ScriptedHandler, maxAttempts: number) {
  const base = {
    region: 'us-east-1',
    credentials: { accessKeyId: 'k', secretAccessKey: 's' },
    requestHandler: handler as never,
  };
  return new ReadContext({
    clients: {
      organizations: undefined as never,
      ssoAdmin: undefined as never,
      identityStore: undefined as never,
      iam: new IAMClient(base),
      sts: new STSClient(base),
      config: new ConfigServiceClient(base),
    },
    logger: mockServices.logger.mock(),
    maxAttempts,
  });
}

describe('throttled roles reads are retried', () => {
  it('per account: AssumeRole and GetAccountAuthorizationDetails throttled, then read', async () => {
    const handler = new ScriptedHandler({
      AssumeRole: [queryThrottle, assumed],
      GetAccountAuthorizationDetails: [queryThrottle, queryThrottle, details],
    });
    const ctx = contextWith(handler, 4);
    const iam = await createIamRolesReader({
      source: { source: 'account-role', roleName: 'R', concurrency: 1 },
    }).read(ctx, [account], Promise.resolve({ status: 'not-enabled' }));
    expect(iam.accounts[A]).toMatchObject({
      status: 'known',
      roles: [{ name: 'DevOps' }],
    });
    expect(handler.calls).toEqual([
      'AssumeRole',
      'AssumeRole',
      'GetAccountAuthorizationDetails',
      'GetAccountAuthorizationDetails',
      'GetAccountAuthorizationDetails',
    ]);
    const stats = ctx.stats.snapshot();
    expect(stats.throttles).toBe(3);
    expect(stats.retries).toBe(3);
    expect(ctx.warnings).toEqual([]);
  });

  it('per account: throttled beyond the attempts, the account is unknown with a warning', async () => {
    const handler = new ScriptedHandler({
      AssumeRole: [assumed],
      GetAccountAuthorizationDetails: [queryThrottle],
    });
    const ctx = contextWith(handler, 2);
    const iam = await createIamRolesReader({
      source: { source: 'account-role', roleName: 'R', concurrency: 1 },
    }).read(ctx, [account], Promise.resolve({ status: 'not-enabled' }));
    expect(iam.accounts[A]).toEqual({
      status: 'unknown',
      reason: expect.stringContaining('Throttling'),
    });
    expect(handler.calls.filter(c => c !== 'AssumeRole')).toHaveLength(2);
    expect(ctx.warnings.map(w => w.resource)).toEqual([A]);
  });

  it('aggregator: SelectAggregateResourceConfig throttled, then read', async () => {
    const role = JSON.stringify({
      accountId: A,
      resourceType: 'AWS::IAM::Role',
      configuration: {
        arn: `arn:aws:iam::${A}:role/DevOps`,
        roleName: 'DevOps',
        assumeRolePolicyDocument: trust,
      },
    });
    const handler = new ScriptedHandler({
      DescribeConfigurationAggregators: [
        jsonThrottle,
        {
          status: 200,
          body: JSON.stringify({
            ConfigurationAggregators: [
              {
                ConfigurationAggregatorName: 'agg',
                OrganizationAggregationSource: {
                  RoleArn: 'x',
                  AllAwsRegions: true,
                },
              },
            ],
          }),
        },
      ],
      'SelectAggregateResourceConfig AWS::IAM::Role': [
        jsonThrottle,
        jsonThrottle,
        { status: 200, body: JSON.stringify({ Results: [role] }) },
      ],
      'SelectAggregateResourceConfig AWS::IAM::User': [
        { status: 200, body: '{"Results":[]}' },
      ],
      'SelectAggregateResourceConfig AWS::IAM::Policy': [
        { status: 200, body: '{"Results":[]}' },
      ],
    });
    const ctx = contextWith(handler, 4);
    const iam = await createIamRolesReader({
      source: {
        source: 'config-aggregator',
        aggregatorName: 'agg',
        region: 'us-east-1',
      },
    }).read(ctx, [account], Promise.resolve({ status: 'not-enabled' }));
    expect(iam.accounts[A]).toMatchObject({
      status: 'known',
      roles: [{ name: 'DevOps' }],
    });
    expect(ctx.stats.snapshot().throttles).toBe(3);
    expect(
      handler.calls.filter(c => c.endsWith('AWS::IAM::Role')),
    ).toHaveLength(3);
  });
});
