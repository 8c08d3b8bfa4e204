import {
  Account,
  ComplianceRuleInfo,
  OrganizationSnapshot,
  RuleResult,
  SnapshotResolution,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  AwsComplianceRule,
  ComplianceConfig,
  ComplianceOutcome,
  ComplianceParameters,
  ComplianceRuleContext,
  ComplianceRuleScope,
  ComplianceSnapshotIndex,
  createComplianceSnapshotIndex,
} from '@aws-governance/plugin-aws-organizations-node';
import { compareResults, summarizeResults } from './summarize';
import { ComplianceEngine, ComplianceReport } from './types';

/** A rule with its config applied. */
interface ActiveRule {
  rule: AwsComplianceRule;
  info: ComplianceRuleInfo;
  parameters: ComplianceParameters;
  scope?: ComplianceRuleScope;
}

function activate(
  rules: readonly AwsComplianceRule[],
  config: ComplianceConfig,
): ActiveRule[] {
  const ids = new Set<string>();
  for (const rule of rules) {
    if (ids.has(rule.id)) {
      throw new Error(`Duplicate compliance rule id "${rule.id}"`);
    }
    ids.add(rule.id);
  }
  for (const id of Object.keys(config.rules)) {
    if (!ids.has(id)) {
      throw new Error(`Compliance config names an unknown rule "${id}"`);
    }
  }
  return rules.flatMap(rule => {
    const settings = config.rules[rule.id];
    if (settings?.enabled === false) return [];
    const info: ComplianceRuleInfo = {
      id: rule.id,
      title: rule.title,
      severity: settings?.severity ?? rule.severity,
      rationale: rule.rationale,
      remediation: rule.remediation,
      level: rule.level,
    };
    return [
      {
        rule,
        info,
        parameters: {
          ...rule.defaultParameters,
          ...settings?.parameters,
        } as ComplianceParameters,
        scope: settings?.scope,
      },
    ];
  });
}

function inScope(
  account: Account,
  scope: ComplianceRuleScope | undefined,
  index: ComplianceSnapshotIndex,
): boolean {
  if (!scope) return true;
  if (scope.excludeAccounts?.includes(account.id)) return false;
  const { organizationalUnits: units, accounts } = scope;
  if (!units?.length && !accounts?.length) return true;
  if (accounts?.includes(account.id)) return true;
  return Boolean(
    units?.length && index.isInUnits(account, index.unitsMatching(units)),
  );
}

function toResult(
  info: ComplianceRuleInfo,
  outcome: ComplianceOutcome,
): RuleResult {
  return {
    rule: info,
    status: outcome.status,
    message: outcome.message,
    evidence: outcome.evidence ?? [],
  };
}

/** Runs one rule; an error becomes an `unknown` result naming it. */
function run(
  active: ActiveRule,
  evaluate: () => ComplianceOutcome | undefined,
): RuleResult | undefined {
  try {
    const outcome = evaluate();
    return outcome && toResult(active.info, outcome);
  } catch (error) {
    return toResult(active.info, {
      status: 'unknown',
      message: `The rule could not be evaluated: ${(error as Error).message}`,
    });
  }
}

/**
 * Creates the compliance engine: the rules (built-in and from modules)
 * with `awsOrganizations.compliance` applied (disabled rules dropped,
 * severity overrides, scopes, parameters over the defaults).
 *
 * @public
 */
export function createComplianceEngine(options: {
  rules: readonly AwsComplianceRule[];
  config?: ComplianceConfig;
  /** Clock for `evaluatedAt`; defaults to now. */
  now?: () => Date;
}): ComplianceEngine {
  const active = activate(options.rules, options.config ?? { rules: {} });
  const now = options.now ?? (() => new Date());
  const accountRules = active.filter(a => a.rule.level === 'account');
  const organizationRules = active.filter(a => a.rule.level === 'organization');

  return {
    rules: () => active.map(a => a.info),
    evaluate(
      snapshot: OrganizationSnapshot,
      resolution: SnapshotResolution,
    ): ComplianceReport {
      const index = createComplianceSnapshotIndex(snapshot);
      const contextOf = (a: ActiveRule): ComplianceRuleContext => ({
        snapshot,
        resolution,
        parameters: a.parameters,
        index,
      });
      const accounts = new Map<string, RuleResult[]>();
      const accountSummaries = new Map<
        string,
        ReturnType<typeof summarizeResults>
      >();
      for (const account of snapshot.accounts) {
        const results: RuleResult[] = [];
        for (const a of accountRules) {
          if (a.rule.level !== 'account' || !inScope(account, a.scope, index)) {
            continue;
          }
          const rule = a.rule;
          const result = run(a, () =>
            rule.evaluate({ ...contextOf(a), account }),
          );
          if (result) results.push(result);
        }
        results.sort(compareResults);
        accounts.set(account.id, results);
        accountSummaries.set(account.id, summarizeResults(results));
      }
      const organization = organizationRules
        .flatMap(a => {
          const rule = a.rule;
          const result =
            rule.level === 'organization'
              ? run(a, () => rule.evaluate(contextOf(a)))
              : undefined;
          return result ? [result] : [];
        })
        .sort(compareResults);
      return {
        evaluatedAt: now().toISOString(),
        rules: active.map(a => a.info),
        accounts,
        accountSummaries,
        organization,
      };
    },
  };
}
