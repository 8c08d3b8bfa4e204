import {
  DescribeAggregateComplianceByConfigRulesCommand,
  DescribeAggregateComplianceByConformancePacksCommand,
  GetAggregateConfigRuleComplianceSummaryCommand,
} from '@aws-sdk/client-config-service';
import type { AccountConfigCompliance } from '@aws-governance/plugin-aws-organizations-common';
import { SourceRead } from './sourceRead';

/** Limits of the aggregate compliance reads (Config API reference). */
const RULE_LIMIT = 1000;
const PACK_LIMIT = 100;

/**
 * Per-account Config compliance from the aggregator, in a few call
 * families whatever the number of rules: the summary grouped by account
 * (compliant and non-compliant rules, 1,000 accounts a page), and the
 * rules and conformance packs that are non-compliant or lack data
 * (filtered by compliance type, so only those pages are read). Packs
 * that are compliant are not listed (reading them all would take a page
 * per 100 account-packs).
 */
export async function readConfigCompliance(
  read: SourceRead,
  aggregatorName: string,
): Promise<Record<string, AccountConfigCompliance>> {
  const rules = (ComplianceType: 'NON_COMPLIANT' | 'INSUFFICIENT_DATA') =>
    read.paginate(
      'DescribeAggregateComplianceByConfigRules',
      `${aggregatorName} ${ComplianceType}`,
      NextToken =>
        new DescribeAggregateComplianceByConfigRulesCommand({
          ConfigurationAggregatorName: aggregatorName,
          Filters: { ComplianceType },
          Limit: RULE_LIMIT,
          NextToken,
        }),
      o => o.AggregateComplianceByConfigRules,
    );
  const packsOf = (ComplianceType: 'NON_COMPLIANT' | 'INSUFFICIENT_DATA') =>
    read.paginate(
      'DescribeAggregateComplianceByConformancePacks',
      `${aggregatorName} ${ComplianceType}`,
      NextToken =>
        new DescribeAggregateComplianceByConformancePacksCommand({
          ConfigurationAggregatorName: aggregatorName,
          Filters: { ComplianceType },
          Limit: PACK_LIMIT,
          NextToken,
        }),
      o => o.AggregateComplianceByConformancePacks,
    );
  const [summary, nonCompliant, insufficient, packs, packsInsufficient] =
    await Promise.all([
      read.paginate(
        'GetAggregateConfigRuleComplianceSummary',
        aggregatorName,
        NextToken =>
          new GetAggregateConfigRuleComplianceSummaryCommand({
            ConfigurationAggregatorName: aggregatorName,
            GroupByKey: 'ACCOUNT_ID',
            Limit: RULE_LIMIT,
            NextToken,
          }),
        o => o.AggregateComplianceCounts,
      ),
      rules('NON_COMPLIANT'),
      rules('INSUFFICIENT_DATA'),
      packsOf('NON_COMPLIANT'),
      packsOf('INSUFFICIENT_DATA'),
    ]);
  const result: Record<string, AccountConfigCompliance> = {};
  const of = (accountId: string) =>
    (result[accountId] ??= {
      rules: { compliant: 0, nonCompliant: 0, insufficientData: 0 },
      conformancePacks: [],
      nonCompliantRules: [],
    });
  for (const group of summary) {
    if (!group.GroupName) continue;
    const entry = of(group.GroupName);
    entry.rules.compliant =
      group.ComplianceSummary?.CompliantResourceCount?.CappedCount ?? 0;
    entry.rules.nonCompliant =
      group.ComplianceSummary?.NonCompliantResourceCount?.CappedCount ?? 0;
  }
  for (const rule of nonCompliant) {
    if (!rule.AccountId || !rule.ConfigRuleName) continue;
    const entry = of(rule.AccountId);
    if (!entry.nonCompliantRules.includes(rule.ConfigRuleName)) {
      entry.nonCompliantRules.push(rule.ConfigRuleName);
    }
  }
  for (const rule of insufficient) {
    if (rule.AccountId) of(rule.AccountId).rules.insufficientData += 1;
  }
  for (const pack of [...packs, ...packsInsufficient]) {
    if (!pack.AccountId || !pack.ConformancePackName) continue;
    const compliance = pack.Compliance?.ComplianceType;
    if (compliance !== 'NON_COMPLIANT' && compliance !== 'INSUFFICIENT_DATA')
      continue;
    const entry = of(pack.AccountId);
    if (
      !entry.conformancePacks.some(p => p.name === pack.ConformancePackName)
    ) {
      entry.conformancePacks.push({
        name: pack.ConformancePackName,
        compliance,
      });
    }
  }
  for (const entry of Object.values(result)) entry.nonCompliantRules.sort();
  return result;
}
