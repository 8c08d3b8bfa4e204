import { AwsError } from '../../protocol/errors';

/**
 * Security Hub's OCSF finding filters (`OcsfFindingFilters` of
 * GetFindingsV2 and GetFindingStatisticsV2): composite filters whose
 * string, date, number and boolean filters combine with the composite's
 * `Operator` (AND by default), the composites with `CompositeOperator`.
 * A field holding a list (e.g. `resources.uid`) matches when one of its
 * values does.
 */

type Doc = Record<string, unknown>;

function validation(message: string) {
  return new AwsError('ValidationException', message);
}

const PATHS = new Map<string, string[]>();

/** The values at a dotted path, through lists. */
export function valuesAt(doc: unknown, path: string): unknown[] {
  let parts = PATHS.get(path);
  if (!parts) {
    parts = path.split('.');
    PATHS.set(path, parts);
  }
  let current: unknown[] = [doc];
  for (const part of parts) {
    const next: unknown[] = [];
    for (const value of current) {
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) {
        if (item && typeof item === 'object' && part in (item as Doc)) {
          next.push((item as Doc)[part]);
        }
      }
    }
    current = next;
  }
  return current.flatMap(v => (Array.isArray(v) ? v : [v]));
}

const STRING_COMPARISONS = [
  'EQUALS',
  'PREFIX',
  'NOT_EQUALS',
  'PREFIX_NOT_EQUALS',
  'CONTAINS',
  'NOT_CONTAINS',
  'CONTAINS_WORD',
] as const;

function matchString(values: unknown[], comparison: string, wanted: string) {
  const strings = values.filter((v): v is string => typeof v === 'string');
  switch (comparison) {
    case 'EQUALS':
      return strings.some(v => v === wanted);
    case 'PREFIX':
      return strings.some(v => v.startsWith(wanted));
    case 'CONTAINS':
      return strings.some(v => v.includes(wanted));
    case 'CONTAINS_WORD':
      return strings.some(v => v.split(/\W+/).includes(wanted));
    case 'NOT_EQUALS':
      return strings.every(v => v !== wanted);
    case 'PREFIX_NOT_EQUALS':
      return strings.every(v => !v.startsWith(wanted));
    case 'NOT_CONTAINS':
      return strings.every(v => !v.includes(wanted));
    default:
      throw validation(
        `Invalid Comparison ${comparison}: use ${STRING_COMPARISONS.join(
          ', ',
        )}`,
      );
  }
}

function matchDate(values: unknown[], filter: Doc, now: Date) {
  let start =
    typeof filter.Start === 'string' ? Date.parse(filter.Start) : -Infinity;
  let end = typeof filter.End === 'string' ? Date.parse(filter.End) : Infinity;
  const range = filter.DateRange as
    | { Value?: unknown; Unit?: unknown }
    | undefined;
  if (range) {
    if (range.Unit !== 'DAYS' || typeof range.Value !== 'number') {
      throw validation('DateRange needs a numeric Value and the Unit DAYS');
    }
    start = now.getTime() - range.Value * 86_400_000;
    end = now.getTime();
  }
  if (Number.isNaN(start) || Number.isNaN(end)) {
    throw validation('Start and End must be ISO 8601 date-times');
  }
  return values.some(v => {
    const t = typeof v === 'string' ? Date.parse(v) : NaN;
    return t >= start && t <= end;
  });
}

function matchNumber(values: unknown[], filter: Doc) {
  return values.some(v => {
    if (typeof v !== 'number') return false;
    const { Eq, Gt, Gte, Lt, Lte } = filter as Record<
      string,
      number | undefined
    >;
    return (
      (Eq === undefined || v === Eq) &&
      (Gt === undefined || v > Gt) &&
      (Gte === undefined || v >= Gte) &&
      (Lt === undefined || v < Lt) &&
      (Lte === undefined || v <= Lte)
    );
  });
}

function operatorOf(value: unknown): 'AND' | 'OR' {
  if (value === undefined || value === null) return 'AND';
  if (value !== 'AND' && value !== 'OR') {
    throw validation(`Invalid operator ${String(value)}: use AND or OR`);
  }
  return value;
}

/** One condition of a composite, checked on a finding. */
type Condition = (doc: Doc, now: Date) => boolean;

function conditionsOf(composite: Doc): Condition[] {
  const conditions: Condition[] = [];
  const list = (name: string) => {
    const value = composite[name];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) throw validation(`${name} must be a list`);
    return value as Doc[];
  };
  for (const f of list('StringFilters')) {
    const field = String(f.FieldName);
    const filter = (f.Filter ?? {}) as Doc;
    const comparison = String(filter.Comparison);
    const value = String(filter.Value);
    matchString([], comparison, value); // validates the comparison
    conditions.push(doc =>
      matchString(valuesAt(doc, field), comparison, value),
    );
  }
  for (const f of list('DateFilters')) {
    const field = String(f.FieldName);
    const filter = (f.Filter ?? {}) as Doc;
    conditions.push((doc, now) => matchDate(valuesAt(doc, field), filter, now));
  }
  for (const f of list('NumberFilters')) {
    const field = String(f.FieldName);
    const filter = (f.Filter ?? {}) as Doc;
    conditions.push(doc => matchNumber(valuesAt(doc, field), filter));
  }
  for (const f of list('BooleanFilters')) {
    const field = String(f.FieldName);
    const wanted = ((f.Filter ?? {}) as Doc).Value;
    conditions.push(doc => valuesAt(doc, field).some(v => v === wanted));
  }
  for (const nested of list('NestedCompositeFilters')) {
    const match = compositeMatcher(nested);
    conditions.push(match);
  }
  return conditions;
}

function compositeMatcher(composite: Doc): Condition {
  const operator = operatorOf(composite.Operator);
  const conditions = conditionsOf(composite);
  return (doc, now) =>
    conditions.length === 0 ||
    (operator === 'AND'
      ? conditions.every(c => c(doc, now))
      : conditions.some(c => c(doc, now)));
}

/** A predicate over findings from `OcsfFindingFilters` (none: every finding). */
export function findingFilter(
  filters: unknown,
): (doc: Doc, now: Date) => boolean {
  if (filters === undefined || filters === null) return () => true;
  if (typeof filters !== 'object' || Array.isArray(filters)) {
    throw validation('Filters must be an object');
  }
  const { CompositeFilters, CompositeOperator } = filters as Doc;
  const operator = operatorOf(CompositeOperator);
  if (CompositeFilters !== undefined && !Array.isArray(CompositeFilters)) {
    throw validation('CompositeFilters must be a list');
  }
  const composites = ((CompositeFilters as Doc[] | undefined) ?? []).map(
    compositeMatcher,
  );
  return (doc, now) =>
    composites.length === 0 ||
    (operator === 'AND'
      ? composites.every(c => c(doc, now))
      : composites.some(c => c(doc, now)));
}
