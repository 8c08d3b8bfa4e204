import type { ScpContextValue, ScpRequest } from './types';

/** The key is not in the request and the caller said it is absent. */
export const ABSENT = Symbol('absent');
/** The key is not in the request and nothing says whether it would be. */
export const MISSING = Symbol('missing');

/** A request context lookup: the values, or why there are none. */
export type ContextLookup = readonly string[] | typeof ABSENT | typeof MISSING;

/** The request's condition keys, case-insensitive. */
export interface RequestContext {
  get(key: string): ContextLookup;
}

function toValues(value: ScpContextValue): string[] {
  if (Array.isArray(value)) return value.map(String);
  return [String(value)];
}

/**
 * Builds the request context: derived keys (from the snapshot) first, then
 * aws:RequestedRegion from `region`, then the request's own context.
 */
export function buildRequestContext(
  request: ScpRequest,
  derived: Record<string, string | string[]> = {},
): RequestContext {
  const values = new Map<string, readonly string[]>();
  for (const [key, value] of Object.entries(derived)) {
    values.set(key.toLowerCase(), toValues(value));
  }
  if (request.region !== undefined) {
    values.set('aws:requestedregion', [request.region]);
  }
  for (const [key, value] of Object.entries(request.context ?? {})) {
    values.set(key.toLowerCase(), toValues(value));
  }
  const absentAll = request.absentKeys === true;
  const absent = new Set(
    Array.isArray(request.absentKeys)
      ? request.absentKeys.map(k => k.toLowerCase())
      : [],
  );
  return {
    get(key: string): ContextLookup {
      const lower = key.toLowerCase();
      const found = values.get(lower);
      if (found) return found;
      return absentAll || absent.has(lower) ? ABSENT : MISSING;
    },
  };
}
