import { compilePolicy } from './compile';
import { describeLevel } from './describe';
import { allowedRegions, AllowedRegions } from './regions';
import { summarizeStatement, ScpStatementSummary } from './summarize';
import type { EffectiveScps, ScpLevel, ScpLevelRef } from './types';

/** A statement summary with the policy and level it comes from. @public */
export interface GuardrailItem extends ScpStatementSummary {
  policyId: string;
  policyName: string;
  level: ScpLevelRef;
}

/** The guardrails on one account, described. @public */
export interface GuardrailSummary {
  items: GuardrailItem[];
  /** Policies that cannot be read (their effect is unknown). */
  unreadable: {
    policyId: string;
    policyName: string;
    level: ScpLevelRef;
    error: string;
  }[];
  /** Levels without an allow-everything statement (allow-list levels). */
  levelsWithoutFullAccess: ScpLevelRef[];
  regions: AllowedRegions;
  /** One sentence per guardrail: Deny statements, allow-lists, regions. */
  sentences: string[];
}

/**
 * Describes the SCP guardrails on an account: every statement's summary
 * with its source, the levels that restrict via allow-lists, the allowed
 * regions, and sentences for the UI (FullAWSAccess statements are left out
 * of the sentences: they restrict nothing).
 *
 * @public
 */
export function summarizeGuardrails(
  source: EffectiveScps | ScpLevel[],
): GuardrailSummary {
  const levels = Array.isArray(source) ? source : source.levels;
  const items: GuardrailItem[] = [];
  const unreadable: GuardrailSummary['unreadable'] = [];
  const levelsWithoutFullAccess: ScpLevelRef[] = [];
  const sentences: string[] = [];
  for (const level of levels) {
    const ref: ScpLevelRef = {
      kind: level.kind,
      targetId: level.targetId,
      name: level.name,
    };
    let fullAccess = false;
    for (const policy of level.policies) {
      const compiled = compilePolicy(policy);
      if (!compiled.ok) {
        unreadable.push({
          policyId: policy.id,
          policyName: policy.name,
          level: ref,
          error: compiled.error,
        });
        sentences.push(
          `${policy.name} at ${describeLevel(
            ref,
          )} cannot be read: its effect is unknown`,
        );
        continue;
      }
      for (const statement of compiled.parsed.statements) {
        const summary = summarizeStatement(statement);
        items.push({
          ...summary,
          policyId: policy.id,
          policyName: policy.name,
          level: ref,
        });
        if (summary.kind === 'full-access') fullAccess = true;
        else
          sentences.push(
            `${policy.name} (${describeLevel(ref)}): ${summary.sentence}`,
          );
      }
    }
    if (!fullAccess) levelsWithoutFullAccess.push(ref);
  }
  return {
    items,
    unreadable,
    levelsWithoutFullAccess,
    regions: allowedRegions(levels),
    sentences,
  };
}
