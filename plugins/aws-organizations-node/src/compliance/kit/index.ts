export {
  assignmentEvidence,
  dedupeEvidence,
  denialEvidence,
  describeLevel,
  describeStatement,
  listing,
  principalLabel,
  statementEvidence,
  uncertaintyEvidence,
} from './evidence';
export { guardrailsApply, identityCenterOutcome } from './guards';
export { durationHours, nonEmpty, principalArn } from './parameters';
