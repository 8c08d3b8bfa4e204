import {
  GetFindingsStatisticsCommand,
  ListAnalyzersCommand,
  ListFindingsV2Command,
  type AnalyzerSummary,
} from '@aws-sdk/client-accessanalyzer';
import type {
  AccessAnalyzerSummary,
  Knowable,
  SecurityFinding,
} from '@aws-governance/plugin-aws-organizations-common';
import { awsErrorCode } from '../errors';
import { SourceRead } from './sourceRead';

/** The organization-wide analyzer types (external and unused access). */
export const ORGANIZATION_ANALYZER_TYPES = [
  'ORGANIZATION',
  'ORGANIZATION_UNUSED_ACCESS',
] as const;

/**
 * The organization analyzers of the account (ListAnalyzers per type) and
 * their active findings in total (GetFindingsStatistics, one call per
 * analyzer; a failure there leaves that total unknown).
 */
export async function readAnalyzers(
  read: SourceRead,
): Promise<AccessAnalyzerSummary[]> {
  const lists = await Promise.all(
    ORGANIZATION_ANALYZER_TYPES.map(type =>
      read.paginate(
        'ListAnalyzers',
        type,
        nextToken =>
          new ListAnalyzersCommand({ type, maxResults: 100, nextToken }),
        output => output.analyzers,
      ),
    ),
  );
  const analyzers: AnalyzerSummary[] = lists.flat();
  return Promise.all(
    analyzers.map(async (a): Promise<AccessAnalyzerSummary> => {
      let activeFindings: Knowable<number>;
      try {
        const { findingsStatistics } = await read.send(
          'GetFindingsStatistics',
          a.arn ?? '',
          new GetFindingsStatisticsCommand({ analyzerArn: a.arn }),
        );
        const stats = findingsStatistics?.[0];
        activeFindings =
          stats?.externalAccessFindingsStatistics?.totalActiveFindings ??
          stats?.unusedAccessFindingsStatistics?.totalActiveFindings ??
          0;
      } catch (error) {
        activeFindings = {
          unknown: true,
          reason: `GetFindingsStatistics failed: ${awsErrorCode(error)}`,
        };
      }
      return {
        arn: a.arn ?? '',
        name: a.name ?? '',
        type: a.type ?? '',
        status: a.status ?? '',
        activeFindings,
      };
    }),
  );
}

/** The finding in the IAM console's Access Analyzer view. */
export function accessAnalyzerConsoleUrl(
  region: string,
  analyzerName: string,
  id: string,
) {
  return `https://${region}.console.aws.amazon.com/access-analyzer/home?region=${region}#/findings/details/${encodeURIComponent(
    analyzerName,
  )}/${encodeURIComponent(id)}`;
}

/**
 * One account's active findings of the organization analyzers
 * (ListFindingsV2 filtered by `resourceOwnerAccount`), newest first: the
 * on-demand detail when Security Hub is not connected.
 */
export async function readAccountFindingsFromAnalyzers(
  read: SourceRead,
  analyzers: AccessAnalyzerSummary[],
  accountId: string,
  limit: number,
  region: string,
): Promise<{ findings: SecurityFinding[]; truncated: boolean }> {
  const findings: SecurityFinding[] = [];
  let truncated = false;
  for (const analyzer of analyzers) {
    let token: string | undefined;
    do {
      const output = await read.send(
        'ListFindingsV2',
        `${analyzer.arn} ${accountId}`,
        new ListFindingsV2Command({
          analyzerArn: analyzer.arn,
          filter: {
            resourceOwnerAccount: { eq: [accountId] },
            status: { eq: ['ACTIVE'] },
          },
          maxResults: Math.min(100, limit),
          nextToken: token,
        }),
      );
      const external = analyzer.type === 'ORGANIZATION';
      for (const f of output.findings ?? []) {
        findings.push({
          id: f.id ?? '',
          origin: external
            ? 'access-analyzer-external'
            : 'access-analyzer-unused',
          productName: 'IAM Access Analyzer',
          // Access Analyzer has no severity; its Security Hub integration
          // sends external access as high and unused access as low.
          severity: external ? 'HIGH' : 'LOW',
          title: `${f.findingType ?? 'Finding'}: ${f.resource ?? ''}`,
          accountId,
          region,
          ...(f.resourceType ? { resourceType: f.resourceType } : {}),
          ...(f.resource ? { resourceId: f.resource } : {}),
          ...(f.createdAt
            ? { firstObservedAt: f.createdAt.toISOString() }
            : {}),
          ...(f.updatedAt ? { updatedAt: f.updatedAt.toISOString() } : {}),
          consoleUrl: accessAnalyzerConsoleUrl(
            region,
            analyzer.name,
            f.id ?? '',
          ),
        });
      }
      token = output.nextToken || undefined;
    } while (token && findings.length < limit);
    if (token) truncated = true;
  }
  findings.sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''));
  return {
    findings: findings.slice(0, limit),
    truncated: truncated || findings.length > limit,
  };
}
