/**
 * Reads a timestamp column: a Date (PostgreSQL), epoch milliseconds or an
 * SQL timestamp string (SQLite).
 */
export function toDate(value: unknown): Date {
  if (value instanceof Date) {
    return value;
  }
  if (typeof value === 'number') {
    return new Date(value);
  }
  if (typeof value === 'string') {
    if (/^\d+$/.test(value)) {
      return new Date(Number(value));
    }
    // SQLite's CURRENT_TIMESTAMP: 'YYYY-MM-DD HH:MM:SS' in UTC.
    const iso = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/.test(value)
      ? `${value.replace(' ', 'T')}${
          /[zZ]|[+-]\d{2}:?\d{2}$/.test(value) ? '' : 'Z'
        }`
      : value;
    return new Date(iso);
  }
  throw new TypeError(`Not a timestamp: ${String(value)}`);
}

/** A timestamp column as an ISO string, or undefined when null. */
export function toIso(value: unknown): string | undefined {
  return value === null || value === undefined
    ? undefined
    : toDate(value).toISOString();
}

/** Parses a JSON text column, or undefined when null. */
export function fromJson<T>(value: unknown): T | undefined {
  return typeof value === 'string' ? (JSON.parse(value) as T) : undefined;
}
