/**
 * Config rules compliant, from the aggregator's per-account summaries
 * (GetAggregateConfigRuleComplianceSummary grouped by account,
 * GetAggregateConformancePackComplianceSummary). AWS Config's compliance
 * types: COMPLIANT, NON_COMPLIANT, and INSUFFICIENT_DATA when a rule could
 * not be evaluated (unknown here, never a pass)
 * (https://docs.aws.amazon.com/config/latest/APIReference/API_Compliance.html).
 */
import { ComplianceEvidence } from '@aws-governance/plugin-aws-organizations-common';
import {
  AwsAccountComplianceRule,
  listing,
} from '@aws-governance/plugin-aws-organizations-node';
import {
  configRuleUrl,
  conformancePackUrl,
  connectedSource,
} from './signalsCommon';

/** Parameters of {@link configRulesCompliantRule}. */
export type ConfigRulesParameters = {
  /**
   * Conformance packs that must be deployed and compliant in every
   * account; empty: every Config rule of the account must be compliant.
   */
  conformancePacks: string[];
  /** Config rules whose non-compliance this rule ignores (names, `*` wildcards). */
  exemptRules: string[];
};

function matches(name: string, patterns: readonly string[]): boolean {
  return patterns.some(p =>
    new RegExp(
      `^${p
        .split('*')
        .map(s => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
      'i',
    ).test(name),
  );
}

/** The account's Config rules (or the listed conformance packs) are compliant. */
export const configRulesCompliantRule: AwsAccountComplianceRule<ConfigRulesParameters> =
  {
    id: 'config-rules-compliant',
    title: 'AWS Config rules are compliant',
    severity: 'medium',
    level: 'account',
    rationale:
      'Config rules and conformance packs encode the organization’s configuration baseline; a non-compliant rule is a resource that drifted from it.',
    remediation:
      'Open the rule in the Config console, fix the non-compliant resources it lists (or its remediation action), and re-evaluate.',
    defaultParameters: { conformancePacks: [], exemptRules: [] },
    evaluate({ account, snapshot, parameters: p }) {
      if (account.state !== 'ACTIVE') return undefined;
      const config = connectedSource(snapshot, 'config', 'account');
      if ('outcome' in config) return config.outcome;
      const { region } = config;
      const compliance = config.signals.config[account.id];
      if (p.conformancePacks.length > 0) {
        const failing: ComplianceEvidence[] = [];
        const unknown: ComplianceEvidence[] = [];
        for (const name of p.conformancePacks) {
          const pack = compliance?.conformancePacks.find(c => c.name === name);
          const evidence = (description: string): ComplianceEvidence => ({
            kind: 'detector',
            description,
            accountId: account.id,
            consoleUrl: conformancePackUrl(region, name),
          });
          if (!pack) failing.push(evidence(`${name}: not deployed`));
          else if (pack.compliance === 'NON_COMPLIANT') {
            failing.push(evidence(`${name}: non-compliant`));
          } else if (pack.compliance === 'INSUFFICIENT_DATA') {
            unknown.push(evidence(`${name}: insufficient data`));
          }
        }
        if (failing.length > 0) {
          return {
            status: 'fail',
            message: `Conformance packs of ${
              account.name
            } not deployed or non-compliant: ${listing(
              failing.map(e => e.description.split(':')[0]),
            )}`,
            evidence: [...failing, ...unknown],
          };
        }
        if (unknown.length > 0) {
          return {
            status: 'unknown',
            message: `AWS Config could not evaluate conformance packs of ${account.name}`,
            evidence: unknown,
          };
        }
        return {
          status: 'pass',
          message: `${account.name} complies with ${listing(
            p.conformancePacks,
          )}`,
        };
      }
      if (!compliance) {
        return {
          status: 'unknown',
          message: `The aggregator reports no Config rule for ${account.name} (Config may not record there)`,
        };
      }
      const nonCompliant = compliance.nonCompliantRules.filter(
        r => !matches(r, p.exemptRules),
      );
      const exempted =
        compliance.nonCompliantRules.length - nonCompliant.length;
      // The summary's count without names (the names' listing lagging)
      // still fails.
      const unnamed =
        compliance.nonCompliantRules.length === 0
          ? compliance.rules.nonCompliant
          : 0;
      if (nonCompliant.length > 0 || unnamed > 0) {
        return {
          status: 'fail',
          message:
            nonCompliant.length > 0
              ? `Non-compliant Config rules in ${account.name}: ${listing(
                  nonCompliant,
                )}`
              : `${account.name} has ${unnamed} non-compliant Config rules`,
          evidence: nonCompliant.map(rule => ({
            kind: 'detector' as const,
            description: `${rule}: non-compliant`,
            accountId: account.id,
            consoleUrl: configRuleUrl(region, rule),
          })),
        };
      }
      if (compliance.rules.insufficientData > 0) {
        return {
          status: 'unknown',
          message: `AWS Config could not evaluate ${
            compliance.rules.insufficientData
          } ${compliance.rules.insufficientData === 1 ? 'rule' : 'rules'} of ${
            account.name
          } (insufficient data)`,
        };
      }
      if (compliance.rules.compliant === 0 && exempted === 0) {
        return {
          status: 'unknown',
          message: `The aggregator reports no evaluated Config rule for ${account.name}`,
        };
      }
      return {
        status: 'pass',
        message: `Every Config rule of ${account.name} is compliant${
          exempted > 0 ? ' (exempt rules aside)' : ''
        }`,
      };
    },
  };
