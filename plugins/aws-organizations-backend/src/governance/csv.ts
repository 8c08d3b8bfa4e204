import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Guards a cell against CSV formula injection: a value a spreadsheet would
 * run as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage
 * return) gets a leading `'`.
 */
export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * CSV lines of rows, the one writer of both access exports (csv-stringify):
 * RFC 4180 (CRLF line ends; a cell with a comma, a quote or a line break is
 * quoted, quotes doubled), every cell guarded against formula injection.
 */
export function csvLines(rows: readonly (readonly string[])[]): string {
  return stringify(rows as string[][], {
    record_delimiter: 'windows',
    // csv-stringify quotes the record delimiter (CRLF) but not a lone CR or
    // LF, which RFC 4180 requires quoted too.
    quoted_match: /[\r\n]/,
    cast: { string: escapeFormula },
  });
}
