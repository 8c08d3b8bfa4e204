import { TableOptions } from '@backstage/core-components';

/**
 * The options of the plugin's dense tables: a pager only when the rows do
 * not fit on one page of `pageSize`, and whatever else a table sets.
 */
export function pagedTableOptions<T extends object>(
  rows: number,
  pageSize: number,
  extra: TableOptions<T> = {},
): TableOptions<T> {
  return { paging: rows > pageSize, pageSize, padding: 'dense', ...extra };
}
