import type { ScpLevelRef, ScpStatementRef } from './types';

/**
 * Names a level of the organization, e.g. `OU Workloads (ou-ab12-1)`.
 *
 * @public
 */
export function describeLevel(level: ScpLevelRef): string {
  const kind = { root: 'root', ou: 'OU', account: 'account' }[level.kind];
  return `${kind} ${level.name} (${level.targetId})`;
}

/**
 * Options of {@link describeStatement}.
 *
 * @public
 */
export interface DescribeStatementOptions {
  /**
   * When to name the statement's position (counted from 1):
   * `'unnamed'` (the default) only for a statement without a Sid
   * (`statement "NoLeave"`, `statement #2`); `'always'` beside the Sid too
   * (`statement "NoLeave" (#1)`, `statement (#2)`), as the evaluator's
   * explanations word it.
   */
  index?: 'unnamed' | 'always';
}

/**
 * Names an SCP or RCP statement, e.g.
 * `Deny statement "NoLeave" of DenyLeave (p-1) at root Root (r-1)`, or with
 * `{ index: 'always' }`
 * `Deny statement "NoLeave" (#1) of DenyLeave (p-1) at root Root (r-1)`.
 *
 * @public
 */
export function describeStatement(
  ref: ScpStatementRef,
  options: DescribeStatementOptions = {},
): string {
  const position = `#${ref.statementIndex + 1}`;
  let name: string;
  if (options.index === 'always') {
    name = ref.sid ? `"${ref.sid}" (${position})` : `(${position})`;
  } else {
    name = ref.sid ? `"${ref.sid}"` : position;
  }
  return `${ref.effect} statement ${name} of ${ref.policyName} (${
    ref.policyId
  }) at ${describeLevel(ref.level)}`;
}
