import {
  GetAccountAuthorizationDetailsCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  IAMClient,
  ListAccessKeysCommand,
  paginateGetAccountAuthorizationDetails,
} from '@aws-sdk/client-iam';
import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import { RunningEmulator, startEmulator } from '../../emulator';
import { DEMO_IDS } from '../../datasets';
import { IAM_READER_ROLE } from '../../datasets/iamCommon';
import { removeIamRole } from '../../state/iam';

const BASE = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' };
const PROD = '724108355203';
const readerArn = (accountId: string) =>
  `arn:aws:iam::${accountId}:role/${IAM_READER_ROLE.name}`;

describe('IAM and STS (query protocol) through the AWS SDK', () => {
  let emulator: RunningEmulator;
  let sts: STSClient;
  const config = () => ({
    endpoint: emulator.url,
    region: 'us-east-1',
    maxAttempts: 1,
  });

  beforeEach(async () => {
    emulator = await startEmulator({ dataset: 'demo' });
    sts = new STSClient({ ...config(), credentials: BASE });
  });
  afterEach(async () => {
    sts.destroy();
    await emulator.close();
  });

  async function assume(
    accountId: string,
    externalId: string = IAM_READER_ROLE.externalId,
  ) {
    const { Credentials } = await sts.send(
      new AssumeRoleCommand({
        RoleArn: readerArn(accountId),
        RoleSessionName: 'test',
        ExternalId: externalId,
      }),
    );
    return new IAMClient({
      ...config(),
      credentials: {
        accessKeyId: Credentials!.AccessKeyId!,
        secretAccessKey: Credentials!.SecretAccessKey!,
        sessionToken: Credentials!.SessionToken!,
      },
    });
  }

  it('answers GetCallerIdentity for the base credentials and for an assumed role', async () => {
    const base = await sts.send(new GetCallerIdentityCommand({}));
    expect(base.Account).toBe(DEMO_IDS.managementAccountId);
    const iam = await assume(PROD);
    const { credentials } = iam.config;
    const assumed = new STSClient({ ...config(), credentials });
    const who = await assumed.send(new GetCallerIdentityCommand({}));
    expect(who.Account).toBe(PROD);
    expect(who.Arn).toBe(
      `arn:aws:sts::${PROD}:assumed-role/${IAM_READER_ROLE.name}/test`,
    );
    assumed.destroy();
    iam.destroy();
  });

  it('attributes IAM calls to the assumed account and decodes as the SDK expects', async () => {
    const iam = await assume(PROD);
    const details = await iam.send(
      new GetAccountAuthorizationDetailsCommand({
        Filter: ['Role', 'User', 'LocalManagedPolicy'],
        MaxItems: 1000,
      }),
    );
    expect(details.IsTruncated).toBe(false);
    const devOps = details.RoleDetailList!.find(r => r.RoleName === 'DevOps')!;
    expect(devOps.Arn).toBe(`arn:aws:iam::${PROD}:role/DevOps`);
    // Documents come URL-encoded, as IAM returns them.
    expect(devOps.AssumeRolePolicyDocument).toMatch(/^%7B/);
    const trust = JSON.parse(
      decodeURIComponent(devOps.AssumeRolePolicyDocument!),
    );
    expect(trust.Statement[0].Principal.AWS).toBe(
      'arn:aws:iam::613457820020:root',
    );
    expect(devOps.PermissionsBoundary?.PermissionsBoundaryArn).toBe(
      `arn:aws:iam::${PROD}:policy/AcmeDeveloperBoundary`,
    );
    expect(devOps.RoleLastUsed?.LastUsedDate).toBeInstanceOf(Date);
    expect(
      details.RoleDetailList!.some(r =>
        r.RoleName!.startsWith('AWSReservedSSO_ReadOnly_'),
      ),
    ).toBe(true);
    expect(details.Policies!.map(p => p.PolicyName).sort()).toEqual([
      'AcmeDeveloperBoundary',
      'AcmeDeveloperExtras',
    ]);
    iam.destroy();
  });

  it('pages GetAccountAuthorizationDetails by MaxItems with IsTruncated and Marker', async () => {
    const iam = await assume(PROD);
    const all = await iam.send(
      new GetAccountAuthorizationDetailsCommand({ Filter: ['Role'] }),
    );
    const roles: string[] = [];
    let pages = 0;
    for await (const page of paginateGetAccountAuthorizationDetails(
      { client: iam, pageSize: 2 },
      { Filter: ['Role'] },
    )) {
      pages++;
      expect(page.RoleDetailList!.length).toBeLessThanOrEqual(2);
      roles.push(...page.RoleDetailList!.map(r => r.RoleName!));
    }
    const total = all.RoleDetailList!.length;
    expect(roles).toEqual(all.RoleDetailList!.map(r => r.RoleName));
    expect(pages).toBe(Math.ceil(total / 2));
    await expect(
      iam.send(new GetAccountAuthorizationDetailsCommand({ MaxItems: 1001 })),
    ).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(
      iam.send(
        new GetAccountAuthorizationDetailsCommand({ Marker: 'not-a-marker' }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationError' });
    iam.destroy();
  });

  it('serves managed policy versions and the access keys of a user', async () => {
    const iam = await assume('724108355201');
    const arn = 'arn:aws:iam::aws:policy/PowerUserAccess';
    const { Policy } = await iam.send(new GetPolicyCommand({ PolicyArn: arn }));
    expect(Policy!.DefaultVersionId).toBe('v2');
    const { PolicyVersion } = await iam.send(
      new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v2' }),
    );
    const document = JSON.parse(decodeURIComponent(PolicyVersion!.Document!));
    expect(document.Statement[0].NotAction).toContain('organizations:*');
    await expect(
      iam.send(
        new GetPolicyCommand({ PolicyArn: 'arn:aws:iam::aws:policy/Nope' }),
      ),
    ).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      $metadata: { httpStatusCode: 404 },
    });
    const keys = await iam.send(
      new ListAccessKeysCommand({ UserName: 'ci-legacy-deployer' }),
    );
    expect(keys.AccessKeyMetadata!.map(k => k.Status)).toEqual([
      'Active',
      'Inactive',
    ]);
    iam.destroy();
  });

  it('denies AssumeRole without the external id, on a missing role and in a suspended account', async () => {
    await expect(assume(PROD, 'wrong')).rejects.toMatchObject({
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
    });
    removeIamRole(emulator.state, PROD, IAM_READER_ROLE.name);
    await expect(assume(PROD)).rejects.toMatchObject({ name: 'AccessDenied' });
    await expect(assume('890064911801')).rejects.toMatchObject({
      name: 'AccessDenied',
    });
  });

  it('throttles and fails with the query protocol errors', async () => {
    await emulator.close();
    emulator = await startEmulator({
      dataset: 'demo',
      rateLimit: { sts: { tps: 0.001, burst: 1 } },
    });
    sts.destroy();
    sts = new STSClient({ ...config(), credentials: BASE });
    await sts.send(new GetCallerIdentityCommand({}));
    await expect(
      sts.send(new GetCallerIdentityCommand({})),
    ).rejects.toMatchObject({
      name: 'Throttling',
      $fault: 'client',
    });
    emulator.setFaults({ serverErrorBurst: { service: 'iam', count: 1 } });
    const iam = new IAMClient({ ...config(), credentials: BASE });
    await expect(
      iam.send(new GetAccountAuthorizationDetailsCommand({})),
    ).rejects.toMatchObject({
      name: 'ServiceFailureException',
      $metadata: { httpStatusCode: 500 },
    });
    expect(emulator.stats().calls.iam.GetAccountAuthorizationDetails).toBe(1);
    expect(emulator.stats().throttled).toBe(1);
    iam.destroy();
  });
});
