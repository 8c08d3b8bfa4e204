import type {
  Account,
  ComplianceEvidence,
  ComplianceStatus,
  OrganizationSnapshot,
  RuleSeverity,
  SnapshotResolution,
} from '@aws-governance/plugin-aws-organizations-common';
import type { ComplianceSnapshotIndex } from './snapshotIndex';

/**
 * A rule parameter value, as config can hold it.
 *
 * @public
 */
export type ComplianceParameterValue = string | number | boolean | string[];

/**
 * A rule's parameters. Declare a rule's own parameters with a `type` alias
 * (not an `interface`) so they fit this record.
 *
 * @public
 */
export type ComplianceParameters = Record<string, ComplianceParameterValue>;

/** What a rule says about one subject. @public */
export interface ComplianceOutcome {
  status: ComplianceStatus;
  /** Why, in one sentence. */
  message: string;
  /** The SCP statement, the assignment, the tag behind the status. */
  evidence?: ComplianceEvidence[];
}

/** What every rule evaluation receives. @public */
export interface ComplianceRuleContext<
  P extends ComplianceParameters = ComplianceParameters,
> {
  snapshot: OrganizationSnapshot;
  /** Owners and principal refs the backend derived from the snapshot. */
  resolution: SnapshotResolution;
  /** The rule's defaults with the config's parameters merged over them. */
  parameters: P;
  /** Lookups of the snapshot, built once per evaluation. */
  index: ComplianceSnapshotIndex;
}

/** What an account rule receives: the context and the account. @public */
export interface AccountComplianceRuleContext<
  P extends ComplianceParameters = ComplianceParameters,
> extends ComplianceRuleContext<P> {
  account: Account;
}

/** A problem with a rule's parameters, found when config is read. @public */
export interface ComplianceParameterProblem {
  /** The parameter's name, e.g. `maxHours`. */
  parameter: string;
  message: string;
}

/** What all rules have. @public */
export interface AwsComplianceRuleBase<P extends ComplianceParameters> {
  /** Unique, kebab-case, stable: config and the change log refer to it. */
  id: string;
  title: string;
  /** Default severity; config may override it. */
  severity: RuleSeverity;
  /** Why the rule matters. */
  rationale: string;
  /** How to fix a failure. */
  remediation: string;
  /**
   * Default parameters. Config values must have the same type as the
   * default (a string list for a list, a number for a number...).
   */
  defaultParameters: P;
  /** Checks parameter values beyond their type (ranges, allowed values). */
  validateParameters?(parameters: P): ComplianceParameterProblem[];
}

/**
 * A rule evaluated on every account in its scope. `evaluate` returns
 * `undefined` when the rule does not apply to the account (no result).
 *
 * @public
 */
export interface AwsAccountComplianceRule<
  P extends ComplianceParameters = ComplianceParameters,
> extends AwsComplianceRuleBase<P> {
  level: 'account';
  evaluate(
    context: AccountComplianceRuleContext<P>,
  ): ComplianceOutcome | undefined;
}

/** A rule evaluated once per snapshot, on the organization. @public */
export interface AwsOrganizationComplianceRule<
  P extends ComplianceParameters = ComplianceParameters,
> extends AwsComplianceRuleBase<P> {
  level: 'organization';
  evaluate(context: ComplianceRuleContext<P>): ComplianceOutcome;
}

/**
 * A compliance rule: data (id, title, severity, rationale, remediation,
 * parameters) and an evaluation. Evaluations are pure and synchronous; a
 * rule that throws gets an `unknown` result naming the error.
 *
 * @public
 */
export type AwsComplianceRule<
  P extends ComplianceParameters = ComplianceParameters,
> = AwsAccountComplianceRule<P> | AwsOrganizationComplianceRule<P>;
