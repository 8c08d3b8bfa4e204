import {
  ChangeKind,
  RuleResult,
} from '@aws-governance/plugin-aws-organizations-common';
import { CHANGE_KINDS } from './changeKinds';

/** Change kinds that say who has access: shown only with access.read. */
export const ACCESS_CHANGE_KINDS: ReadonlySet<ChangeKind> = new Set([
  'assignment.granted',
  'assignment.revoked',
  'group-membership.added',
  'group-membership.removed',
]);

/**
 * The change kinds a caller may see: every kind, or every kind but the
 * access ones. `requested` narrows it (an empty result means "none").
 */
export function visibleKinds(
  requested: ChangeKind[] | undefined,
  mayReadAccess: boolean,
): ChangeKind[] | undefined {
  if (mayReadAccess) {
    return requested;
  }
  const base = requested ?? [...CHANGE_KINDS];
  return base.filter(kind => !ACCESS_CHANGE_KINDS.has(kind));
}

/**
 * Compliance results without who-has-access details: results resting on
 * assignments keep that an assignment is at fault, not whose it is (message
 * and evidence).
 */
export function redactAccessEvidence(results: RuleResult[]): RuleResult[] {
  return results.map(result => {
    if (!result.evidence.some(evidence => evidence.kind === 'assignment')) {
      return result;
    }
    return {
      ...result,
      // Rule messages name the principals at fault.
      message: `${result.rule.title}: ${
        result.status === 'pass' ? 'passes' : `${result.status}s`
      } on account assignments; who holds them is restricted`,
      evidence: result.evidence.map(evidence => {
        if (evidence.kind !== 'assignment') {
          return evidence;
        }
        const { principalId: _id, principalType: _type, ...rest } = evidence;
        return {
          ...rest,
          description:
            'An account assignment (who holds it is restricted: you lack aws-organizations.access.read)',
        };
      }),
    };
  });
}
