const collator = new Intl.Collator('en-US', {
  numeric: true,
  sensitivity: 'base',
});

/** Compares by code units: a total order for tie-breaking. */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * Orders names as people expect: case-insensitive, numbers by value
 * (`account-2` before `account-10`), ties broken by code units.
 */
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b) || compareText(a, b);
}
