import type { ScpContextValue, ScpRequest } from './types';

/** The key is not in the request and the caller said it is absent. */
export const ABSENT = Symbol('absent');
/** The key is not in the request and nothing says whether it would be. */
export const MISSING = Symbol('missing');

/** A request context lookup: the values, or why there are none. */
export type ContextLookup = readonly string[] | typeof ABSENT | typeof MISSING;

/** The request's condition keys, case-insensitive. */
export interface RequestContext {
  /** Looks a key up; the key must already be lower-cased. */
  get(lowerKey: string): ContextLookup;
  /**
   * Whether a present key holds a set of values: AWS documents it as
   * multivalued, or the request gives it as a list of other than one value
   * (a key AWS documents as single-valued has at most one). The key must
   * already be lower-cased.
   */
  multivalued(lowerKey: string, values: readonly string[]): boolean;
}

/** Whether AWS documents a (lower-cased) condition key as multivalued. */
export type KeyKindLookup = (lowerKey: string) => boolean;

function toValues(value: ScpContextValue): string[] {
  if (Array.isArray(value)) return value.map(String);
  return [String(value)];
}

const lowered = new WeakMap<object, Map<string, readonly string[]>>();

/** Keys lower-cased once per context object (treat contexts as immutable). */
function lowerCased(
  values: Record<string, ScpContextValue>,
): Map<string, readonly string[]> {
  let map = lowered.get(values);
  if (!map) {
    map = new Map();
    for (const [key, value] of Object.entries(values)) {
      map.set(key.toLowerCase(), toValues(value));
    }
    lowered.set(values, map);
  }
  return map;
}

/** The request context, one object per request (no closures to allocate). */
class Context implements RequestContext {
  readonly #own: Map<string, readonly string[]> | undefined;
  readonly #derived: Map<string, readonly string[]>[];
  readonly #region: readonly string[] | undefined;
  readonly #absentAll: boolean;
  readonly #absent: Set<string> | undefined;
  readonly #documented: KeyKindLookup;

  constructor(
    request: ScpRequest,
    derived: readonly Record<string, string | string[]>[],
    documented: KeyKindLookup,
  ) {
    this.#own = request.context ? lowerCased(request.context) : undefined;
    this.#derived =
      derived.length === 1 ? [lowerCased(derived[0])] : derived.map(lowerCased);
    this.#region = request.region === undefined ? undefined : [request.region];
    this.#absentAll = request.absentKeys === true;
    this.#absent = Array.isArray(request.absentKeys)
      ? new Set(request.absentKeys.map(k => k.toLowerCase()))
      : undefined;
    this.#documented = documented;
  }

  get(lowerKey: string): ContextLookup {
    const found =
      this.#own?.get(lowerKey) ??
      (this.#region && lowerKey === 'aws:requestedregion'
        ? this.#region
        : this.#fromDerived(lowerKey));
    if (found) return found;
    return this.#absentAll || this.#absent?.has(lowerKey) ? ABSENT : MISSING;
  }

  multivalued(lowerKey: string, values: readonly string[]): boolean {
    return values.length !== 1 || this.#documented(lowerKey);
  }

  #fromDerived(lowerKey: string): readonly string[] | undefined {
    for (const map of this.#derived) {
      const found = map.get(lowerKey);
      if (found) return found;
    }
    return undefined;
  }
}

/**
 * Builds the request context: the request's own context first, then
 * aws:RequestedRegion from `region`, then the derived keys (from the
 * snapshot; the first record that has a key wins). Lower-cased key maps are
 * cached per context object, so one request evaluated for many accounts
 * lower-cases its keys once.
 */
export function buildRequestContext(
  request: ScpRequest,
  derived: readonly Record<string, string | string[]>[],
  documentedMultivalued: KeyKindLookup,
): RequestContext {
  return new Context(request, derived, documentedMultivalued);
}
