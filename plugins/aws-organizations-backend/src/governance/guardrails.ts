import {
  AccountGuardrails,
  effectivePolicies,
  GuardrailPolicy,
  ScpPolicySource,
  summarizeGuardrails,
  summarizeScp,
} from '@aws-governance/plugin-aws-organizations-common';
import { otherPolicyTypes, resourceGuardrails } from './resourceGuardrails';
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
 * summary and the allowed regions; the RCPs of the account's resources the
 * same way; the other policy types attached on the path. Undefined for an
 * unknown account.
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
    resourceControlPolicies: resourceGuardrails(index.snapshot, accountId),
    otherPolicyTypes: otherPolicyTypes(index.snapshot, accountId),
  };
  if (combined.regions.restricted) {
    guardrails.allowedRegions = combined.regions.regions;
  }
  return guardrails;
}
