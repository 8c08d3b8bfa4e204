import {
  AccountGuardrails,
  effectivePolicies,
  evaluateScps,
  GuardrailPolicy,
  ScpPolicySource,
  SimulationRequest,
  SimulationResult,
  summarizeGuardrails,
  summarizeScp,
} from '@aws-governance/plugin-aws-organizations-common';
import { GovernanceIndex } from './types';

function policySentences(source: ScpPolicySource): string[] {
  if (source.parseError !== undefined) {
    return [`cannot be read (${source.parseError})`];
  }
  const summary = summarizeScp(source.content);
  return summary.ok
    ? summary.statements.map(s => s.sentence)
    : [summary.sentence];
}

function guardrailPolicy(
  index: GovernanceIndex,
  source: ScpPolicySource,
): GuardrailPolicy {
  const policy: GuardrailPolicy = {
    id: source.id,
    name: source.name,
    description: index.policies.get(source.id)?.description ?? '',
    awsManaged: source.awsManaged ?? false,
    content: source.content,
    summary: policySentences(source),
  };
  if (source.parseError !== undefined) policy.parseError = source.parseError;
  return policy;
}

/**
 * `GET /accounts/:id/guardrails`: the SCPs of the root, of each OU on the
 * account's path and of the account, each summarized, then the combined
 * summary and the allowed regions. Undefined for an unknown account.
 */
export function accountGuardrails(
  index: GovernanceIndex,
  accountId: string,
): AccountGuardrails | undefined {
  if (!index.accounts.has(accountId)) return undefined;
  const effective = effectivePolicies(index.snapshot, accountId);
  const combined = summarizeGuardrails(effective);
  const guardrails: AccountGuardrails = {
    accountId,
    managementAccountExempt: effective.managementAccount,
    levels: effective.levels.map(level => ({
      kind: level.kind,
      targetId: level.targetId,
      name: level.name,
      policies: level.policies.map(p => guardrailPolicy(index, p)),
    })),
    summary: combined.sentences,
  };
  if (combined.regions.restricted) {
    guardrails.allowedRegions = combined.regions.regions;
  }
  return guardrails;
}

/**
 * `POST /simulate`: whether the account's SCPs allow a request, with the
 * statements that decided. The management account is always allowed (SCPs
 * do not restrict it); a request the evaluator cannot decide (a missing
 * condition key, an unknown operator, an unreadable policy) is
 * `indeterminate`, never allowed. Undefined for an unknown account.
 */
export function simulate(
  index: GovernanceIndex,
  request: SimulationRequest,
): SimulationResult | undefined {
  if (!index.accounts.has(request.accountId)) return undefined;
  const evaluation = evaluateScps(index.snapshot, {
    accountId: request.accountId,
    action: request.action,
    resource: request.resource,
    region: request.region,
    context: request.context,
  });
  return {
    decision: evaluation.decision,
    reasons: evaluation.reasons,
    decisiveStatements: evaluation.decisive.map(statement => {
      const decisive: SimulationResult['decisiveStatements'][number] = {
        policyId: statement.policyId,
        policyName: statement.policyName,
        level: { ...statement.level },
        effect: statement.effect,
        statementIndex: statement.statementIndex,
      };
      if (statement.sid !== undefined) decisive.sid = statement.sid;
      return decisive;
    }),
  };
}
