import type {
  AccountAssignment,
  ComplianceEvidence,
  ScpEvaluation,
  ScpStatementRef,
  ScpUncertainty,
  SnapshotResolution,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  describeLevel,
  describeStatement,
} from '@aws-governance/plugin-aws-organizations-common';
import type { ComplianceSnapshotIndex } from '../snapshotIndex';

/**
 * Evidence naming SCP statements (e.g. the `decisive` statements of an
 * `evaluateScps` result), each statement once.
 *
 * @param prefix - put before each description, e.g. `Allowed by `.
 * @public
 */
export function statementEvidence(
  refs: readonly ScpStatementRef[],
  prefix = '',
): ComplianceEvidence[] {
  const seen = new Set<string>();
  const out: ComplianceEvidence[] = [];
  for (const ref of refs) {
    const key = `${ref.policyId}#${ref.statementIndex}@${ref.level.targetId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      kind: 'scp-statement',
      description: `${prefix}${describeStatement(ref)}`,
      policyId: ref.policyId,
      policyName: ref.policyName,
      ...(ref.sid ? { sid: ref.sid } : {}),
    });
  }
  return out;
}

/**
 * Evidence naming the statements whose applicability is unknown (the
 * `uncertain` part of an `indeterminate` SCP evaluation), with the reasons.
 *
 * @public
 */
export function uncertaintyEvidence(
  items: readonly ScpUncertainty[],
): ComplianceEvidence[] {
  return items.map(u => ({
    kind: 'scp-statement',
    description: `${u.policyName} (${u.policyId}) at ${describeLevel(
      u.level,
    )}: ${u.reasons.join('; ')}`,
    policyId: u.policyId,
    policyName: u.policyName,
    ...(u.sid ? { sid: u.sid } : {}),
  }));
}

/**
 * Evidence of an SCP denial: the Deny statements, or the levels where no
 * SCP allows the action.
 *
 * @public
 */
export function denialEvidence(
  evaluation: ScpEvaluation,
  action: string,
): ComplianceEvidence[] {
  return [
    ...statementEvidence(evaluation.decisive),
    ...evaluation.levelsWithoutAllow.map(
      (level): ComplianceEvidence => ({
        kind: 'note',
        description: `No SCP at ${describeLevel(level)} allows ${action}`,
      }),
    ),
  ];
}

/**
 * Names a principal for evidence: `group Platform (group:default/platform)`
 * when the backend resolved its catalog ref, else `group Platform`.
 *
 * @public
 */
export function principalLabel(
  assignment: Pick<AccountAssignment, 'principalType' | 'principalId'>,
  index: ComplianceSnapshotIndex,
  resolution: SnapshotResolution,
): string {
  const kind = assignment.principalType === 'GROUP' ? 'group' : 'user';
  const name = index.principalName(
    assignment.principalType,
    assignment.principalId,
  );
  const ref = resolution.principals[assignment.principalId]?.ref;
  return ref ? `${kind} ${name} (${ref})` : `${kind} ${name}`;
}

/**
 * Evidence of one Identity Center assignment: who holds which permission
 * set in the account.
 *
 * @param note - appended after a colon, e.g. the reason it counts.
 * @public
 */
export function assignmentEvidence(
  assignment: AccountAssignment,
  index: ComplianceSnapshotIndex,
  resolution: SnapshotResolution,
  note?: string,
): ComplianceEvidence {
  const setName =
    index.permissionSet(assignment.permissionSetArn)?.name ??
    assignment.permissionSetArn;
  return {
    kind: 'assignment',
    description: `${principalLabel(
      assignment,
      index,
      resolution,
    )} holds ${setName}${note ? `: ${note}` : ''}`,
    permissionSetArn: assignment.permissionSetArn,
    principalId: assignment.principalId,
    principalType: assignment.principalType,
    accountId: assignment.accountId,
  };
}

/**
 * Evidence with each description once, in first-seen order.
 *
 * @public
 */
export function dedupeEvidence(
  evidence: readonly ComplianceEvidence[],
): ComplianceEvidence[] {
  const seen = new Set<string>();
  return evidence.filter(e => {
    if (seen.has(e.description)) return false;
    seen.add(e.description);
    return true;
  });
}

/**
 * Lists as prose for a message: `a`, `a and b`, `a, b and c`.
 *
 * @public
 */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
