import type { ScpLevelRef, ScpStatementRef } from './types';

/** e.g. `OU Workloads (ou-ab12-1)`. */
export function describeLevel(level: ScpLevelRef): string {
  const kind = { root: 'root', ou: 'OU', account: 'account' }[level.kind];
  return `${kind} ${level.name} (${level.targetId})`;
}

/** e.g. `Deny statement "NoLeave" (#1) of DenyLeave (p-1) at root Root (r-1)`. */
export function describeStatement(ref: ScpStatementRef): string {
  const sid = ref.sid ? `"${ref.sid}" ` : '';
  return `${ref.effect} statement ${sid}(#${ref.statementIndex + 1}) of ${
    ref.policyName
  } (${ref.policyId}) at ${describeLevel(ref.level)}`;
}
