import {
  ConfigServiceClient,
  DescribeConfigurationAggregatorsCommand,
  SelectAggregateResourceConfigCommand,
} from '@aws-sdk/client-config-service';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { RunningEmulator, startEmulator } from '../../emulator';
import {
  CONFIG_AGGREGATOR_NAME,
  IAM_READER_ROLE,
} from '../../datasets/iamCommon';
import { countIam } from '../../state/iam';

const BASE = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' };
const SECURITY_AUDIT = '502834119477';
const ROLES =
  "SELECT accountId, resourceType, configuration WHERE resourceType = 'AWS::IAM::Role'";

describe('AWS Config (JSON 1.1) through the AWS SDK', () => {
  let emulator: RunningEmulator;
  let config: ConfigServiceClient;

  async function clientIn(accountId: string) {
    const sts = new STSClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      credentials: BASE,
    });
    const { Credentials } = await sts.send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${accountId}:role/${IAM_READER_ROLE.name}`,
        RoleSessionName: 'config',
        ExternalId: IAM_READER_ROLE.externalId,
      }),
    );
    sts.destroy();
    return new ConfigServiceClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      maxAttempts: 1,
      credentials: {
        accessKeyId: Credentials!.AccessKeyId!,
        secretAccessKey: Credentials!.SecretAccessKey!,
        sessionToken: Credentials!.SessionToken!,
      },
    });
  }

  beforeEach(async () => {
    emulator = await startEmulator({ dataset: 'demo' });
    config = await clientIn(SECURITY_AUDIT);
  });
  afterEach(async () => {
    config.destroy();
    await emulator.close();
  });

  it('describes the aggregators of the caller account only', async () => {
    const { ConfigurationAggregators } = await config.send(
      new DescribeConfigurationAggregatorsCommand({}),
    );
    expect(
      ConfigurationAggregators!.map(a => a.ConfigurationAggregatorName),
    ).toEqual([CONFIG_AGGREGATOR_NAME]);
    expect(
      ConfigurationAggregators![0].OrganizationAggregationSource?.AllAwsRegions,
    ).toBe(true);
    const base = new ConfigServiceClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      credentials: BASE,
      maxAttempts: 1,
    });
    await expect(
      base.send(
        new SelectAggregateResourceConfigCommand({
          ConfigurationAggregatorName: CONFIG_AGGREGATOR_NAME,
          Expression: ROLES,
        }),
      ),
    ).rejects.toMatchObject({ name: 'NoSuchConfigurationAggregatorException' });
    base.destroy();
  });

  it('pages every role of the organization by Limit, 100 at most, with configuration items', async () => {
    const expected = countIam(emulator.state).roles;
    const seen: any[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await config.send(
        new SelectAggregateResourceConfigCommand({
          ConfigurationAggregatorName: CONFIG_AGGREGATOR_NAME,
          Expression: ROLES,
          Limit: 100,
          NextToken: token,
        }),
      );
      pages++;
      expect(page.Results!.length).toBeLessThanOrEqual(100);
      seen.push(...page.Results!.map(r => JSON.parse(r)));
      token = page.NextToken;
    } while (token);
    expect(seen).toHaveLength(expected);
    expect(pages).toBe(Math.ceil(expected / 100));
    const devOps = seen.find(
      i =>
        i.accountId === '724108355203' && i.configuration.roleName === 'DevOps',
    );
    expect(devOps.resourceType).toBe('AWS::IAM::Role');
    expect(Object.keys(devOps).sort()).toEqual([
      'accountId',
      'configuration',
      'resourceType',
    ]);
    expect(
      JSON.parse(
        decodeURIComponent(devOps.configuration.assumeRolePolicyDocument),
      ).Statement[0].Principal.AWS,
    ).toBe('arn:aws:iam::613457820020:root');
    expect(
      devOps.configuration.permissionsBoundary.permissionsBoundaryArn,
    ).toMatch(/AcmeDeveloperBoundary$/);
  });

  it('answers the documented errors for Limit, tokens and expressions', async () => {
    const select = (input: object) =>
      config.send(
        new SelectAggregateResourceConfigCommand({
          ConfigurationAggregatorName: CONFIG_AGGREGATOR_NAME,
          Expression: ROLES,
          ...input,
        }),
      );
    await expect(select({ Limit: 101 })).rejects.toMatchObject({
      name: 'InvalidLimitException',
    });
    await expect(select({ NextToken: 'bogus' })).rejects.toMatchObject({
      name: 'InvalidNextTokenException',
    });
    await expect(
      select({ Expression: 'DELETE FROM roles' }),
    ).rejects.toMatchObject({
      name: 'InvalidExpressionException',
    });
    // No Limit: 25 per page for a non-aggregation query.
    const page = await select({});
    expect(page.Results).toHaveLength(25);
    // Exactly one page's worth: no NextToken on it.
    const users = await select({
      Expression:
        "SELECT configuration.userName WHERE resourceType = 'AWS::IAM::User'",
      Limit: 1,
    });
    expect(users.Results!.map(r => JSON.parse(r))).toEqual([
      { configuration: { userName: 'ci-legacy-deployer' } },
    ]);
    expect(users.NextToken).toBeUndefined();
  });
});
