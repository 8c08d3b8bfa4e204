import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { ChangeQuery } from '../database/ChangeLogStore';
import { CHANGE_KINDS } from './changeKinds';

/** Largest page of `GET /changes`. */
export const MAX_CHANGES_LIMIT = 500;
const DEFAULT_LIMIT = 50;

const oneOrMany = z
  .union([z.string(), z.array(z.string())])
  .transform(v => (Array.isArray(v) ? v : [v]).flatMap(s => s.split(',')))
  .transform(v => v.map(s => s.trim()).filter(Boolean))
  .pipe(z.array(z.enum(CHANGE_KINDS)));

const integer = z
  .string()
  .regex(/^\d+$/, 'must be a non-negative integer')
  .transform(Number);

const schema = z
  .object({
    accountId: z
      .string()
      .regex(/^\d{12}$/, 'must be a 12-digit AWS account id')
      .optional(),
    kind: oneOrMany.optional(),
    since: z
      .string()
      .regex(
        /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/,
        'must be an ISO 8601 date',
      )
      .transform(s => new Date(s))
      .refine(d => !Number.isNaN(d.getTime()), 'must be a valid date')
      .optional(),
    offset: integer.optional(),
    limit: integer
      .pipe(
        z
          .number()
          .min(1)
          .max(MAX_CHANGES_LIMIT, `must be at most ${MAX_CHANGES_LIMIT}`),
      )
      .optional(),
  })
  .strict();

/** Parses the query of `GET /changes`, or throws an InputError saying why. */
export function parseChangesQuery(query: unknown): ChangeQuery {
  const parsed = schema.safeParse(query);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map(
      issue => `${issue.path.join('.') || 'query'}: ${issue.message}`,
    );
    throw new InputError(`Invalid query: ${reasons.join('; ')}`);
  }
  const { accountId, kind, since, offset, limit } = parsed.data;
  return {
    accountId,
    kinds: kind,
    since,
    offset: offset ?? 0,
    limit: limit ?? DEFAULT_LIMIT,
  };
}
