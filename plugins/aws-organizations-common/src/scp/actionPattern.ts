import { expandActionPattern, IAM_REFERENCE_VERSION } from './iam/catalog';
import { layerResult } from './layer';
import type { ScpDecisionKind, ScpEvaluation, ScpStatementRef } from './types';
import { hasWildcard } from './wildcard';

/** True when a request names an action pattern rather than one action. */
export function isActionPattern(action: string): boolean {
  return hasWildcard(action);
}

const SAMPLE = 5;

function statementKey(ref: ScpStatementRef): string {
  return `${ref.level.targetId}/${ref.policyId}/${ref.statementIndex}`;
}

function sample(actions: readonly string[]): string {
  const shown = actions.slice(0, SAMPLE).join(', ');
  return actions.length > SAMPLE
    ? `${shown} and ${actions.length - SAMPLE} more`
    : shown;
}

/** The uncertain statements of several answers, each once. */
function uncertainOf(results: readonly ScpEvaluation[]) {
  const out = new Map<string, ScpEvaluation['uncertain'][number]>();
  for (const r of results) {
    for (const u of r.uncertain) {
      out.set(`${u.level.targetId}/${u.policyId}/${u.statementIndex}`, u);
    }
  }
  return [...out.values()];
}

/**
 * Evaluates an action pattern (`s3:Delete*`) for every action AWS's
 * reference lists that it matches, and combines: one decision when they
 * all agree (with the statements that decided any of them), otherwise
 * indeterminate, saying which actions went which way.
 */
export function evaluateActionPattern(
  pattern: string,
  evaluateOne: (action: string) => ScpEvaluation,
): ScpEvaluation {
  const actions = expandActionPattern(pattern);
  if (actions.length === 0) {
    const note = `${pattern} matches no action of AWS's Service Authorization Reference (IAM data ${IAM_REFERENCE_VERSION})`;
    return layerResult('indeterminate', [note], { notes: [note] });
  }
  const byDecision: Record<ScpDecisionKind, string[]> = {
    allowed: [],
    denied: [],
    indeterminate: [],
  };
  const results = actions.map(a => {
    const evaluation = evaluateOne(a.name);
    byDecision[evaluation.decision].push(a.name);
    return evaluation;
  });
  const decisions = (Object.keys(byDecision) as ScpDecisionKind[]).filter(
    d => byDecision[d].length > 0,
  );
  const decisive = new Map<string, ScpStatementRef>();
  for (const r of results) {
    for (const ref of r.decisive) decisive.set(statementKey(ref), ref);
  }
  const notes = [...new Set(results.flatMap(r => r.notes ?? []))];
  if (decisions.length === 1) {
    const decision = decisions[0];
    return layerResult(
      decision,
      [
        `${decision} for all ${
          actions.length
        } actions ${pattern} matches (${sample(byDecision[decision])})`,
        ...new Set(results.slice(0, SAMPLE).flatMap(r => r.reasons)),
      ],
      {
        decisive: decision === 'indeterminate' ? [] : [...decisive.values()],
        levelsWithoutAllow: [
          ...new Map(
            results
              .flatMap(r => r.levelsWithoutAllow)
              .map(l => [l.targetId, l]),
          ).values(),
        ],
        uncertain: uncertainOf(results),
        missingKeys: [...new Set(results.flatMap(r => r.missingKeys))],
        unknownOperators: [
          ...new Set(results.flatMap(r => r.unknownOperators)),
        ],
        notes,
      },
    );
  }
  return layerResult(
    'indeterminate',
    [
      `the ${
        actions.length
      } actions ${pattern} matches do not all get the same answer: ${decisions
        .map(d => `${d}: ${sample(byDecision[d])}`)
        .join('; ')}`,
    ],
    {
      uncertain: uncertainOf(results),
      missingKeys: [...new Set(results.flatMap(r => r.missingKeys))],
      unknownOperators: [...new Set(results.flatMap(r => r.unknownOperators))],
      notes,
    },
  );
}
