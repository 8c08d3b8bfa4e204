import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { AwsComplianceRule } from './types';

/**
 * Adds compliance rules to the AWS Organizations backend. Rules from
 * modules run next to the built-in ones and are configured the same way
 * (`awsOrganizations.compliance.rules.<id>`).
 *
 * @public
 */
export interface AwsOrganizationsComplianceExtensionPoint {
  /** Adds rules; a rule id already taken (built-in or added) throws. */
  addRules(...rules: AwsComplianceRule[]): void;
}

/**
 * Extension point of the `aws-organizations` backend plugin for custom
 * compliance rules.
 *
 * @public
 */
export const awsOrganizationsComplianceExtensionPoint =
  createExtensionPoint<AwsOrganizationsComplianceExtensionPoint>({
    id: 'aws-organizations.compliance',
  });

const RULE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Collects rules for the extension point: the backend registers it and
 * reads `rules()` at startup. Throws on an invalid or duplicate rule id.
 *
 * @public
 */
export class ComplianceRuleCollector
  implements AwsOrganizationsComplianceExtensionPoint
{
  readonly #rules = new Map<
    string,
    { rule: AwsComplianceRule; from: string }
  >();

  /** @param builtIn - rules the backend ships; modules cannot reuse their ids. */
  constructor(builtIn: readonly AwsComplianceRule[] = []) {
    for (const rule of builtIn) this.#add(rule, 'a built-in rule');
  }

  addRules(...rules: AwsComplianceRule[]): void {
    for (const rule of rules) this.#add(rule, 'a rule added earlier');
  }

  /** Every rule, built-in first, in the order added. */
  rules(): AwsComplianceRule[] {
    return [...this.#rules.values()].map(r => r.rule);
  }

  #add(rule: AwsComplianceRule, from: string) {
    if (typeof rule.id !== 'string' || !RULE_ID.test(rule.id)) {
      throw new Error(
        `Invalid AWS Organizations compliance rule id "${rule.id}": use lower-case kebab-case, e.g. "my-team-tags"`,
      );
    }
    const existing = this.#rules.get(rule.id);
    if (existing) {
      throw new Error(
        `Duplicate AWS Organizations compliance rule id "${rule.id}": ${existing.from} ("${existing.rule.title}") already uses it; give "${rule.title}" another id`,
      );
    }
    this.#rules.set(rule.id, { rule, from });
  }
}
