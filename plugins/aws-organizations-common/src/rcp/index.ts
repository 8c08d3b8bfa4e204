/**
 * The resource control policy (RCP) evaluator, and the combined answer for
 * a request with a principal side (SCPs) and a resource side (RCPs). RCPs
 * share the SCP evaluator's statement language and its indeterminate rule
 * (see ../scp/index.ts).
 */
export * from './types';
export { effectiveRcps, RESOURCE_CONTROL_POLICY_TYPE } from './effective';
export { evaluateRcps, evaluateScpsAndRcps } from './evaluate';
export { summarizeRcp, summarizeRcpLevels } from './summarize';
export type {
  RcpStatementKind,
  RcpStatementSummary,
  RcpSummary,
} from './summarize';
