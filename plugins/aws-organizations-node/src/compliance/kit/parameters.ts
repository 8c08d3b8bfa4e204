import type { ComplianceParameterProblem } from '../types';

/**
 * A parameter check for `validateParameters`: a problem when a list
 * parameter is empty.
 *
 * @public
 */
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
 *
 * @public
 */
export function durationHours(duration: string): number | undefined {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(
    duration,
  );
  if (!match || duration === 'P' || duration.endsWith('T')) return undefined;
  const [, d, h, m, s] = match.map(v => Number(v ?? 0));
  return d * 24 + h + m / 60 + s / 3600;
}

/**
 * The principal ARN a guardrail rule evaluates SCPs for, from a parameter
 * template with `{accountId}` (e.g.
 * `arn:aws:iam::{accountId}:role/workload`).
 *
 * @public
 */
export function principalArn(template: string, accountId: string): string {
  return template.split('{accountId}').join(accountId);
}

/**
 * A name pattern from a rule parameter as a regular expression: `*`
 * matches any run of characters, everything else itself, case-insensitive
 * (e.g. `*log*`, `Admin*`).
 *
 * @public
 */
export function namePattern(pattern: string): RegExp {
  const escaped = pattern
    .split('*')
    .map(p => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${escaped}$`, 'i');
}

/**
 * Whether a name matches one of the name patterns (see
 * {@link namePattern}).
 *
 * @public
 */
export function matchesAnyName(
  name: string,
  patterns: readonly string[],
): boolean {
  return patterns.some(p => namePattern(p).test(name));
}
