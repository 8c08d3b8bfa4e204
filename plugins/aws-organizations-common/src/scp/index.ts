/**
 * The service control policy evaluator: parse, evaluate what-if requests,
 * summarize guardrails.
 */
export * from './types';
export { parseScp, tryParseScp, ScpParseError } from './parse';
export { effectivePolicies } from './effective';
export { evaluateScps, isActionDenied } from './evaluate';
export type { ScpSource, ActionDeniedAnswer } from './evaluate';
export { summarizeScp } from './summarize';
export type {
  ScpStatementKind,
  ScpStatementSummary,
  ScpSummary,
} from './summarize';
export { summarizeGuardrails } from './guardrails';
export type { GuardrailItem, GuardrailSummary } from './guardrails';
export { allowedRegions } from './regions';
export type { AllowedRegions, RegionRestriction } from './regions';
