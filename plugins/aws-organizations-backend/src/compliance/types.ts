import {
  ComplianceRuleInfo,
  ComplianceSummary,
  OrganizationSnapshot,
  RuleResult,
  SnapshotResolution,
} from '@aws-governance/plugin-aws-organizations-common';

/**
 * Every compliance result of one snapshot: what the routes serve, what the
 * sync engine diffs into `compliance.changed` entries.
 */
export interface ComplianceReport {
  evaluatedAt: string;
  /** Enabled rules, with the severity in force (config overrides applied). */
  rules: ComplianceRuleInfo[];
  /**
   * Results per account id, for every account of the snapshot (an account
   * outside a rule's scope has no result for that rule), most severe first.
   */
  accounts: ReadonlyMap<string, RuleResult[]>;
  /** Overall status per account id (the worst of its results). */
  accountSummaries: ReadonlyMap<string, ComplianceSummary>;
  /** Results of organization-level rules. */
  organization: RuleResult[];
}

/** Evaluates the enabled rules on a snapshot. Pure and synchronous. */
export interface ComplianceEngine {
  evaluate(
    snapshot: OrganizationSnapshot,
    resolution: SnapshotResolution,
  ): ComplianceReport;
  /** The enabled rules, as the API describes them. */
  rules(): ComplianceRuleInfo[];
}
