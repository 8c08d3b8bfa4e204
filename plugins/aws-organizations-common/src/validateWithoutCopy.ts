/**
 * Validation of a large parsed JSON value against a zod schema without the
 * copy `safeParse` makes: zod returns a new object for every object and
 * array it checks, so a whole-snapshot parse briefly holds the snapshot
 * twice (tens of MB at 5,000 accounts). Here objects, arrays, records,
 * optionals and discriminated unions are walked in place and each element
 * of an array or value of a record is checked by zod on its own (its copy
 * is dropped at once); the value itself is returned. Valid only for schemas
 * without transforms or defaults (the snapshot's), where zod's output
 * equals its input.
 */
import { z } from 'zod';

/** The parts of zod's internal definition this walk reads. */
interface Def {
  type: string;
  checks?: unknown[];
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  mode?: string;
}

const defOf = (schema: z.ZodType) =>
  (schema as unknown as { _zod: { def: Def } })._zod.def;

const isRecordObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

type Path = PropertyKey[];

/** zod's own verdict on a (small) value, its issues under `path`. */
function leaf(
  schema: z.ZodType,
  value: unknown,
  path: Path,
  issues: z.core.$ZodIssue[],
): void {
  const result = schema.safeParse(value);
  if (!result.success) {
    for (const issue of result.error.issues) {
      issues.push({ ...issue, path: [...path, ...issue.path] });
    }
  }
}

/** The option of a discriminated union a value declares, if exactly one. */
function declaredOption(def: Def, value: unknown): z.ZodType | undefined {
  if (!isRecordObject(value) || !def.discriminator) return undefined;
  const tag = value[def.discriminator];
  const matching = (def.options ?? []).filter(option => {
    const field = defOf(option).shape?.[def.discriminator!];
    return field?.safeParse(tag).success;
  });
  return matching.length === 1 ? matching[0] : undefined;
}

function walk(
  schema: z.ZodType,
  value: unknown,
  path: Path,
  issues: z.core.$ZodIssue[],
): void {
  const def = defOf(schema);
  if (def.checks?.length) {
    leaf(schema, value, path, issues);
    return;
  }
  switch (def.type) {
    case 'optional':
      if (value !== undefined) walk(def.innerType!, value, path, issues);
      return;
    case 'object':
      // Only loose objects: a strict one would also judge unknown keys.
      if (!isRecordObject(value) || defOf(def.catchall!)?.type !== 'unknown') {
        break;
      }
      for (const [key, field] of Object.entries(def.shape!)) {
        walk(field, value[key], [...path, key], issues);
      }
      return;
    case 'array':
      if (!Array.isArray(value)) break;
      value.forEach((element, i) =>
        leaf(def.element!, element, [...path, i], issues),
      );
      return;
    case 'record':
      if (
        !isRecordObject(value) ||
        defOf(def.keyType!).type !== 'string' ||
        defOf(def.keyType!).checks?.length
      ) {
        break;
      }
      for (const [key, entry] of Object.entries(value)) {
        leaf(def.valueType!, entry, [...path, key], issues);
      }
      return;
    case 'union': {
      const option = declaredOption(def, value);
      if (option) {
        walk(option, value, path, issues);
        return;
      }
      break;
    }
    default:
      break;
  }
  leaf(schema, value, path, issues);
}

/**
 * Validates `value` against `schema` like `schema.safeParse(value)`, with
 * the same issues, but returns `value` itself rather than a copy: for large
 * parsed JSON (a snapshot) validated by a schema without transforms or
 * defaults.
 *
 * @public
 */
export function validateWithoutCopy<T>(
  schema: z.ZodType<T>,
  value: unknown,
): { success: true; data: T } | { success: false; error: z.ZodError } {
  const issues: z.core.$ZodIssue[] = [];
  walk(schema, value, [], issues);
  return issues.length
    ? { success: false, error: new z.ZodError(issues) }
    : { success: true, data: value as T };
}
