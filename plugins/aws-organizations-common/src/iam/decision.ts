/**
 * The answers of the reach computation: decisions, the statements that
 * decided each step, and three-valued helpers over the SCP evaluator's
 * Kleene logic.
 */
import { andTri, isUnknownTri, orTri, Tri, Unknown } from '../scp/tristate';
import type { ScpEffect, ScpLevelRef } from '../scp/types';

/** A decision: the SCP evaluator's three values. @public */
export type ReachDecision = 'allowed' | 'denied' | 'indeterminate';

/** Which kind of policy a deciding statement belongs to. @public */
export type ReachPolicyKind = 'trust' | 'identity' | 'boundary' | 'scp' | 'rcp';

/** A statement that decided (or could decide) a step. @public */
export interface ReachStatementRef {
  policy: ReachPolicyKind;
  /** The role ARN (trust), policy ARN or inline policy name, or SCP/RCP id. */
  policyId: string;
  policyName: string;
  statementIndex: number;
  sid?: string;
  effect: ScpEffect;
  /** For SCPs and RCPs: where the policy is attached. */
  level?: ScpLevelRef;
}

/** Which check of a role hop a step is. @public */
export type ReachCheck = 'identity' | 'trust' | 'guardrails';

/** One check of a hop, its decision and what decided it. @public */
export interface ReachStep {
  check: ReachCheck;
  decision: ReachDecision;
  /** Allow statements when allowed, Deny statements when denied. */
  statements: ReachStatementRef[];
  reasons: string[];
}

export function decisionOf(tri: Tri): ReachDecision {
  if (tri === true) return 'allowed';
  if (tri === false) return 'denied';
  return 'indeterminate';
}

export function triOf(decision: ReachDecision, reason: string): Tri {
  if (decision === 'allowed') return true;
  if (decision === 'denied') return false;
  return {
    unknown: true,
    reasons: [reason],
    missingKeys: [],
    unknownOperators: [],
  };
}

export const and = (...items: Tri[]): Tri => andTri(items, t => t);
export const or = (...items: Tri[]): Tri => orTri(items, t => t);

export function reasonsOf(tri: Tri): string[] {
  return isUnknownTri(tri) ? (tri as Unknown).reasons : [];
}

/** The weaker of two decisions along a path. */
export function weakest(a: ReachDecision, b: ReachDecision): ReachDecision {
  if (a === 'denied' || b === 'denied') return 'denied';
  if (a === 'indeterminate' || b === 'indeterminate') return 'indeterminate';
  return 'allowed';
}
