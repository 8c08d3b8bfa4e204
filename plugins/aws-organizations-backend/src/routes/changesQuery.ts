import { z } from 'zod';
import { ChangeQuery } from '../store/ChangeLogStore';
import { CHANGE_KINDS } from './changeKinds';
import { DEFAULT_PAGE_LIMIT, paging, parseOrThrow } from './governanceQueries';

const oneOrMany = z
  .union([
    z.string().max(1000, 'must be at most 1000 characters'),
    z.array(z.string().max(1000)).max(50, 'at most 50 values'),
  ])
  .transform(v => (Array.isArray(v) ? v : [v]).flatMap(s => s.split(',')))
  .transform(v => v.map(s => s.trim()).filter(Boolean))
  .pipe(z.array(z.enum(CHANGE_KINDS)));

const schema = z
  .object({
    accountId: z
      .string()
      .regex(/^\d{12}$/, 'must be a 12-digit AWS account id')
      .optional(),
    kind: oneOrMany.optional(),
    since: z
      .string()
      .max(40, 'must be an ISO 8601 date')
      .regex(
        /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/,
        'must be an ISO 8601 date',
      )
      .transform(s => new Date(s))
      .refine(d => !Number.isNaN(d.getTime()), 'must be a valid date')
      .optional(),
    ...paging,
  })
  .strict();

/** Parses the query of `GET /changes`, or throws an InputError saying why. */
export function parseChangesQuery(query: unknown): ChangeQuery {
  const { accountId, kind, since, offset, limit } = parseOrThrow(
    schema,
    query,
    'query',
  );
  return {
    accountId,
    kinds: kind,
    since,
    offset: offset ?? 0,
    limit: limit ?? DEFAULT_PAGE_LIMIT,
  };
}
