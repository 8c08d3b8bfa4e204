import { Config } from '@backstage/config';
import {
  RULE_SEVERITIES,
  RuleSeverity,
  isValidAwsAccountId,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  AwsComplianceRule,
  ComplianceParameters,
  ComplianceParameterValue,
} from '../compliance/types';
import { invalidConfig, optionalRoot, readAt } from './rules';

/**
 * Which accounts an account rule judges. OUs are ids or names and include
 * their descendants; with neither `organizationalUnits` nor `accounts`
 * every account is in scope. `excludeAccounts` wins.
 *
 * @public
 */
export interface ComplianceRuleScope {
  organizationalUnits?: string[];
  accounts?: string[];
  excludeAccounts?: string[];
}

/** The settings of one rule (`awsOrganizations.compliance.rules.<id>`). @public */
export interface ComplianceRuleSettings {
  enabled: boolean;
  /** Overrides the rule's severity. */
  severity?: RuleSeverity;
  scope?: ComplianceRuleScope;
  /** Parameters given in config, merged over the rule's defaults. */
  parameters: ComplianceParameters;
}

/** `awsOrganizations.compliance`, read and validated. @public */
export interface ComplianceConfig {
  /** Settings per rule id; rules not listed run with their defaults. */
  rules: Record<string, ComplianceRuleSettings>;
}

/** The section's key, relative to `awsOrganizations`. */
const SECTION = 'compliance';

/** The error for a bad value at `awsOrganizations.compliance.<key>`. */
function invalid(key: string, message: string) {
  return invalidConfig(`${SECTION}.${key}`, message);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function typeOf(value: ComplianceParameterValue): string {
  return Array.isArray(value) ? 'a list of strings' : `a ${typeof value}`;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(v => typeof v === 'string');
}

/** A config value checked against the type of the rule's default. */
function parameterValue(
  key: string,
  value: unknown,
  fallback: ComplianceParameterValue,
): ComplianceParameterValue {
  const ok = Array.isArray(fallback)
    ? isStringList(value)
    : typeof value === typeof fallback;
  if (!ok || (typeof value === 'number' && !Number.isFinite(value))) {
    throw invalid(key, `must be ${typeOf(fallback)}, got ${describe(value)}`);
  }
  return value as ComplianceParameterValue;
}

function readStringList(config: Config, key: string): string[] | undefined {
  const value = config.getOptional(key);
  if (value === undefined) return undefined;
  if (!isStringList(value)) {
    throw invalid(key, `must be a list of strings, got ${describe(value)}`);
  }
  return value;
}

function readScope(
  config: Config,
  key: string,
  rule: AwsComplianceRule,
): ComplianceRuleScope | undefined {
  if (!config.has('scope')) return undefined;
  if (rule.level === 'organization') {
    throw invalid(
      `${key}.scope`,
      `${rule.id} is an organization-level rule; only account rules take a scope`,
    );
  }
  const raw = config.getOptional('scope');
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw invalid(`${key}.scope`, `must be an object, got ${describe(raw)}`);
  }
  const scope: ComplianceRuleScope = {};
  for (const field of Object.keys(raw)) {
    const fieldKey = `${key}.scope.${field}`;
    if (
      field !== 'organizationalUnits' &&
      field !== 'accounts' &&
      field !== 'excludeAccounts'
    ) {
      throw invalid(
        fieldKey,
        'unknown field; use organizationalUnits, accounts or excludeAccounts',
      );
    }
    const list = readStringList(config, `scope.${field}`)!;
    if (field !== 'organizationalUnits') {
      const bad = list.find(id => !isValidAwsAccountId(id));
      if (bad !== undefined) {
        throw invalid(fieldKey, `"${bad}" is not a 12-digit account id`);
      }
    }
    scope[field] = list;
  }
  return scope;
}

function readParameters(
  config: Config,
  key: string,
  rule: AwsComplianceRule,
): ComplianceParameters {
  const parameters: ComplianceParameters = {};
  const section = config.getOptionalConfig('parameters');
  if (!section) return parameters;
  const known = Object.keys(rule.defaultParameters);
  for (const name of section.keys()) {
    const paramKey = `${key}.parameters.${name}`;
    if (!known.includes(name)) {
      throw invalid(
        paramKey,
        `${rule.id} has no parameter "${name}"; it takes ${
          known.length ? known.join(', ') : 'none'
        }`,
      );
    }
    parameters[name] = parameterValue(
      paramKey,
      section.getOptional(name),
      rule.defaultParameters[name],
    );
  }
  const problems =
    rule.validateParameters?.({ ...rule.defaultParameters, ...parameters }) ??
    [];
  if (problems.length > 0) {
    const [first] = problems;
    throw invalid(`${key}.parameters.${first.parameter}`, first.message);
  }
  return parameters;
}

function readRule(
  config: Config,
  key: string,
  rule: AwsComplianceRule,
): ComplianceRuleSettings {
  for (const field of config.keys()) {
    if (!['enabled', 'severity', 'scope', 'parameters'].includes(field)) {
      throw invalid(
        `${key}.${field}`,
        'unknown field; use enabled, severity, scope or parameters',
      );
    }
  }
  const enabled = config.getOptional('enabled') ?? true;
  if (typeof enabled !== 'boolean') {
    throw invalid(
      `${key}.enabled`,
      `must be a boolean, got ${describe(enabled)}`,
    );
  }
  const severity = config.getOptional('severity');
  if (
    severity !== undefined &&
    !(RULE_SEVERITIES as readonly unknown[]).includes(severity)
  ) {
    throw invalid(
      `${key}.severity`,
      `must be one of ${RULE_SEVERITIES.join(', ')}, got ${describe(severity)}`,
    );
  }
  const scope = readScope(config, key, rule);
  return {
    enabled,
    ...(severity !== undefined ? { severity: severity as RuleSeverity } : {}),
    ...(scope ? { scope } : {}),
    parameters: readParameters(config, key, rule),
  };
}

/**
 * Reads and validates `awsOrganizations.compliance` against the rules the
 * backend has (built-in and added through the extension point), with the
 * rules and messages of the other `awsOrganizations.*` readers. An unknown
 * rule id, a bad severity, an unknown parameter or a parameter of the wrong
 * type throws an `InputError` naming the full key, e.g.
 * `awsOrganizations.compliance.rules.privileged-session-duration.parameters.maxHours`.
 *
 * @param rootConfig - the root config.
 * @param rules - every rule the backend runs.
 * @public
 */
export function readAwsOrganizationsComplianceConfig(
  rootConfig: Config,
  rules: readonly AwsComplianceRule[],
): ComplianceConfig {
  const byId = new Map(rules.map(r => [r.id, r]));
  const result: ComplianceConfig = { rules: {} };
  const root = optionalRoot(rootConfig);
  const section = readAt(SECTION, () => root.getOptionalConfig(SECTION));
  const rulesConfig = readAt(`${SECTION}.rules`, () =>
    section?.getOptionalConfig('rules'),
  );
  for (const id of rulesConfig?.keys() ?? []) {
    const key = `rules.${id}`;
    const rule = byId.get(id);
    if (!rule) {
      throw invalid(
        key,
        `unknown rule "${id}"; known rules: ${[...byId.keys()].join(', ')}`,
      );
    }
    const value = rulesConfig!.getOptional(id);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw invalid(key, `must be an object, got ${describe(value)}`);
    }
    result.rules[id] = readRule(rulesConfig!.getConfig(id), key, rule);
  }
  return result;
}
