import { AwsError } from '../../protocol/errors';
import { paginate } from '../../protocol/pagination';
import { signalsOf } from '../../state/signals';
import { OperationContext, OperationTable } from '../types';

/**
 * The aggregate compliance reads of AWS Config (rules and conformance
 * packs as an aggregator holds them). Page limits from the API reference:
 * `Limit` 0-1000 for the rule reads, 0-100 for the conformance pack reads
 * (0 or none: the maximum).
 */
const RULE_LIMITS = { min: 0, max: 1000, default: 1000 };
const PACK_LIMITS = { min: 0, max: 100, default: 100 };
const LIMIT_NAMES = { maxResults: 'Limit', nextToken: 'NextToken' };

const COMPLIANCE_TYPES = [
  'COMPLIANT',
  'NON_COMPLIANT',
  'INSUFFICIENT_DATA',
  'NOT_APPLICABLE',
];

/** The caller's aggregator's compliance records. */
function complianceOf(ctx: OperationContext) {
  const name = ctx.input.string('ConfigurationAggregatorName');
  const aggregator = ctx.state.iam?.aggregators.get(name);
  if (!aggregator || aggregator.accountId !== ctx.identity?.accountId) {
    throw new AwsError(
      'NoSuchConfigurationAggregatorException',
      `The configuration aggregator '${name}' does not exist.`,
    );
  }
  return (
    signalsOf(ctx.state).configCompliance.get(name) ?? {
      rules: [],
      conformancePacks: [],
    }
  );
}

function filtersOf(ctx: OperationContext) {
  const filters = ctx.input.optionalObject('Filters') ?? {};
  const type = filters.ComplianceType;
  if (type !== undefined && !COMPLIANCE_TYPES.includes(String(type))) {
    throw new AwsError(
      'InvalidParameterValueException',
      `Invalid ComplianceType ${String(type)}`,
    );
  }
  return filters as Record<string, string | undefined>;
}

function groupKeyOf(ctx: OperationContext): 'ACCOUNT_ID' | 'AWS_REGION' {
  const key = ctx.input.optionalString('GroupByKey');
  if (key !== undefined && key !== 'ACCOUNT_ID' && key !== 'AWS_REGION') {
    throw new AwsError(
      'InvalidParameterValueException',
      `Invalid GroupByKey ${key}`,
    );
  }
  return key ?? 'ACCOUNT_ID';
}

const capped = (n: number) => ({ CappedCount: n, CapExceeded: false });

function groups<T extends { accountId: string; region: string }>(
  records: T[],
  key: 'ACCOUNT_ID' | 'AWS_REGION',
) {
  const byGroup = new Map<string, T[]>();
  for (const r of records) {
    const name = key === 'ACCOUNT_ID' ? r.accountId : r.region;
    byGroup.set(name, [...(byGroup.get(name) ?? []), r]);
  }
  return [...byGroup].sort((a, b) => a[0].localeCompare(b[0]));
}

function matchesScope(
  r: { accountId: string; region: string },
  f: Record<string, string | undefined>,
) {
  return (
    (!f.AccountId || r.accountId === f.AccountId) &&
    (!f.AwsRegion || r.region === f.AwsRegion)
  );
}

/** AWS Config's aggregate compliance reads. */
export const configComplianceOperations: OperationTable = {
  /** The number of compliant and noncompliant rules per account or region. */
  GetAggregateConfigRuleComplianceSummary: ctx => {
    const { rules } = complianceOf(ctx);
    const f = filtersOf(ctx);
    const key = groupKeyOf(ctx);
    const all = groups(
      rules.filter(r => matchesScope(r, f)),
      key,
    );
    const page = paginate(ctx, ctx.input, all, {
      names: LIMIT_NAMES,
      limits: RULE_LIMITS,
    });
    return {
      GroupByKey: key,
      AggregateComplianceCounts: page.items.map(([GroupName, list]) => ({
        GroupName,
        ComplianceSummary: {
          CompliantResourceCount: capped(
            list.filter(r => r.compliance === 'COMPLIANT').length,
          ),
          NonCompliantResourceCount: capped(
            list.filter(r => r.compliance === 'NON_COMPLIANT').length,
          ),
          ComplianceSummaryTimestamp: Date.now() / 1000,
        },
      })),
      NextToken: page.nextToken,
    };
  },
  DescribeAggregateComplianceByConfigRules: ctx => {
    const { rules } = complianceOf(ctx);
    const f = filtersOf(ctx);
    const list = rules.filter(
      r =>
        matchesScope(r, f) &&
        (!f.ComplianceType || r.compliance === f.ComplianceType) &&
        (!f.ConfigRuleName || r.ruleName === f.ConfigRuleName),
    );
    const page = paginate(ctx, ctx.input, list, {
      names: LIMIT_NAMES,
      limits: RULE_LIMITS,
    });
    return {
      AggregateComplianceByConfigRules: page.items.map(r => ({
        ConfigRuleName: r.ruleName,
        Compliance: {
          ComplianceType: r.compliance,
          ComplianceContributorCount: capped(r.nonCompliantResources ?? 0),
        },
        AccountId: r.accountId,
        AwsRegion: r.region,
      })),
      NextToken: page.nextToken,
    };
  },
  GetAggregateConformancePackComplianceSummary: ctx => {
    const { conformancePacks } = complianceOf(ctx);
    const f = filtersOf(ctx);
    const key = groupKeyOf(ctx);
    const all = groups(
      conformancePacks.filter(r => matchesScope(r, f)),
      key,
    );
    const page = paginate(ctx, ctx.input, all, {
      names: LIMIT_NAMES,
      limits: PACK_LIMITS,
    });
    return {
      GroupByKey: key,
      AggregateConformancePackComplianceSummaries: page.items.map(
        ([GroupName, list]) => ({
          GroupName,
          ComplianceSummary: {
            CompliantConformancePackCount: list.filter(
              p => p.compliance === 'COMPLIANT',
            ).length,
            NonCompliantConformancePackCount: list.filter(
              p => p.compliance === 'NON_COMPLIANT',
            ).length,
          },
        }),
      ),
      NextToken: page.nextToken,
    };
  },
  DescribeAggregateComplianceByConformancePacks: ctx => {
    const { conformancePacks } = complianceOf(ctx);
    const f = filtersOf(ctx);
    const list = conformancePacks.filter(
      p =>
        matchesScope(p, f) &&
        (!f.ComplianceType || p.compliance === f.ComplianceType) &&
        (!f.ConformancePackName || p.name === f.ConformancePackName),
    );
    const page = paginate(ctx, ctx.input, list, {
      names: LIMIT_NAMES,
      limits: PACK_LIMITS,
    });
    return {
      AggregateComplianceByConformancePacks: page.items.map(p => ({
        ConformancePackName: p.name,
        Compliance: {
          ComplianceType: p.compliance,
          CompliantRuleCount: p.compliantRules,
          NonCompliantRuleCount: p.nonCompliantRules,
          TotalRuleCount: p.compliantRules + p.nonCompliantRules,
        },
        AccountId: p.accountId,
        AwsRegion: p.region,
      })),
      NextToken: page.nextToken,
    };
  },
};
