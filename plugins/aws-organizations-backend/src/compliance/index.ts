/**
 * The compliance engine: built-in rules, config, evaluation, summaries,
 * rollups and the change detector for flips.
 */
export type { ComplianceEngine, ComplianceReport } from './types';
export { createComplianceEngine } from './createComplianceEngine';
export { readComplianceConfig } from './config';
export type {
  ComplianceConfig,
  ComplianceRuleScope,
  ComplianceRuleSettings,
} from './config';
export {
  emptyComplianceCounts,
  summarizeResults,
  worstStatus,
} from './summarize';
export { rollupByOwner, rollupByUnit, rollupForAccounts } from './rollups';
export { complianceChanges } from './complianceChanges';
export * from './rules';
