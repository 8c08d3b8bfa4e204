import {
  Account,
  ComplianceEvidence,
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

/**
 * One copy of each distinct message and evidence item of a report. Rules
 * build the same evidence for many accounts (a root SCP statement is
 * evidence for every account below it), each as its own object and its
 * own string built of pieces; at 5,000 accounts the report was the largest
 * thing the backend kept (47 MB of a 214 MB heap, docs/benchmarks.md). The
 * report is read-only, so equal items can be one object.
 */
interface ReportInterner {
  text(value: string): string;
  evidence(item: ComplianceEvidence): ComplianceEvidence;
}

function createReportInterner(): ReportInterner {
  const texts = new Map<string, string>();
  const items = new Map<string, ComplianceEvidence>();
  const text = (value: string) => {
    const known = texts.get(value);
    if (known !== undefined) return known;
    texts.set(value, value);
    return value;
  };
  return {
    text,
    evidence(item) {
      const key = JSON.stringify(item);
      const known = items.get(key);
      if (known) return known;
      const copy = Object.fromEntries(
        Object.entries(item).map(([k, v]) => [
          k,
          typeof v === 'string' ? text(v) : v,
        ]),
      ) as ComplianceEvidence;
      items.set(key, copy);
      return copy;
    },
  };
}

function toResult(
  info: ComplianceRuleInfo,
  outcome: ComplianceOutcome,
  interner: ReportInterner,
): RuleResult {
  return {
    rule: info,
    status: outcome.status,
    message: interner.text(outcome.message),
    evidence: (outcome.evidence ?? []).map(interner.evidence),
  };
}

/** Runs one rule; an error becomes an `unknown` result naming it. */
function run(
  active: ActiveRule,
  evaluate: () => ComplianceOutcome | undefined,
  interner: ReportInterner,
): RuleResult | undefined {
  try {
    const outcome = evaluate();
    return outcome && toResult(active.info, outcome, interner);
  } catch (error) {
    return toResult(
      active.info,
      {
        status: 'unknown',
        message: `The rule could not be evaluated: ${(error as Error).message}`,
      },
      interner,
    );
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
      const interner = createReportInterner();
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
          const result = run(
            a,
            () => rule.evaluate({ ...contextOf(a), account }),
            interner,
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
              ? run(a, () => rule.evaluate(contextOf(a)), interner)
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
