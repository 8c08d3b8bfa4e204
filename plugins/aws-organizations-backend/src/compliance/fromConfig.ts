import { Config } from '@backstage/config';
import {
  AwsComplianceRule,
  readAwsOrganizationsComplianceConfig,
} from '@aws-governance/plugin-aws-organizations-node';
import { createComplianceEngine } from './createComplianceEngine';
import { withReachDepth } from './rules/roleReachProduction';
import { ComplianceEngine } from './types';

/**
 * The compliance engine the plugin runs: the rules (built-in and from
 * modules) with `awsOrganizations.compliance` applied over their defaults,
 * where the default role-hop depth of `role-reach-production-from-non-production`
 * is the reach index's (`awsOrganizations.reach.maxDepth`, read by
 * `readAwsOrganizationsConfig`). An invalid rule setting throws naming its
 * key.
 */
export function createComplianceEngineFromConfig(options: {
  rootConfig: Config;
  rules: readonly AwsComplianceRule[];
  /** `awsOrganizations.reach.maxDepth`, as read and validated. */
  reachDepth: number;
}): ComplianceEngine {
  const rules = withReachDepth(options.rules, options.reachDepth);
  return createComplianceEngine({
    rules,
    config: readAwsOrganizationsComplianceConfig(options.rootConfig, rules),
  });
}
