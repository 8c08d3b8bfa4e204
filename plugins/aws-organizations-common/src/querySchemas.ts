/**
 * zod schemas of the query shapes the backend validates and the frontend
 * sends: one definition, so the frontend's types are derived from what the
 * backend accepts instead of being a copy of it.
 */
import { z } from 'zod';
import { isValidAwsAccountId } from './accounts';
import { CHANGE_KINDS } from './api';
import { normalizeEntityRef } from './entityNames';
import { COMPLIANCE_STATUSES } from './governanceApi';
import { ACCOUNT_STATES } from './snapshot';

/** Largest page of the paged routes (`/accounts`, `/changes`, history). @public */
export const MAX_PAGE_LIMIT = 500;

/** Page size when a query gives no `limit`. @public */
export const DEFAULT_PAGE_LIMIT = 50;

/**
 * Largest `offset`: far beyond any change log, well inside the integers
 * SQLite and PostgreSQL take (a bigger number reached SQL as `1e+20`).
 *
 * @public
 */
export const MAX_PAGE_OFFSET = 1_000_000_000;

const integer = z
  .string()
  .regex(/^\d+$/, 'must be a non-negative integer')
  .transform(Number);

/**
 * `offset` and `limit` query parameters: strings in the query, numbers out.
 *
 * @public
 */
export const pagingQuerySchema = z.object({
  offset: integer
    .pipe(z.number().max(MAX_PAGE_OFFSET, `must be at most ${MAX_PAGE_OFFSET}`))
    .optional(),
  limit: integer
    .pipe(
      z
        .number()
        .min(1, 'must be at least 1')
        .max(MAX_PAGE_LIMIT, `must be at most ${MAX_PAGE_LIMIT}`),
    )
    .optional(),
});

/**
 * A 12-digit AWS account id (checked by {@link isValidAwsAccountId}).
 *
 * @public
 */
export const awsAccountIdSchema = z
  .string()
  .refine(isValidAwsAccountId, 'must be a 12-digit AWS account id');

const entityRef = z
  .string()
  .max(255)
  .transform((value, ctx) => {
    const ref = normalizeEntityRef(value, { defaultKind: 'group' });
    if (ref === undefined) {
      ctx.addIssue({ code: 'custom', message: 'must be an entity ref' });
      return z.NEVER;
    }
    return ref;
  });

/**
 * Query of `GET /accounts`: filters and paging. The owner is normalized to
 * a lower-case full entity ref (kind `group` by default).
 *
 * @public
 */
export const accountsQuerySchema = z
  .object({
    ou: z
      .string()
      .max(100, 'must be at most 100 characters')
      .regex(
        /^(r-[0-9a-z]{1,32}|ou-[0-9a-z]+(-[0-9a-z]+)*)$/,
        'must be a root id (r-...) or an OU id (ou-...)',
      )
      .optional(),
    owner: entityRef.optional(),
    state: z.enum(ACCOUNT_STATES).optional(),
    compliance: z.enum(COMPLIANCE_STATUSES).optional(),
    q: z.string().max(200, 'must be at most 200 characters').optional(),
    ...pagingQuerySchema.shape,
  })
  .strict();

/**
 * Filters and paging of `GET /accounts`, as values (what
 * {@link accountsQuerySchema} gives). Unset filters are not sent.
 *
 * @public
 */
export type AccountsQuery = z.output<typeof accountsQuerySchema>;

const kinds = z
  .union([
    z.string().max(1000, 'must be at most 1000 characters'),
    z.array(z.string().max(1000)).max(50, 'at most 50 values'),
  ])
  .transform(v => (Array.isArray(v) ? v : [v]).flatMap(s => s.split(',')))
  .transform(v => v.map(s => s.trim()).filter(Boolean))
  .pipe(z.array(z.enum(CHANGE_KINDS)));

/**
 * Query of `GET /changes`: `kind` is one kind, a comma-separated list or a
 * repeated parameter; `since` an ISO 8601 date.
 *
 * @public
 */
export const changesQuerySchema = z
  .object({
    accountId: awsAccountIdSchema.optional(),
    kind: kinds.optional(),
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
    ...pagingQuerySchema.shape,
  })
  .strict();

const contextValue = z.union([
  z.string().max(2048),
  z.array(z.string().max(2048)).max(100),
  z.boolean(),
  z.number().finite(),
]);

/**
 * Body of `POST /simulate` (a {@link SimulationRequest}).
 *
 * @public
 */
export const simulationRequestSchema = z
  .object({
    accountId: awsAccountIdSchema,
    action: z
      .string()
      .max(256, 'must be at most 256 characters')
      .regex(
        /^[a-zA-Z0-9-]+:[a-zA-Z0-9]+$/,
        'must be one action, service:Action (e.g. iam:CreateUser)',
      ),
    resource: z
      .string()
      .min(1)
      .max(2048)
      .refine(v => v === '*' || v.startsWith('arn:'), 'must be an ARN or *')
      .optional(),
    region: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, 'must be a region, e.g. eu-west-1')
      .optional(),
    context: z
      .record(
        z
          .string()
          .max(256, 'context key: at most 256 characters')
          .regex(/^[a-zA-Z0-9]+:[a-zA-Z0-9/_-]+$/, 'context key'),
        contextValue,
      )
      .refine(v => Object.keys(v).length <= 50, 'at most 50 context keys')
      .optional(),
  })
  .strict();
