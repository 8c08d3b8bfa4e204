import {
  Account,
  AccountAssignment,
  ComplianceEvidence,
  ScpEvaluation,
  ScpLevelRef,
  ScpStatementRef,
  ScpUncertainty,
  SnapshotResolution,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  ComplianceOutcome,
  ComplianceParameterProblem,
  ComplianceSnapshotIndex,
} from '@aws-governance/plugin-aws-organizations-node';

/** e.g. `OU Workloads (ou-ab12-1)`. */
export function describeLevel(level: ScpLevelRef): string {
  const kind = { root: 'root', ou: 'OU', account: 'account' }[level.kind];
  return `${kind} ${level.name} (${level.targetId})`;
}

/** e.g. `Deny statement "NoLeave" of DenyLeave (p-1) at root Root (r-1)`. */
export function describeStatement(ref: ScpStatementRef): string {
  const sid = ref.sid ? `"${ref.sid}"` : `#${ref.statementIndex + 1}`;
  return `${ref.effect} statement ${sid} of ${ref.policyName} (${
    ref.policyId
  }) at ${describeLevel(ref.level)}`;
}

/** Evidence naming SCP statements, each statement once. */
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

/** Evidence naming the statements whose applicability is unknown. */
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

/** Evidence of an SCP denial: the Deny statements or the levels lacking an Allow. */
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
 * Guardrail (SCP) rules do not apply to the management account (SCPs do
 * not restrict it) nor to accounts that cannot be used (suspended, closed
 * or closing).
 */
export function guardrailsApply(
  account: Account,
  index: ComplianceSnapshotIndex,
): boolean {
  return (
    !index.isManagementAccount(account.id) &&
    (account.state === 'ACTIVE' || account.state === 'PENDING_ACTIVATION')
  );
}

/** The principal ARN guardrail rules evaluate for, from its template. */
export function principalArn(template: string, accountId: string): string {
  return template.split('{accountId}').join(accountId);
}

/** The outcome for access rules when Identity Center cannot be judged. */
export function identityCenterOutcome(
  index: ComplianceSnapshotIndex,
  accountId?: string,
): ComplianceOutcome | undefined {
  const ic = index.identityCenter;
  if (
    ic.status === 'available' &&
    ic.readFrom === 'delegated-administrator' &&
    accountId !== undefined &&
    index.isManagementAccount(accountId)
  ) {
    return {
      status: 'unknown',
      message:
        'Read from a delegated administrator of IAM Identity Center: the assignments in the management account are not visible',
    };
  }
  if (ic.status === 'unavailable') {
    return {
      status: 'unknown',
      message: `IAM Identity Center could not be read: ${ic.reason}`,
    };
  }
  if (ic.status === 'not-enabled') {
    return {
      status: 'pass',
      message:
        'IAM Identity Center is not enabled: no permission set grants access',
    };
  }
  return undefined;
}

/** The principal's catalog ref, else its Identity Store name. */
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

/** Evidence of one assignment. */
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

/** Lists as prose: `a`, `a and b`, `a, b and c`. */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Evidence with each description once, in first-seen order. */
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

/** Distinct values, in first-seen order. */
export function distinct<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** A problem when a list parameter is empty. */
export function nonEmpty(
  parameter: string,
  value: readonly string[],
): ComplianceParameterProblem[] {
  return value.length === 0
    ? [{ parameter, message: 'must list at least one value' }]
    : [];
}

/**
 * Hours of an ISO-8601 duration as Identity Center writes session
 * durations (`PT1H`, `PT12H`, `PT1H30M`); `undefined` when unreadable.
 */
export function durationHours(duration: string): number | undefined {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(
    duration,
  );
  if (!match || duration === 'P' || duration.endsWith('T')) return undefined;
  const [, d, h, m, s] = match.map(v => Number(v ?? 0));
  return d * 24 + h + m / 60 + s / 3600;
}
