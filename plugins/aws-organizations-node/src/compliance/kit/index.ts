// The wording of levels and statements has one home, in -common; the kit
// offers it beside the evidence builders that use it.
export {
  describeLevel,
  describeStatement,
} from '@aws-governance/plugin-aws-organizations-common';
export type { DescribeStatementOptions } from '@aws-governance/plugin-aws-organizations-common';
export {
  assignmentEvidence,
  dedupeEvidence,
  denialEvidence,
  listing,
  principalLabel,
  statementEvidence,
  uncertaintyEvidence,
} from './evidence';
export { guardrailsApply, identityCenterOutcome } from './guards';
export {
  durationHours,
  matchesAnyName,
  namePattern,
  nonEmpty,
  principalArn,
} from './parameters';
