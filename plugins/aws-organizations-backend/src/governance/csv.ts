const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Guards a cell against CSV formula injection: a value a spreadsheet would
 * run as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage
 * return) gets a leading `'`.
 */
export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * One CSV cell as RFC 4180 writes it, guarded against formula injection:
 * quoted when it holds a quote, a comma or a line break, quotes doubled.
 */
export function csvCell(value: string): string {
  const safe = escapeFormula(value);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Cells joined into (part of) a CSV line. */
export function csvCells(values: readonly string[]): string {
  return values.map(csvCell).join(',');
}
