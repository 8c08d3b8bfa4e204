/**
 * The condition operators the evaluator knows, and how an operator name
 * (`ForAllValues:StringNotLikeIfExists`) splits into qualifier, base
 * operator and the IfExists suffix.
 */

/** How the values of an operator compare. */
export type ValueKind =
  | 'string'
  | 'stringIgnoreCase'
  | 'stringLike'
  | 'arn'
  | 'numeric'
  | 'date'
  | 'bool'
  | 'ip'
  | 'binary'
  | 'null';

/** A base operator: its value kind, whether it is negated, its comparison. */
export interface BaseOperator {
  kind: ValueKind;
  negated: boolean;
  /** For Numeric / Date: the comparison of the request value with the policy value. */
  compare?: (request: number, policy: number) => boolean;
}

const eq = (a: number, b: number) => a === b;
const lt = (a: number, b: number) => a < b;
const le = (a: number, b: number) => a <= b;
const gt = (a: number, b: number) => a > b;
const ge = (a: number, b: number) => a >= b;

function ordered(prefix: 'Numeric' | 'Date'): Record<string, BaseOperator> {
  const kind = prefix === 'Numeric' ? 'numeric' : 'date';
  return {
    [`${prefix}Equals`]: { kind, negated: false, compare: eq },
    [`${prefix}NotEquals`]: { kind, negated: true, compare: eq },
    [`${prefix}LessThan`]: { kind, negated: false, compare: lt },
    [`${prefix}LessThanEquals`]: { kind, negated: false, compare: le },
    [`${prefix}GreaterThan`]: { kind, negated: false, compare: gt },
    [`${prefix}GreaterThanEquals`]: { kind, negated: false, compare: ge },
  };
}

/** Base operators by name (case-sensitive, as IAM spells them). */
export const BASE_OPERATORS: Readonly<Record<string, BaseOperator>> = {
  StringEquals: { kind: 'string', negated: false },
  StringNotEquals: { kind: 'string', negated: true },
  StringEqualsIgnoreCase: { kind: 'stringIgnoreCase', negated: false },
  StringNotEqualsIgnoreCase: { kind: 'stringIgnoreCase', negated: true },
  StringLike: { kind: 'stringLike', negated: false },
  StringNotLike: { kind: 'stringLike', negated: true },
  ArnEquals: { kind: 'arn', negated: false },
  ArnLike: { kind: 'arn', negated: false },
  ArnNotEquals: { kind: 'arn', negated: true },
  ArnNotLike: { kind: 'arn', negated: true },
  Bool: { kind: 'bool', negated: false },
  BinaryEquals: { kind: 'binary', negated: false },
  IpAddress: { kind: 'ip', negated: false },
  NotIpAddress: { kind: 'ip', negated: true },
  Null: { kind: 'null', negated: false },
  ...ordered('Numeric'),
  ...ordered('Date'),
};

/** A set qualifier for multi-valued keys. */
export type SetQualifier = 'ForAnyValue' | 'ForAllValues';

/** An operator name, taken apart. */
export interface OperatorSpec {
  qualifier?: SetQualifier;
  base: BaseOperator;
  baseName: string;
  ifExists: boolean;
}

/** Splits an operator name; undefined when the evaluator does not know it. */
export function parseOperator(name: string): OperatorSpec | undefined {
  let rest = name;
  let qualifier: SetQualifier | undefined;
  for (const q of ['ForAnyValue', 'ForAllValues'] as const) {
    if (rest.startsWith(`${q}:`)) {
      qualifier = q;
      rest = rest.slice(q.length + 1);
    }
  }
  let ifExists = false;
  if (rest.endsWith('IfExists')) {
    ifExists = true;
    rest = rest.slice(0, -'IfExists'.length);
  }
  const base = Object.prototype.hasOwnProperty.call(BASE_OPERATORS, rest)
    ? BASE_OPERATORS[rest]
    : undefined;
  if (!base) return undefined;
  // Null is a presence test: no IfExists, no set qualifier.
  if (base.kind === 'null' && (ifExists || qualifier)) return undefined;
  return { qualifier, base, baseName: rest, ifExists };
}
