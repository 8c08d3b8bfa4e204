import {
  DescribeSecurityHubV2Command,
  GetFindingStatisticsV2Command,
  GetFindingsV2Command,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import {
  AccessAnalyzerClient,
  GetFindingsStatisticsCommand,
  ListAnalyzersCommand,
  ListFindingsV2Command,
} from '@aws-sdk/client-accessanalyzer';
import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetTrailStatusCommand,
} from '@aws-sdk/client-cloudtrail';
import {
  ConfigServiceClient,
  DescribeAggregateComplianceByConfigRulesCommand,
  DescribeAggregateComplianceByConformancePacksCommand,
  GetAggregateConfigRuleComplianceSummaryCommand,
} from '@aws-sdk/client-config-service';
import {
  ListAWSServiceAccessForOrganizationCommand,
  ListDelegatedAdministratorsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { RunningEmulator, startEmulator } from '../../emulator';
import {
  CONFIG_AGGREGATOR_NAME,
  IAM_READER_ROLE,
} from '../../datasets/iamCommon';
import { DEMO_SIGNAL_ACCOUNTS } from '../../datasets/demoSignals';

const BASE = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' };
const ADMIN = DEMO_SIGNAL_ACCOUNTS.securityAdministrator;
const ACTIVE = {
  CompositeFilters: [
    {
      Operator: 'OR' as const,
      StringFilters: [
        {
          FieldName: 'status' as const,
          Filter: { Comparison: 'EQUALS' as const, Value: 'New' },
        },
        {
          FieldName: 'status' as const,
          Filter: { Comparison: 'EQUALS' as const, Value: 'In Progress' },
        },
      ],
    },
  ],
};

describe('the detectors (Security Hub, Access Analyzer, Config, CloudTrail) through the AWS SDK', () => {
  let emulator: RunningEmulator;
  let credentials: {
    accessKeyId: string;
    secretAccessKey: string;
    sessionToken?: string;
  };

  const config = (creds = credentials) => ({
    endpoint: emulator.url,
    region: 'us-east-1',
    maxAttempts: 1,
    credentials: creds,
  });

  beforeAll(async () => {
    emulator = await startEmulator({ dataset: 'demo' });
    const sts = new STSClient(config(BASE));
    const { Credentials } = await sts.send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${ADMIN}:role/${IAM_READER_ROLE.name}`,
        RoleSessionName: 'signals',
        ExternalId: IAM_READER_ROLE.externalId,
      }),
    );
    credentials = {
      accessKeyId: Credentials!.AccessKeyId!,
      secretAccessKey: Credentials!.SecretAccessKey!,
      sessionToken: Credentials!.SessionToken,
    };
  });
  afterAll(() => emulator.close());

  it('groups the active findings by account for the delegated administrator', async () => {
    const hub = new SecurityHubClient(config());
    const described = await hub.send(new DescribeSecurityHubV2Command({}));
    expect(described.HubV2Arn).toContain(ADMIN);
    const { GroupByResults } = await hub.send(
      new GetFindingStatisticsV2Command({
        Scopes: { AwsOrganizations: [{ OrganizationId: 'o-a1b2c3d4e5' }] },
        MaxStatisticResults: 400,
        GroupByRules: [
          {
            GroupByField: 'cloud.account.uid',
            Filters: {
              ...ACTIVE,
              CompositeFilters: [
                ...ACTIVE.CompositeFilters,
                {
                  StringFilters: [
                    {
                      FieldName: 'severity',
                      Filter: { Comparison: 'EQUALS', Value: 'Critical' },
                    },
                  ],
                },
              ],
              CompositeOperator: 'AND',
            },
          },
          { GroupByField: 'severity', Filters: ACTIVE },
        ],
      }),
    );
    expect(GroupByResults![0].GroupByValues).toEqual([
      { FieldValue: DEMO_SIGNAL_ACCOUNTS.sandbox, Count: 2 },
      { FieldValue: DEMO_SIGNAL_ACCOUNTS.payments, Count: 1 },
    ]);
    // The resolved finding does not count.
    const bySeverity = Object.fromEntries(
      GroupByResults![1].GroupByValues!.map(v => [v.FieldValue, v.Count]),
    );
    expect(bySeverity.Low).toBe(1); // the unused role, not the resolved S3 finding
    hub.destroy();
  });

  it('answers what AWS documents: Scopes only for the delegated administrator, 5 rules at most, 1-400 results', async () => {
    const management = new SecurityHubClient(config(BASE));
    await expect(
      management.send(
        new GetFindingStatisticsV2Command({
          Scopes: { AwsOrganizations: [{ OrganizationId: 'o-a1b2c3d4e5' }] },
          GroupByRules: [{ GroupByField: 'severity' }],
        }),
      ),
    ).rejects.toMatchObject({
      name: 'AccessDeniedException',
      $metadata: { httpStatusCode: 403 },
    });
    // The management account is not enabled here: DescribeSecurityHubV2 is 404.
    management.destroy();
    const hub = new SecurityHubClient(config());
    await expect(
      hub.send(
        new GetFindingStatisticsV2Command({
          GroupByRules: Array.from({ length: 6 }, () => ({
            GroupByField: 'severity' as const,
          })),
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(
      hub.send(
        new GetFindingStatisticsV2Command({
          MaxStatisticResults: 401,
          GroupByRules: [{ GroupByField: 'severity' }],
        }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    hub.destroy();
  });

  it('says Security Hub is not enabled with ResourceNotFoundException', async () => {
    emulator.state.signals!.securityHub.enabledAccounts.delete(ADMIN);
    const hub = new SecurityHubClient(config());
    await expect(
      hub.send(new DescribeSecurityHubV2Command({})),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      $metadata: { httpStatusCode: 404 },
    });
    emulator.state.signals!.securityHub.enabledAccounts.add(ADMIN);
    hub.destroy();
  });

  it('pages GetFindingsV2 of one account, newest first', async () => {
    const hub = new SecurityHubClient(config());
    const filter = {
      CompositeFilters: [
        {
          StringFilters: [
            {
              FieldName: 'cloud.account.uid' as const,
              Filter: {
                Comparison: 'EQUALS' as const,
                Value: DEMO_SIGNAL_ACCOUNTS.payments,
              },
            },
          ],
        },
      ],
    };
    const first = await hub.send(
      new GetFindingsV2Command({
        Filters: filter,
        MaxResults: 2,
        SortCriteria: [
          { Field: 'finding_info.last_seen_time_dt', SortOrder: 'desc' },
        ],
      }),
    );
    expect(first.Findings).toHaveLength(2);
    expect(first.NextToken).toBeDefined();
    const second = await hub.send(
      new GetFindingsV2Command({
        Filters: filter,
        MaxResults: 2,
        NextToken: first.NextToken,
        SortCriteria: [
          { Field: 'finding_info.last_seen_time_dt', SortOrder: 'desc' },
        ],
      }),
    );
    expect(second.Findings).toHaveLength(1);
    expect(second.NextToken).toBeUndefined();
    const titles = [...first.Findings!, ...second.Findings!].map(
      f => (f as { finding_info: { title: string } }).finding_info.title,
    );
    expect(titles).toContain('CVE-2024-3094 - xz-utils');
    await expect(
      hub.send(
        new GetFindingsV2Command({ Filters: filter, NextToken: 'made-up' }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    hub.destroy();
  });

  it('lists the organization analyzers and their findings (REST-JSON)', async () => {
    const aa = new AccessAnalyzerClient(config());
    const { analyzers } = await aa.send(
      new ListAnalyzersCommand({ type: 'ORGANIZATION' }),
    );
    expect(analyzers!.map(a => a.name)).toEqual(['acme-org-external-access']);
    const stats = await aa.send(
      new GetFindingsStatisticsCommand({ analyzerArn: analyzers![0].arn }),
    );
    const external =
      stats.findingsStatistics![0].externalAccessFindingsStatistics!;
    expect(external.totalActiveFindings).toBe(3);
    expect(
      external.resourceTypeStatistics!['AWS::S3::Bucket']!.totalActivePublic,
    ).toBe(1);
    const { findings } = await aa.send(
      new ListFindingsV2Command({
        analyzerArn: analyzers![0].arn,
        filter: {
          resourceOwnerAccount: { eq: [DEMO_SIGNAL_ACCOUNTS.checkout] },
          status: { eq: ['ACTIVE'] },
        },
      }),
    );
    expect(findings!.map(f => f.resource)).toEqual([
      `arn:aws:iam::${DEMO_SIGNAL_ACCOUNTS.checkout}:role/VendorSupportAccess`,
    ]);
    await expect(
      aa.send(
        new GetFindingsStatisticsCommand({
          analyzerArn:
            'arn:aws:access-analyzer:us-east-1:111111111111:analyzer/other',
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      $metadata: { httpStatusCode: 404 },
    });
    aa.destroy();
  });

  it('summarizes Config compliance by account and lists the non-compliant rules', async () => {
    const cfg = new ConfigServiceClient(config());
    const summary = await cfg.send(
      new GetAggregateConfigRuleComplianceSummaryCommand({
        ConfigurationAggregatorName: CONFIG_AGGREGATOR_NAME,
        GroupByKey: 'ACCOUNT_ID',
      }),
    );
    const logArchive = summary.AggregateComplianceCounts!.find(
      c => c.GroupName === DEMO_SIGNAL_ACCOUNTS.logArchive,
    )!;
    expect(
      logArchive.ComplianceSummary!.NonCompliantResourceCount!.CappedCount,
    ).toBe(2);
    const rules = await cfg.send(
      new DescribeAggregateComplianceByConfigRulesCommand({
        ConfigurationAggregatorName: CONFIG_AGGREGATOR_NAME,
        Filters: { ComplianceType: 'NON_COMPLIANT' },
      }),
    );
    expect(
      rules.AggregateComplianceByConfigRules!.map(
        r => `${r.AccountId} ${r.ConfigRuleName}`,
      ),
    ).toEqual([
      `${DEMO_SIGNAL_ACCOUNTS.logArchive} s3-bucket-logging-enabled`,
      `${DEMO_SIGNAL_ACCOUNTS.logArchive} s3-bucket-versioning-enabled`,
    ]);
    const packs = await cfg.send(
      new DescribeAggregateComplianceByConformancePacksCommand({
        ConfigurationAggregatorName: CONFIG_AGGREGATOR_NAME,
        Filters: { ComplianceType: 'NON_COMPLIANT' },
        Limit: 100,
      }),
    );
    expect(packs.AggregateComplianceByConformancePacks).toHaveLength(1);
    await expect(
      cfg.send(
        new DescribeAggregateComplianceByConformancePacksCommand({
          ConfigurationAggregatorName: CONFIG_AGGREGATOR_NAME,
          Limit: 101,
        }),
      ),
    ).rejects.toBeDefined();
    cfg.destroy();
  });

  it('describes the organization trail from the management account (JSON 1.1)', async () => {
    const trail = new CloudTrailClient(config(BASE));
    const { trailList } = await trail.send(new DescribeTrailsCommand({}));
    expect(trailList).toEqual([
      expect.objectContaining({
        Name: 'acme-org-trail',
        IsOrganizationTrail: true,
        IsMultiRegionTrail: true,
        S3BucketName: 'acme-org-cloudtrail-logs',
      }),
    ]);
    const status = await trail.send(
      new GetTrailStatusCommand({ Name: trailList![0].TrailARN }),
    );
    expect(status.IsLogging).toBe(true);
    expect(status.LatestDeliveryTime).toBeInstanceOf(Date);
    await expect(
      trail.send(new GetTrailStatusCommand({ Name: 'nope' })),
    ).rejects.toMatchObject({
      name: 'TrailNotFoundException',
    });
    trail.destroy();
  });

  it('lists trusted access and the delegated administrators', async () => {
    const org = new OrganizationsClient(config(BASE));
    const access = await org.send(
      new ListAWSServiceAccessForOrganizationCommand({}),
    );
    expect(
      access.EnabledServicePrincipals!.map(p => p.ServicePrincipal),
    ).toContain('securityhub.amazonaws.com');
    const admins = await org.send(
      new ListDelegatedAdministratorsCommand({
        ServicePrincipal: 'securityhub.amazonaws.com',
      }),
    );
    expect(admins.DelegatedAdministrators!.map(a => a.Id)).toEqual([ADMIN]);
    org.destroy();
  });

  it('throttles and fails REST-JSON calls as the services do', async () => {
    emulator.setFaults({
      serverErrorBurst: { service: 'securityHub', count: 1 },
    });
    const hub = new SecurityHubClient(config());
    await expect(
      hub.send(new DescribeSecurityHubV2Command({})),
    ).rejects.toMatchObject({
      name: 'InternalServerException',
      $metadata: { httpStatusCode: 500 },
    });
    emulator.setFaults({
      errorRate: { ListAnalyzers: { rate: 1, code: 'ThrottlingException' } },
      accessDenied: ['cloudTrail'],
    });
    const aa = new AccessAnalyzerClient(config());
    await expect(aa.send(new ListAnalyzersCommand({}))).rejects.toMatchObject({
      name: 'ThrottlingException',
      $metadata: { httpStatusCode: 429 },
    });
    const trail = new CloudTrailClient(config(BASE));
    await expect(
      trail.send(new DescribeTrailsCommand({})),
    ).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
    emulator.setFaults({});
    hub.destroy();
    aa.destroy();
    trail.destroy();
  });
});
