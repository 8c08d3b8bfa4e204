/**
 * Three-valued (Kleene) logic for what-if evaluation: a test is true, false
 * or unknown, and an unknown carries why.
 */

/** Why a test could not be decided. */
export interface Unknown {
  unknown: true;
  reasons: string[];
  /** Condition keys (as written in the policy) the request lacks. */
  missingKeys: string[];
  unknownOperators: string[];
}

/** A tested value: true, false or unknown. */
export type Tri = boolean | Unknown;

export function unknown(
  reason: string,
  extra: { missingKey?: string; unknownOperator?: string } = {},
): Unknown {
  return {
    unknown: true,
    reasons: [reason],
    missingKeys: extra.missingKey ? [extra.missingKey] : [],
    unknownOperators: extra.unknownOperator ? [extra.unknownOperator] : [],
  };
}

export function isUnknownTri(value: Tri): value is Unknown {
  return typeof value === 'object';
}

function merge(a: Unknown, b: Unknown): Unknown {
  return {
    unknown: true,
    reasons: [...a.reasons, ...b.reasons],
    missingKeys: [...a.missingKeys, ...b.missingKeys],
    unknownOperators: [...a.unknownOperators, ...b.unknownOperators],
  };
}

/** Kleene AND, short-circuiting on false. */
export function andTri<T>(items: readonly T[], test: (item: T) => Tri): Tri {
  let pending: Unknown | undefined;
  for (const item of items) {
    const r = test(item);
    if (r === false) return false;
    if (r !== true) pending = pending ? merge(pending, r) : r;
  }
  return pending ?? true;
}

/** Kleene OR, short-circuiting on true. */
export function orTri<T>(items: readonly T[], test: (item: T) => Tri): Tri {
  let pending: Unknown | undefined;
  for (const item of items) {
    const r = test(item);
    if (r === true) return true;
    if (r !== false) pending = pending ? merge(pending, r) : r;
  }
  return pending ?? false;
}

/** Kleene NOT. */
export function notTri(value: Tri): Tri {
  return typeof value === 'boolean' ? !value : value;
}
