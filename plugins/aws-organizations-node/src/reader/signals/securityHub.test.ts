import {
  GetFindingStatisticsV2Command,
  GetFindingsV2Command,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { mockClient } from 'aws-sdk-client-mock';
import { mockServices } from '@backstage/backend-test-utils';
import { ReadContext } from '../context';
import type { AwsOrganizationsClients } from '../clients';
import {
  findingFromOcsf,
  readAccountFindingsFromHub,
  readFindingCounts,
} from './securityHub';
import { SourceRead } from './sourceRead';

function sourceRead(client: SecurityHubClient) {
  const ctx = new ReadContext({
    clients: {} as AwsOrganizationsClients,
    logger: mockServices.logger.mock(),
    maxAttempts: 1,
  });
  return new SourceRead(ctx, 'securityHub', client);
}

function accountIds(n: number) {
  return Array.from({ length: n }, (_, i) =>
    String(100000000000 + i * 179999 * 991).padStart(12, '0'),
  );
}

describe('Security Hub per-account counts (aws-sdk-client-mock)', () => {
  it('asks 5 statistics a call over the organization, then per partition of at most 400 accounts where an answer was at the limit', async () => {
    const client = new SecurityHubClient({ region: 'us-east-1' });
    const mock = mockClient(client);
    const scoped = (rule: { Filters?: { CompositeFilters?: unknown[] } }) =>
      JSON.stringify(rule.Filters).includes('PREFIX');
    mock.on(GetFindingStatisticsV2Command).callsFake(input => ({
      GroupByResults: input.GroupByRules.map((rule: any, r: number) => ({
        GroupByField: 'cloud.account.uid',
        // Over the whole organization the first statistic fills the limit.
        GroupByValues:
          !scoped(rule) && r === 0
            ? Array.from({ length: 400 }, (_, i) => ({
                FieldValue: String(i).padStart(12, '0'),
                Count: 1,
              }))
            : [{ FieldValue: '123456789012', Count: 2 }],
      })),
    }));
    const read = sourceRead(client);
    const { findings, truncated } = await readFindingCounts(read, {
      organizationId: 'o-abc',
      accountIds: accountIds(5000),
      origins: [
        'security-hub',
        'access-analyzer-external',
        'access-analyzer-unused',
      ],
      agedDays: [30, 90],
    });
    const calls = mock.commandCalls(GetFindingStatisticsV2Command);
    const first = calls.filter(
      c => !c.args[0].input.GroupByRules!.some(scoped),
    );
    const again = calls.filter(c => c.args[0].input.GroupByRules!.some(scoped));
    // 17 statistics: 4 calls; 4 of them (one per chunk) asked again per partition.
    expect(first).toHaveLength(4);
    expect(again.length).toBeGreaterThanOrEqual(13);
    expect(again.length).toBeLessThanOrEqual(20);
    for (const call of again) {
      expect(call.args[0].input.GroupByRules).toHaveLength(4);
    }
    for (const call of calls) {
      const input = call.args[0].input;
      expect(input.GroupByRules!.length).toBeLessThanOrEqual(5);
      expect(input.MaxStatisticResults).toBe(400);
      expect(input.Scopes).toEqual({
        AwsOrganizations: [{ OrganizationId: 'o-abc' }],
      });
    }
    expect(truncated).toEqual([]);
    const counts = findings['123456789012'];
    // Asked again per partition: 2 from each partition, the cut answer dropped.
    expect(counts.byOrigin['security-hub']!.CRITICAL).toBe(2 * again.length);
    // Answered whole the first time: 2 once.
    expect(counts.byOrigin['security-hub']!.HIGH).toBe(2);
    expect(findings['000000000001']).toBeUndefined();
    expect(read.calls).toBe(calls.length);
  });

  it('warns of an answer at the result limit', async () => {
    const client = new SecurityHubClient({ region: 'us-east-1' });
    mockClient(client)
      .on(GetFindingStatisticsV2Command)
      .callsFake(input => ({
        GroupByResults: input.GroupByRules.map(() => ({
          GroupByValues: Array.from({ length: 400 }, (_, i) => ({
            FieldValue: String(i).padStart(12, '0'),
            Count: 1,
          })),
        })),
      }));
    const { truncated } = await readFindingCounts(sourceRead(client), {
      organizationId: 'o-abc',
      accountIds: accountIds(10),
      origins: ['security-hub'],
      agedDays: [30],
    });
    expect(truncated).toContain('security-hub CRITICAL');
  });

  it('pages one account findings up to the limit and maps OCSF', async () => {
    const client = new SecurityHubClient({ region: 'us-east-1' });
    const doc = (n: number) => ({
      metadata: {
        uid: `f${n}`,
        product: { name: n === 2 ? 'IAM Access Analyzer' : 'GuardDuty' },
      },
      finding_info: {
        uid: `f${n}`,
        title: `t${n}`,
        types: n === 2 ? ['Effects/Data Exposure/External Access Granted'] : [],
        first_seen_time_dt: '2026-01-01T00:00:00Z',
        last_seen_time_dt: `2026-01-0${9 - n}T00:00:00Z`,
      },
      severity: n === 1 ? 'Fatal' : 'Medium',
      cloud: { account: { uid: '123456789012' }, region: 'eu-west-1' },
      resources: [
        {
          type: 'AWS::S3::Bucket',
          uid: 'arn:aws:s3:::b',
          tags: [{ name: 'service', value: 'x' }],
        },
      ],
    });
    mockClient(client)
      .on(GetFindingsV2Command, { NextToken: undefined })
      .resolves({ Findings: [doc(1), doc(2)], NextToken: 't1' })
      .on(GetFindingsV2Command, { NextToken: 't1' })
      .resolves({ Findings: [doc(3)], NextToken: 't2' });
    const page = await readAccountFindingsFromHub(
      sourceRead(client),
      '123456789012',
      3,
      'us-east-1',
    );
    expect(page.truncated).toBe(true);
    expect(page.findings.map(f => [f.id, f.severity, f.origin])).toEqual([
      ['f1', 'CRITICAL', 'security-hub'],
      ['f2', 'MEDIUM', 'access-analyzer-external'],
      ['f3', 'MEDIUM', 'security-hub'],
    ]);
    expect(findingFromOcsf(doc(1), 'us-east-1')).toMatchObject({
      region: 'eu-west-1',
      resourceTags: { service: 'x' },
      consoleUrl: expect.stringContaining(
        'eu-west-1.console.aws.amazon.com/securityhub/v2',
      ),
    });
  });
});
