import type { CompiledRequest } from './compile';
import { describeLevel } from './describe';
import type { PolicyKind } from './parse';
import { prepareLevel } from './prepare';
import type {
  ScpActionInfo,
  ScpEvaluation,
  ScpLevel,
  ScpLevelRef,
  ScpStatementRef,
  ScpUncertainty,
} from './types';

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

/** The notes of an answer that has none (shared: answers are not edited). */
const NO_NOTES: string[] = Object.freeze([]) as unknown as string[];

/** An answer with empty lists, to fill in. */
export function layerResult(
  decision: ScpEvaluation['decision'],
  reasons: string[],
  extra: Partial<ScpEvaluation> = {},
): ScpEvaluation {
  return {
    decision,
    reasons,
    decisive: [],
    levelsWithoutAllow: [],
    uncertain: [],
    missingKeys: [],
    unknownOperators: [],
    notes: NO_NOTES,
    action: undefined,
    ...extra,
  };
}

/** How a layer names itself in reasons. */
const WORD: Record<PolicyKind, string> = { scp: 'SCP', rcp: 'RCP' };

/**
 * Evaluates one layer of organization policies (the SCPs on a principal's
 * account path, or the RCPs on a resource's) for a compiled request, as
 * AWS does for both: a matching Deny at any level denies; otherwise every
 * level needs a matching Allow. Unknown tests make the answer
 * `indeterminate` only when they could change it.
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_evaluation.html
 */
export function evaluateLayer(
  levels: readonly ScpLevel[],
  request: CompiledRequest,
  actionLabel: string,
  kind: PolicyKind,
  action?: ScpActionInfo,
): ScpEvaluation {
  const word = WORD[kind];
  const denies: { ref: ScpStatementRef; description: string }[] = [];
  const allows: { ref: ScpStatementRef; description: string }[] = [];
  const uncertainDenies: ScpUncertainty[] = [];
  const uncertainAllowLevels: {
    level: ScpLevelRef;
    items: ScpUncertainty[];
  }[] = [];
  const levelsWithoutAllow: ScpLevelRef[] = [];
  let notes: string[] | undefined;

  for (const level of levels) {
    const { ref, policies } = prepareLevel(level, kind);
    let allowed: { ref: ScpStatementRef; description: string } | undefined;
    const maybeAllows: ScpUncertainty[] = [];
    for (const policy of policies) {
      if (policy.error !== undefined) {
        const item: ScpUncertainty = {
          policyId: policy.source.id,
          policyName: policy.source.name,
          level: ref,
          reasons: [`the policy cannot be read: ${policy.error}`],
          missingKeys: [],
          unknownOperators: [],
        };
        uncertainDenies.push(item);
        maybeAllows.push(item);
        continue;
      }
      for (const prepared of policy.statements) {
        const s = prepared.compiled;
        if (!s.matchesAction(request.action)) continue;
        if (s.notes.length > 0) {
          notes = notes ?? [];
          notes.push(...s.notes.map(n => `${n} (${prepared.description})`));
        }
        const isDeny = s.effect === 'Deny';
        if (!isDeny && allowed) continue;
        const match = s.matchesRest(request);
        if (match === false) continue;
        if (match === true) {
          if (isDeny) denies.push(prepared);
          else allowed = prepared;
        } else {
          (isDeny ? uncertainDenies : maybeAllows).push({
            ...prepared.ref,
            reasons: match.reasons,
            missingKeys: unique(match.missingKeys),
            unknownOperators: unique(match.unknownOperators),
          });
        }
      }
    }
    if (allowed) allows.push(allowed);
    else if (maybeAllows.length > 0) {
      uncertainAllowLevels.push({ level: ref, items: maybeAllows });
    } else levelsWithoutAllow.push(ref);
  }

  const uniqueNotes = notes ? unique(notes) : NO_NOTES;
  if (denies.length > 0) {
    return layerResult(
      'denied',
      [
        ...denies.map(d => `denied by the ${d.description}`),
        ...levelsWithoutAllow.map(
          l => `no ${word} at ${describeLevel(l)} allows ${actionLabel}`,
        ),
        ...uniqueNotes,
      ],
      {
        decisive: denies.map(d => d.ref),
        levelsWithoutAllow,
        notes: uniqueNotes,
        action,
      },
    );
  }
  if (levelsWithoutAllow.length > 0) {
    return layerResult(
      'denied',
      [
        ...levelsWithoutAllow.map(
          l =>
            `denied: no ${word} attached at ${describeLevel(
              l,
            )} allows ${actionLabel}`,
        ),
        ...uniqueNotes,
      ],
      { levelsWithoutAllow, notes: uniqueNotes, action },
    );
  }
  const uncertain = [
    ...uncertainDenies,
    ...uncertainAllowLevels.flatMap(l => l.items),
  ];
  if (uncertain.length > 0) {
    const missingKeys = unique(uncertain.flatMap(u => u.missingKeys));
    const unknownOperators = unique(uncertain.flatMap(u => u.unknownOperators));
    const reasons = [
      ...uncertainDenies.map(
        u =>
          `a Deny may apply: ${u.reasons.join('; ')} (${
            u.policyName
          } at ${describeLevel(u.level)})`,
      ),
      ...uncertainAllowLevels.map(
        l =>
          `whether ${describeLevel(
            l.level,
          )} allows ${actionLabel} is unknown: ${l.items
            .flatMap(i => i.reasons)
            .join('; ')}`,
      ),
      ...uniqueNotes,
    ];
    return layerResult('indeterminate', reasons, {
      uncertain,
      missingKeys,
      unknownOperators,
      notes: uniqueNotes,
      action,
    });
  }
  return layerResult(
    'allowed',
    [
      `allowed: no Deny applies and every level allows ${actionLabel}`,
      ...allows.map(a => `allowed by the ${a.description}`),
      ...uniqueNotes,
    ],
    { decisive: allows.map(a => a.ref), notes: uniqueNotes, action },
  );
}
