import { mockClient } from 'aws-sdk-client-mock';
import {
  GetAccountAuthorizationDetailsCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  IAMClient,
  ListAccessKeysCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import {
  ConfigServiceClient,
  DescribeConfigurationAggregatorsCommand,
  SelectAggregateResourceConfigCommand,
} from '@aws-sdk/client-config-service';
import { mockServices } from '@backstage/backend-test-utils';
import type {
  Account,
  IamSnapshot,
} from '@aws-governance/plugin-aws-organizations-common';
import { ReadContext } from '../context';
import type { RolesSourceConfig } from '../../config/reader';
import { createIamRolesReader } from './rolesReader';

const A = '200000000001';
const B = '200000000002';
const C = '200000000003';
const AGG_ACCOUNT = '200000000009';
const POWER = 'arn:aws:iam::aws:policy/PowerUserAccess';
const READ_ONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';

const ACCOUNT_ROLE: RolesSourceConfig = {
  source: 'account-role',
  roleName: 'OrgReader',
  externalId: 'ext-1',
  concurrency: 2,
};
const AGGREGATOR: RolesSourceConfig = {
  source: 'config-aggregator',
  aggregatorName: 'org-agg',
  region: 'us-east-1',
  accountId: AGG_ACCOUNT,
  roleName: 'OrgReader',
};

const account = (id: string, state: Account['state'] = 'ACTIVE'): Account => ({
  id,
  arn: `arn:aws:organizations::111111111111:account/o-1/${id}`,
  name: `acct-${id}`,
  email: `${id}@example.com`,
  state,
  joinedMethod: 'CREATED',
  joinedTimestamp: '2024-01-01T00:00:00.000Z',
  parentId: 'r-1',
  path: ['r-1'],
  tags: {},
});

function awsError(name: string, status = 400) {
  return Object.assign(new Error(name), {
    name,
    $metadata: { httpStatusCode: status },
  });
}

const trust = (principal: string) =>
  encodeURIComponent(
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: principal },
          Action: 'sts:AssumeRole',
        },
      ],
    }),
  );

const roleDetail = (accountId: string, n: number, policy = READ_ONLY) => ({
  RoleName: `Role${n}`,
  Arn: `arn:aws:iam::${accountId}:role/Role${n}`,
  Path: '/',
  AssumeRolePolicyDocument: trust(`arn:aws:iam::${A}:root`),
  AttachedManagedPolicies: [{ PolicyName: 'x', PolicyArn: policy }],
  RolePolicyList: [],
});

const document = (action: string) =>
  encodeURIComponent(
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }],
    }),
  );

/** The reader's own clients: every roles read goes through these. */
function clients() {
  return {
    organizations: undefined as never,
    ssoAdmin: undefined as never,
    identityStore: undefined as never,
    iam: new IAMClient({ region: 'us-east-1' }),
    sts: new STSClient({ region: 'us-east-1' }),
    config: new ConfigServiceClient({ region: 'us-east-1' }),
  };
}

function context(maxAttempts = 3) {
  return new ReadContext({
    clients: clients(),
    logger: mockServices.logger.mock(),
    maxAttempts,
  });
}

/** Mocks of every IAM, STS and Config client, session clients included. */
function mocks() {
  const iam = mockClient(IAMClient);
  const sts = mockClient(STSClient);
  const config = mockClient(ConfigServiceClient);
  sts.on(AssumeRoleCommand).callsFake(input => ({
    Credentials: {
      AccessKeyId: `AKIA-${input.RoleArn.split(':')[4]}`,
      SecretAccessKey: 'secret',
      SessionToken: 'token',
      Expiration: new Date('2030-01-01T00:00:00Z'),
    },
  }));
  iam.on(GetPolicyCommand).callsFake(input => ({
    Policy: { Arn: input.PolicyArn, DefaultVersionId: 'v1' },
  }));
  iam.on(GetPolicyVersionCommand).callsFake(input => ({
    PolicyVersion: {
      VersionId: input.VersionId,
      Document: document(
        `${input.PolicyArn.split('/').pop()}:${input.VersionId}`,
      ),
    },
  }));
  iam.on(ListAccessKeysCommand).resolves({ AccessKeyMetadata: [] });
  return { iam, sts, config };
}

let m: ReturnType<typeof mocks>;
beforeEach(() => {
  m = mocks();
});
afterEach(() => {
  m.iam.restore();
  m.sts.restore();
  m.config.restore();
});

const noIdentityCenter = Promise.resolve({ status: 'not-enabled' as const });

function roleNames(iam: IamSnapshot, accountId: string) {
  const a = iam.accounts[accountId];
  if (a?.status !== 'known') throw new Error(`${accountId} is ${a?.status}`);
  return a.roles.map(r => r.name);
}

/** The access key id a session client signs with: whose session it is. */
async function sessionKey(client: unknown): Promise<string> {
  const c = client as IAMClient;
  const credentials = await c.config.credentials();
  return credentials.accessKeyId;
}

describe('roles from a read-only role in each account (aws-sdk-client-mock)', () => {
  it('follows GetAccountAuthorizationDetails pages through Marker, per account, with that account session', async () => {
    m.iam
      .on(GetAccountAuthorizationDetailsCommand)
      .callsFake(async (input, getClient) => {
        const key = await sessionKey(getClient());
        const id = key.replace('AKIA-', '');
        const page = Number(input.Marker ?? 0);
        const roles = [1, 2, 3].map(n => roleDetail(id, page * 3 + n));
        const last = page === 2;
        return {
          RoleDetailList: roles,
          UserDetailList: [],
          Policies: [],
          IsTruncated: !last,
          ...(last ? {} : { Marker: String(page + 1) }),
        };
      });
    const ctx = context();
    const iam = await createIamRolesReader({ source: ACCOUNT_ROLE }).read(
      ctx,
      [account(A), account(B)],
      noIdentityCenter,
    );
    for (const id of [A, B]) {
      expect(roleNames(iam, id)).toEqual(
        Array.from({ length: 9 }, (_, i) => `Role${i + 1}`),
      );
      const arns = (iam.accounts[id] as any).roles.map((r: any) => r.arn);
      expect(arns.every((arn: string) => arn.includes(`::${id}:`))).toBe(true);
    }
    const pages = m.iam.commandCalls(GetAccountAuthorizationDetailsCommand);
    expect(pages).toHaveLength(6);
    expect(pages.map(c => c.args[0].input.MaxItems)).toEqual(
      Array(6).fill(1000),
    );
    expect(
      m.sts.commandCalls(AssumeRoleCommand).map(c => c.args[0].input),
    ).toEqual(
      [A, B].map(id =>
        expect.objectContaining({
          RoleArn: `arn:aws:iam::${id}:role/OrgReader`,
          ExternalId: 'ext-1',
        }),
      ),
    );
    expect(ctx.warnings).toEqual([]);
  });

  it('an account whose role cannot be assumed (AccessDenied) is unknown with a warning, never "no roles"; the others are read', async () => {
    m.sts
      .on(AssumeRoleCommand, { RoleArn: `arn:aws:iam::${B}:role/OrgReader` })
      .rejects(awsError('AccessDenied', 403));
    m.iam.on(GetAccountAuthorizationDetailsCommand).resolves({
      RoleDetailList: [roleDetail(A, 1)],
      IsTruncated: false,
    });
    const ctx = context();
    const iam = await createIamRolesReader({ source: ACCOUNT_ROLE }).read(
      ctx,
      [account(A), account(B), account(C, 'SUSPENDED')],
      noIdentityCenter,
    );
    expect(iam.accounts[B]).toEqual({
      status: 'unknown',
      reason: expect.stringContaining('AccessDenied'),
    });
    expect(iam.accounts[C]).toEqual({
      status: 'unknown',
      reason: expect.stringContaining('SUSPENDED'),
    });
    expect(roleNames(iam, A)).toEqual(['Role1']);
    expect(ctx.warnings).toEqual([
      expect.objectContaining({ resource: B, message: expect.any(String) }),
    ]);
    // No call for the suspended account, and none retried for AccessDenied.
    expect(m.sts.commandCalls(AssumeRoleCommand)).toHaveLength(2);
  });

  it('a listing denied part way makes the account unknown, not a partial list of roles', async () => {
    m.iam
      .on(GetAccountAuthorizationDetailsCommand)
      .callsFake(async (input, getClient) => {
        const id = (await sessionKey(getClient())).replace('AKIA-', '');
        if (id === B && input.Marker) throw awsError('AccessDenied', 403);
        return {
          RoleDetailList: [roleDetail(id, input.Marker ? 2 : 1)],
          IsTruncated: !input.Marker,
          ...(input.Marker ? {} : { Marker: 'next' }),
        };
      });
    const ctx = context();
    const iam = await createIamRolesReader({ source: ACCOUNT_ROLE }).read(
      ctx,
      [account(A), account(B)],
      noIdentityCenter,
    );
    expect(roleNames(iam, A)).toEqual(['Role1', 'Role2']);
    expect(iam.accounts[B].status).toBe('unknown');
    expect(ctx.warnings.map(w => w.resource)).toEqual([B]);
  });

  it('lists the access keys of each user, following Marker', async () => {
    m.iam.on(GetAccountAuthorizationDetailsCommand).resolves({
      RoleDetailList: [roleDetail(A, 1)],
      UserDetailList: [
        { UserName: 'deployer', Arn: `arn:aws:iam::${A}:user/deployer` },
      ],
      IsTruncated: false,
    });
    m.iam
      .on(ListAccessKeysCommand)
      .resolvesOnce({
        AccessKeyMetadata: [{ AccessKeyId: 'AKIA1', Status: 'Active' }],
        IsTruncated: true,
        Marker: 'm',
      })
      .resolvesOnce({
        AccessKeyMetadata: [{ AccessKeyId: 'AKIA2', Status: 'Inactive' }],
        IsTruncated: false,
      });
    const iam = await createIamRolesReader({ source: ACCOUNT_ROLE }).read(
      context(),
      [account(A)],
      noIdentityCenter,
    );
    const user = (iam.accounts[A] as any).users[0];
    expect(user.accessKeys).toEqual([
      { accessKeyId: 'AKIA1', status: 'Active' },
      { accessKeyId: 'AKIA2', status: 'Inactive' },
    ]);
  });
});

const configItem = (
  resourceType: string,
  accountId: string,
  configuration: object,
) => JSON.stringify({ accountId, resourceType, configuration });

const configRole = (accountId: string, n: number) =>
  configItem('AWS::IAM::Role', accountId, {
    arn: `arn:aws:iam::${accountId}:role/Role${n}`,
    roleName: `Role${n}`,
    path: '/',
    assumeRolePolicyDocument: trust(`arn:aws:iam::${A}:root`),
    attachedManagedPolicies: [{ policyName: 'x', policyArn: POWER }],
  });

describe('roles from an AWS Config aggregator (aws-sdk-client-mock)', () => {
  beforeEach(() => {
    m.config.on(DescribeConfigurationAggregatorsCommand).resolves({
      ConfigurationAggregators: [
        {
          ConfigurationAggregatorName: 'org-agg',
          OrganizationAggregationSource: { RoleArn: 'x', AllAwsRegions: true },
        },
      ],
    });
  });

  it('follows NextToken at 100 a page for each IAM resource type, in the aggregator account session', async () => {
    const roles = Array.from({ length: 250 }, (_, i) =>
      configRole(i % 2 ? A : B, i),
    );
    const pageSizes: number[] = [];
    const sessions = new Set<string>();
    m.config
      .on(SelectAggregateResourceConfigCommand)
      .callsFake(async (input, getClient) => {
        sessions.add(await sessionKey(getClient()));
        expect(input.ConfigurationAggregatorName).toBe('org-agg');
        if (!input.Expression.includes("'AWS::IAM::Role'")) {
          return { Results: [] };
        }
        const start = Number(input.NextToken ?? 0);
        const slice = roles.slice(start, start + input.Limit);
        pageSizes.push(input.Limit);
        const next = start + input.Limit;
        return {
          Results: slice,
          ...(next < roles.length ? { NextToken: String(next) } : {}),
        };
      });
    const ctx = context();
    const iam = await createIamRolesReader({ source: AGGREGATOR }).read(
      ctx,
      [account(A), account(B)],
      noIdentityCenter,
    );
    expect(pageSizes).toEqual([100, 100, 100]);
    expect(roleNames(iam, A)).toHaveLength(125);
    expect(roleNames(iam, B)).toHaveLength(125);
    expect([...sessions]).toEqual([`AKIA-${AGG_ACCOUNT}`]);
    expect(m.sts.commandCalls(AssumeRoleCommand)[0].args[0].input.RoleArn).toBe(
      `arn:aws:iam::${AGG_ACCOUNT}:role/OrgReader`,
    );
    expect(iam.managedPolicies.map(p => p.arn)).toEqual([POWER]);
  });

  it('an account Config records no role of is unknown with a warning; AccessDenied on the queries makes every account unknown, never "no roles"', async () => {
    m.config.on(SelectAggregateResourceConfigCommand).callsFake(input => ({
      Results: input.Expression.includes("'AWS::IAM::Role'")
        ? [configRole(A, 1)]
        : [],
    }));
    let ctx = context();
    let iam = await createIamRolesReader({ source: AGGREGATOR }).read(
      ctx,
      [account(A), account(B)],
      noIdentityCenter,
    );
    expect(roleNames(iam, A)).toEqual(['Role1']);
    expect(iam.accounts[B]).toEqual({
      status: 'unknown',
      reason: expect.stringContaining('holds no IAM role'),
    });
    expect(ctx.warnings.map(w => w.resource)).toEqual([B]);

    m.config
      .on(SelectAggregateResourceConfigCommand)
      .rejects(awsError('AccessDeniedException'));
    ctx = context();
    iam = await createIamRolesReader({ source: AGGREGATOR }).read(
      ctx,
      [account(A), account(B)],
      noIdentityCenter,
    );
    expect(Object.values(iam.accounts)).toEqual([
      { status: 'unknown', reason: expect.stringContaining('AccessDenied') },
      { status: 'unknown', reason: expect.stringContaining('AccessDenied') },
    ]);
    expect(ctx.warnings).toHaveLength(1);
  });

  it('an account outside the aggregator sources is unknown', async () => {
    m.config.on(DescribeConfigurationAggregatorsCommand).resolves({
      ConfigurationAggregators: [
        {
          ConfigurationAggregatorName: 'org-agg',
          AccountAggregationSources: [{ AccountIds: [A], AllAwsRegions: true }],
        },
      ],
    });
    m.config.on(SelectAggregateResourceConfigCommand).callsFake(input => ({
      Results: input.Expression.includes("'AWS::IAM::Role'")
        ? [configRole(A, 1), configRole(B, 1)]
        : [],
    }));
    const iam = await createIamRolesReader({ source: AGGREGATOR }).read(
      context(),
      [account(A), account(B)],
      noIdentityCenter,
    );
    expect(roleNames(iam, A)).toEqual(['Role1']);
    expect(iam.accounts[B]).toEqual({
      status: 'unknown',
      reason: expect.stringContaining('not a source'),
    });
  });
});

describe('the managed policy cache', () => {
  beforeEach(() => {
    m.iam
      .on(GetAccountAuthorizationDetailsCommand)
      .callsFake(async (_input, getClient) => {
        const id = (await sessionKey(getClient())).replace('AKIA-', '');
        return {
          RoleDetailList: [roleDetail(id, 1, POWER), roleDetail(id, 2)],
          IsTruncated: false,
        };
      });
  });

  it('reads each AWS managed policy once per default version, across reads of one reader', async () => {
    const reader = createIamRolesReader({ source: ACCOUNT_ROLE });
    const first = await reader.read(
      context(),
      [account(A), account(B)],
      noIdentityCenter,
    );
    expect(
      first.managedPolicies.map(p => [p.arn, p.defaultVersionId, p.document]),
    ).toEqual(
      expect.arrayContaining([
        [POWER, 'v1', expect.stringContaining('PowerUserAccess:v1')],
        [READ_ONLY, 'v1', expect.stringContaining('ReadOnlyAccess:v1')],
      ]),
    );
    expect(m.iam.commandCalls(GetPolicyVersionCommand)).toHaveLength(2);

    // Same default versions: GetPolicy only.
    m.iam.resetHistory();
    await reader.read(context(), [account(A)], noIdentityCenter);
    expect(m.iam.commandCalls(GetPolicyCommand)).toHaveLength(2);
    expect(m.iam.commandCalls(GetPolicyVersionCommand)).toHaveLength(0);

    // AWS published a new default version of one: that one is read again.
    m.iam.on(GetPolicyCommand).callsFake(input => ({
      Policy: {
        Arn: input.PolicyArn,
        DefaultVersionId: input.PolicyArn === POWER ? 'v2' : 'v1',
      },
    }));
    m.iam.resetHistory();
    const third = await reader.read(context(), [account(A)], noIdentityCenter);
    expect(
      m.iam
        .commandCalls(GetPolicyVersionCommand)
        .map(c => [c.args[0].input.PolicyArn, c.args[0].input.VersionId]),
    ).toEqual([[POWER, 'v2']]);
    expect(third.managedPolicies.find(p => p.arn === POWER)).toMatchObject({
      defaultVersionId: 'v2',
      document: expect.stringContaining('PowerUserAccess:v2'),
    });

    // A new reader has its own cache.
    m.iam.resetHistory();
    await createIamRolesReader({ source: ACCOUNT_ROLE }).read(
      context(),
      [account(A)],
      noIdentityCenter,
    );
    expect(m.iam.commandCalls(GetPolicyVersionCommand)).toHaveLength(2);
  });

  it('a policy whose GetPolicy is denied is unknown with a warning; the roles stay known', async () => {
    m.iam
      .on(GetPolicyCommand, { PolicyArn: POWER })
      .rejects(awsError('AccessDenied', 403));
    const ctx = context();
    const iam = await createIamRolesReader({ source: ACCOUNT_ROLE }).read(
      ctx,
      [account(A)],
      noIdentityCenter,
    );
    expect(iam.managedPolicies.find(p => p.arn === POWER)?.document).toEqual({
      unknown: true,
      reason: expect.stringContaining('AccessDenied'),
    });
    expect(roleNames(iam, A)).toEqual(['Role1', 'Role2']);
    expect(ctx.warnings.map(w => w.resource)).toEqual([POWER]);
  });
});
