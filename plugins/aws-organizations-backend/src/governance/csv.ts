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
 * quoted when it holds a quote, a comma or a line break (CR or LF, alone or
 * together), quotes doubled.
 */
export function csvCell(value: string): string {
  const safe = escapeFormula(value);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * CSV lines of rows, the one writer of both access exports: RFC 4180 (CRLF
 * line ends, cells as {@link csvCell} writes them). Hand-written rather
 * than csv-stringify, which measured 2.6x-3.4x (one stream) to 5.6x-7.2x
 * (sync per chunk) slower on the streamed L access report
 * (docs/benchmarks.md).
 */
export function csvLines(rows: readonly (readonly string[])[]): string {
  let out = '';
  for (const row of rows) out += `${row.map(csvCell).join(',')}\r\n`;
  return out;
}
