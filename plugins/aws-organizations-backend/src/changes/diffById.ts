/**
 * Items of two lists matched by a key: what only `after` has, what only
 * `before` has, and the pairs both have. Every change detector walks its
 * lists through this one helper.
 */
export interface ByIdDiff<T> {
  /** Items of `after` whose key `before` lacks, in `after`'s order. */
  created: T[];
  /** Items of `before` whose key `after` lacks, in `before`'s order. */
  removed: T[];
  /** Items both have, as `[before, after]`, in `after`'s order. */
  common: Array<[before: T, after: T]>;
  /**
   * Every item of `after` with its `before` counterpart (`undefined` when
   * created), in `after`'s order: for detectors whose entries for created
   * and kept items interleave as the current snapshot lists them.
   */
  matched: Array<[before: T | undefined, after: T]>;
}

/**
 * Matches `before` and `after` by `key`. Keys are compared as strings in a
 * Map, so any key is safe (no prototype lookups); when a list repeats a
 * key, the last `before` item of that key is the counterpart.
 */
export function diffById<T>(
  before: readonly T[],
  after: readonly T[],
  key: (item: T) => string,
): ByIdDiff<T> {
  const beforeByKey = new Map<string, T>();
  for (const item of before) {
    beforeByKey.set(key(item), item);
  }
  const afterKeys = new Set(after.map(key));
  const created: T[] = [];
  const common: Array<[T, T]> = [];
  const matched: Array<[T | undefined, T]> = [];
  for (const item of after) {
    const k = key(item);
    if (beforeByKey.has(k)) {
      const old = beforeByKey.get(k) as T;
      common.push([old, item]);
      matched.push([old, item]);
    } else {
      created.push(item);
      matched.push([undefined, item]);
    }
  }
  const removed = before.filter(item => !afterKeys.has(key(item)));
  return { created, removed, common, matched };
}
