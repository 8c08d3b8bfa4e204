/**
 * material-table (Backstage's `Table`) keys its row state by each row's
 * `id` property and warns about any row without one; it has no option to
 * name another key. This gives each row an `id` from the given key, unique
 * within the rows (a repeated key gets `#2`, `#3`, ...), so a table keeps
 * its expanded panels across renders and logs no warning.
 */
export function withRowIds<T extends object>(
  rows: readonly T[],
  key: (row: T) => string,
): Array<T & { id: string }> {
  const seen = new Map<string, number>();
  return rows.map(row => {
    const base = key(row);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return { ...row, id: count === 1 ? base : `${base}#${count}` };
  });
}
