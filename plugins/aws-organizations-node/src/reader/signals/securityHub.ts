import {
  DescribeSecurityHubV2Command,
  GetFindingStatisticsV2Command,
  GetFindingsV2Command,
  type CompositeFilter,
  type OcsfFindingFilters,
} from '@aws-sdk/client-securityhub';
import {
  FINDING_SEVERITIES,
  type AccountFindingCounts,
  type FindingOrigin,
  type FindingSeverity,
  type SecurityFinding,
  type SeverityCounts,
} from '@aws-governance/plugin-aws-organizations-common';
import { AccountPartition, partitionAccounts } from './partition';
import { SourceRead } from './sourceRead';

/** GetFindingStatisticsV2: at most 5 GroupByRules a call, 1-400 results per rule. */
export const GROUP_BY_RULES_PER_CALL = 5;
export const MAX_STATISTIC_RESULTS = 400;

/** The product name of Access Analyzer's findings in Security Hub. */
export const ACCESS_ANALYZER_PRODUCT = 'IAM Access Analyzer';

/** OCSF severity captions by our labels (OCSF `Fatal` counts as critical). */
const OCSF_SEVERITIES: Record<FindingSeverity, string[]> = {
  CRITICAL: ['Critical', 'Fatal'],
  HIGH: ['High'],
  MEDIUM: ['Medium'],
  LOW: ['Low'],
  INFORMATIONAL: ['Informational'],
};

const eq = (FieldName: string, Value: string) => ({
  FieldName: FieldName as any,
  Filter: { Comparison: 'EQUALS' as const, Value },
});

/** Active: OCSF status New or In Progress (not Suppressed, Resolved, Archived). */
const ACTIVE: CompositeFilter = {
  Operator: 'OR',
  StringFilters: [eq('status', 'New'), eq('status', 'In Progress')],
};

const EXTERNAL_ACCESS_TYPE = 'External Access';

/** Which findings an origin counts. */
function originFilters(origin: FindingOrigin): CompositeFilter[] {
  if (origin === 'security-hub') {
    return [
      {
        StringFilters: [
          {
            FieldName: 'metadata.product.name',
            Filter: {
              Comparison: 'NOT_EQUALS',
              Value: ACCESS_ANALYZER_PRODUCT,
            },
          },
        ],
      },
    ];
  }
  return [
    {
      StringFilters: [
        eq('metadata.product.name', ACCESS_ANALYZER_PRODUCT),
        {
          FieldName: 'finding_info.types',
          Filter: {
            Comparison:
              origin === 'access-analyzer-external'
                ? 'CONTAINS'
                : 'NOT_CONTAINS',
            Value: EXTERNAL_ACCESS_TYPE,
          },
        },
      ],
    },
  ];
}

function severityFilter(severities: string[]): CompositeFilter {
  return {
    Operator: 'OR',
    StringFilters: severities.map(s => eq('severity', s)),
  };
}

/** One statistic the reader asks for, grouped by account. */
interface Statistic {
  origin?: FindingOrigin;
  severity?: FindingSeverity;
  agedDays?: number;
  filters: CompositeFilter[];
}

function statistics(
  origins: FindingOrigin[],
  agedDays: number[],
  now: Date,
): Statistic[] {
  const result: Statistic[] = [];
  for (const origin of origins) {
    for (const severity of FINDING_SEVERITIES) {
      result.push({
        origin,
        severity,
        filters: [
          ...originFilters(origin),
          severityFilter(OCSF_SEVERITIES[severity]),
        ],
      });
    }
  }
  for (const days of agedDays) {
    result.push({
      agedDays: days,
      filters: [
        severityFilter([...OCSF_SEVERITIES.CRITICAL, ...OCSF_SEVERITIES.HIGH]),
        {
          DateFilters: [
            {
              FieldName: 'finding_info.first_seen_time_dt',
              Filter: {
                End: new Date(now.getTime() - days * 86_400_000).toISOString(),
              },
            },
          ],
        },
      ],
    });
  }
  return result;
}

function zeroCounts(): SeverityCounts {
  return { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0 };
}

/** What the per-account statistics read returns. */
export interface SecurityHubCounts {
  findings: Record<string, AccountFindingCounts>;
  /** Rules whose answer held the result limit (possibly cut). */
  truncated: string[];
}

/** DescribeSecurityHubV2: throws when Security Hub is not enabled (ResourceNotFoundException). */
export async function describeHub(read: SourceRead): Promise<void> {
  await read.send(
    'DescribeSecurityHubV2',
    'hubv2',
    new DescribeSecurityHubV2Command({}),
  );
}

/**
 * Per-account counts of active findings by origin and severity, and of
 * critical and high findings older than each age, from
 * GetFindingStatisticsV2 grouped by `cloud.account.uid` over the
 * organization (`Scopes`), at most 5 statistics a call: first over the
 * whole organization, then, for the statistics whose answer reached the
 * 400-result limit, per partition of at most 400 accounts, so that no
 * answer is cut. Calls: ceil(statistics / 5) + partitions x ceil(cut
 * statistics / 5), whatever the number of findings.
 */
export async function readFindingCounts(
  read: SourceRead,
  options: {
    organizationId: string;
    accountIds: string[];
    origins: FindingOrigin[];
    agedDays: number[];
    now?: Date;
  },
): Promise<SecurityHubCounts> {
  const now = options.now ?? new Date();
  const wanted = statistics(options.origins, options.agedDays, now);
  const partitions = partitionAccounts(
    options.accountIds,
    MAX_STATISTIC_RESULTS,
  );
  const findings: Record<string, AccountFindingCounts> = {};
  const truncated: string[] = [];
  const countsOf = (accountId: string) => {
    let entry = findings[accountId];
    if (!entry) {
      entry = {
        byOrigin: Object.fromEntries(
          options.origins.map(o => [o, zeroCounts()]),
        ),
        agedCriticalHigh: options.agedDays.map(days => ({ days, count: 0 })),
      };
      findings[accountId] = entry;
    }
    return entry;
  };
  const label = (stat: Statistic) =>
    stat.origin
      ? `${stat.origin} ${stat.severity}`
      : `aged ${stat.agedDays} days`;
  const add = (
    stat: Statistic,
    values: { FieldValue?: string; Count?: number }[],
  ) => {
    for (const { FieldValue, Count } of values) {
      if (!FieldValue || !Count) continue;
      const entry = countsOf(FieldValue);
      if (stat.origin && stat.severity) {
        entry.byOrigin[stat.origin]![stat.severity] += Count;
      } else {
        entry.agedCriticalHigh.find(a => a.days === stat.agedDays)!.count +=
          Count;
      }
    }
  };
  /** The statistics over one partition, 5 a call; resolves with each one's answer. */
  const ask = async (stats: Statistic[], partition: AccountPartition) => {
    const scope: CompositeFilter[] = partition.prefixes.length
      ? [
          {
            Operator: 'OR',
            StringFilters: partition.prefixes.map(p => ({
              FieldName: 'cloud.account.uid' as const,
              Filter: { Comparison: 'PREFIX' as const, Value: p },
            })),
          },
        ]
      : [];
    const chunks: Statistic[][] = [];
    for (let i = 0; i < stats.length; i += GROUP_BY_RULES_PER_CALL) {
      chunks.push(stats.slice(i, i + GROUP_BY_RULES_PER_CALL));
    }
    const answers = await Promise.all(
      chunks.map(async chunk => {
        const { GroupByResults } = await read.send(
          'GetFindingStatisticsV2',
          `${options.organizationId} ${partition.prefixes.join(',') || '*'}`,
          new GetFindingStatisticsV2Command({
            GroupByRules: chunk.map(s => ({
              GroupByField: 'cloud.account.uid',
              Filters: {
                CompositeFilters: [ACTIVE, ...scope, ...s.filters],
                CompositeOperator: 'AND',
              } satisfies OcsfFindingFilters,
            })),
            Scopes: {
              AwsOrganizations: [{ OrganizationId: options.organizationId }],
            },
            MaxStatisticResults: MAX_STATISTIC_RESULTS,
          }),
        );
        return chunk.map((stat, r) => ({
          stat,
          values: GroupByResults?.[r]?.GroupByValues ?? [],
        }));
      }),
    );
    return answers.flat();
  };
  // First over the whole organization; a statistic whose answer holds
  // 400 accounts (it may be cut) is asked again per partition of at most
  // 400 accounts, which cannot be cut.
  const whole = await ask(wanted, {
    prefixes: [],
    size: options.accountIds.length,
  });
  const again: Statistic[] = [];
  for (const { stat, values } of whole) {
    if (values.length >= MAX_STATISTIC_RESULTS && partitions.length > 1)
      again.push(stat);
    else {
      if (values.length >= MAX_STATISTIC_RESULTS) truncated.push(label(stat));
      add(stat, values);
    }
  }
  if (again.length) {
    const parts = await Promise.all(partitions.map(p => ask(again, p)));
    for (const { stat, values } of parts.flat()) {
      if (values.length >= MAX_STATISTIC_RESULTS) truncated.push(label(stat));
      add(stat, values);
    }
  }
  return { findings, truncated };
}

/** Our label of an OCSF severity caption (`Unknown` / `Other` are informational). */
function severityOf(caption: unknown): FindingSeverity {
  for (const severity of FINDING_SEVERITIES) {
    if (OCSF_SEVERITIES[severity].includes(String(caption))) return severity;
  }
  return 'INFORMATIONAL';
}

type Ocsf = {
  metadata?: { uid?: string; product?: { name?: string } };
  finding_info?: {
    uid?: string;
    title?: string;
    types?: string[];
    first_seen_time_dt?: string;
    last_seen_time_dt?: string;
    modified_time_dt?: string;
  };
  severity?: string;
  cloud?: { account?: { uid?: string }; region?: string };
  resources?: {
    type?: string;
    uid?: string;
    tags?: { name?: string; value?: string }[];
  }[];
};

/** The finding in Security Hub's console (the OCSF findings view). */
export function securityHubConsoleUrl(
  region: string,
  findingUid: string,
): string {
  return `https://${region}.console.aws.amazon.com/securityhub/v2/home?region=${region}#/findings?search=${encodeURIComponent(
    `finding_info.uid=${findingUid}`,
  )}`;
}

/** One OCSF finding as the snapshot's {@link SecurityFinding}. */
export function findingFromOcsf(
  doc: Ocsf,
  defaultRegion: string,
): SecurityFinding {
  const product = doc.metadata?.product?.name ?? 'Security Hub';
  const region = doc.cloud?.region ?? defaultRegion;
  const id = doc.finding_info?.uid ?? doc.metadata?.uid ?? '';
  const resource = doc.resources?.[0];
  const aa = product === ACCESS_ANALYZER_PRODUCT;
  const external = (doc.finding_info?.types ?? []).some(t =>
    t.includes(EXTERNAL_ACCESS_TYPE),
  );
  let origin: FindingOrigin = 'security-hub';
  if (aa) {
    origin = external ? 'access-analyzer-external' : 'access-analyzer-unused';
  }
  const tags = resource?.tags?.length
    ? Object.fromEntries(resource.tags.map(t => [t.name ?? '', t.value ?? '']))
    : undefined;
  return {
    id,
    origin,
    productName: product,
    severity: severityOf(doc.severity),
    title: doc.finding_info?.title ?? '',
    accountId: doc.cloud?.account?.uid ?? '',
    region,
    ...(resource?.type ? { resourceType: resource.type } : {}),
    ...(resource?.uid ? { resourceId: resource.uid } : {}),
    ...(tags ? { resourceTags: tags } : {}),
    ...(doc.finding_info?.first_seen_time_dt
      ? { firstObservedAt: doc.finding_info.first_seen_time_dt }
      : {}),
    ...(doc.finding_info?.last_seen_time_dt ??
    doc.finding_info?.modified_time_dt
      ? {
          updatedAt:
            doc.finding_info?.last_seen_time_dt ??
            doc.finding_info?.modified_time_dt,
        }
      : {}),
    consoleUrl: securityHubConsoleUrl(region, id),
  };
}

/**
 * One account's active findings, newest first (GetFindingsV2 filtered by
 * `cloud.account.uid`, sorted by `finding_info.last_seen_time_dt`),
 * `limit` of them; `truncated` when more exist.
 */
export async function readAccountFindingsFromHub(
  read: SourceRead,
  accountId: string,
  limit: number,
  region: string,
): Promise<{ findings: SecurityFinding[]; truncated: boolean }> {
  const findings: SecurityFinding[] = [];
  let token: string | undefined;
  do {
    const output = await read.send(
      'GetFindingsV2',
      accountId,
      new GetFindingsV2Command({
        Filters: {
          CompositeFilters: [
            ACTIVE,
            { StringFilters: [eq('cloud.account.uid', accountId)] },
          ],
          CompositeOperator: 'AND',
        },
        SortCriteria: [
          { Field: 'finding_info.last_seen_time_dt', SortOrder: 'desc' },
        ],
        MaxResults: Math.min(100, limit - findings.length),
        NextToken: token,
      }),
    );
    for (const doc of output.Findings ?? []) {
      findings.push(findingFromOcsf(doc as Ocsf, region));
    }
    token = output.NextToken || undefined;
  } while (token && findings.length < limit);
  return { findings: findings.slice(0, limit), truncated: Boolean(token) };
}
