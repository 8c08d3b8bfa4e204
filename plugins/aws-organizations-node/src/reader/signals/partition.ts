/**
 * Splits account ids into groups of at most `max` accounts, each named by
 * a few id prefixes (a `PREFIX` string filter per prefix, OR-ed), so that
 * a statistics call grouped by account cannot hit its result limit
 * within a group. A list of at most `max` needs no filter at all.
 */
export interface AccountPartition {
  /** Empty: every account (no filter). */
  prefixes: string[];
  size: number;
}

/** Prefixes per partition: one composite filter of that many string filters. */
const MAX_PREFIXES = 10;

function splitByPrefix(
  ids: string[],
  prefix: string,
  max: number,
): AccountPartition[] {
  if (ids.length <= max || prefix.length >= 12) {
    return [{ prefixes: [prefix], size: ids.length }];
  }
  const byDigit = new Map<string, string[]>();
  for (const id of ids) {
    const next = id.slice(0, prefix.length + 1);
    byDigit.set(next, [...(byDigit.get(next) ?? []), id]);
  }
  return [...byDigit.keys()]
    .sort()
    .flatMap(p => splitByPrefix(byDigit.get(p)!, p, max));
}

/** The partitions of `accountIds` (sorted, deterministic). */
export function partitionAccounts(
  accountIds: readonly string[],
  max: number,
): AccountPartition[] {
  const ids = [...new Set(accountIds)].sort();
  if (ids.length <= max) return [{ prefixes: [], size: ids.length }];
  const leaves = splitByPrefix(ids, '', max);
  // Pack neighbouring prefixes together while they fit.
  const packed: AccountPartition[] = [];
  for (const leaf of leaves) {
    const last = packed[packed.length - 1];
    if (
      last &&
      last.size + leaf.size <= max &&
      last.prefixes.length + leaf.prefixes.length <= MAX_PREFIXES
    ) {
      last.prefixes.push(...leaf.prefixes);
      last.size += leaf.size;
    } else {
      packed.push({ prefixes: [...leaf.prefixes], size: leaf.size });
    }
  }
  return packed;
}
