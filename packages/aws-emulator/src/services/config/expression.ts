/**
 * The subset of AWS Config's advanced query SQL the emulator answers:
 *
 *   SELECT <property>[, <property>...] WHERE <condition> [AND <condition>...]
 *
 * with properties top-level or dotted (`configuration.roleName`) or `*`,
 * and conditions `<property> = '<value>'` or `<property> IN ('a', 'b')`.
 * Anything else answers InvalidExpressionException.
 */
import { AwsError } from '../../protocol/errors';

/** A parsed query. */
export interface SelectQuery {
  fields: string[];
  conditions: { property: string; values: string[] }[];
}

function invalid(expression: string): AwsError {
  return new AwsError(
    'InvalidExpressionException',
    `The expression '${expression}' is not valid or not supported.`,
  );
}

const PROPERTY = /^[A-Za-z][\w]*(\.[A-Za-z][\w]*)*$/;
const STRING = /^'((?:[^']|'')*)'$/;

function parseCondition(text: string, expression: string) {
  const eq = /^([\w.]+)\s*=\s*('(?:[^']|'')*')$/.exec(text);
  if (eq && PROPERTY.test(eq[1])) {
    return {
      property: eq[1],
      values: [STRING.exec(eq[2])![1].replace(/''/g, "'")],
    };
  }
  const inList = /^([\w.]+)\s+IN\s*\((.+)\)$/i.exec(text);
  if (inList && PROPERTY.test(inList[1])) {
    const values = inList[2].split(',').map(v => {
      const m = STRING.exec(v.trim());
      if (!m) throw invalid(expression);
      return m[1].replace(/''/g, "'");
    });
    return { property: inList[1], values };
  }
  throw invalid(expression);
}

/** Parses the expression or answers InvalidExpressionException. */
export function parseSelect(expression: string): SelectQuery {
  const m = /^\s*SELECT\s+(.+?)\s+WHERE\s+(.+?)\s*;?\s*$/is.exec(expression);
  if (!m) throw invalid(expression);
  const fields = m[1].split(',').map(f => f.trim());
  if (!fields.every(f => f === '*' || PROPERTY.test(f))) {
    throw invalid(expression);
  }
  const conditions = m[2]
    .split(/\s+AND\s+/i)
    .map(c => parseCondition(c.trim(), expression));
  return { fields, conditions };
}

/** The item with only the selected properties, nested as Config returns them. */
export function project(
  item: Record<string, unknown>,
  fields: string[],
): Record<string, unknown> {
  if (fields.includes('*')) return item;
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const path = field.split('.');
    let value: unknown = item;
    for (const key of path) {
      value =
        value && typeof value === 'object'
          ? (value as Record<string, unknown>)[key]
          : undefined;
    }
    if (value === undefined) continue;
    let target = out;
    for (const key of path.slice(0, -1)) {
      target = (target[key] ??= {}) as Record<string, unknown>;
    }
    target[path[path.length - 1]] = value;
  }
  return out;
}

/** The value of a dotted property of an item. */
export function propertyOf(item: Record<string, unknown>, property: string) {
  let value: unknown = item;
  for (const key of property.split('.')) {
    value =
      value && typeof value === 'object'
        ? (value as Record<string, unknown>)[key]
        : undefined;
  }
  return value;
}
