/**
 * The compliance engine: built-in rules, config, evaluation, summaries
 * and the change detector for flips. (The rollups are the governance
 * views' `complianceSummary` and `organizationTree`.)
 */
export type { ComplianceEngine, ComplianceReport } from './types';
export { createComplianceEngine } from './createComplianceEngine';
export { summarizeResults, worstStatus } from './summarize';
export { complianceChanges } from './complianceChanges';
export * from './rules';
