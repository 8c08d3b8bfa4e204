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

/**
 * A root id (`r-...`) or an OU id (`ou-...`).
 *
 * @public
 */
export const unitIdSchema = z
  .string()
  .max(100, 'must be at most 100 characters')
  .regex(
    /^(r-[0-9a-z]{1,32}|ou-[0-9a-z]+(-[0-9a-z]+)*)$/,
    'must be a root id (r-...) or an OU id (ou-...)',
  );

// The enums below carry their object types written out: inferred from a
// union, their members print in the order the compiler first met each
// literal, which differs between builds and flips the API report.
const accountStateSchema: z.ZodEnum<{
  PENDING_ACTIVATION: 'PENDING_ACTIVATION';
  ACTIVE: 'ACTIVE';
  SUSPENDED: 'SUSPENDED';
  PENDING_CLOSURE: 'PENDING_CLOSURE';
  CLOSED: 'CLOSED';
}> = z.enum(ACCOUNT_STATES);
const complianceStatusSchema: z.ZodEnum<{
  pass: 'pass';
  fail: 'fail';
  warn: 'warn';
  unknown: 'unknown';
}> = z.enum(COMPLIANCE_STATUSES);
const booleanTextSchema: z.ZodEnum<{ true: 'true'; false: 'false' }> = z.enum([
  'true',
  'false',
]);
const principalTypeSchema: z.ZodEnum<{
  iam: 'iam';
  'service-linked-role': 'service-linked-role';
  service: 'service';
}> = z.enum(['iam', 'service-linked-role', 'service']);
const kmsKeyManagerSchema: z.ZodEnum<{ AWS: 'AWS'; CUSTOMER: 'CUSTOMER' }> =
  z.enum(['AWS', 'CUSTOMER']);

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
    ou: unitIdSchema.optional(),
    owner: entityRef.optional(),
    state: accountStateSchema.optional(),
    compliance: complianceStatusSchema.optional(),
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

/**
 * Query of `GET /organization/tree`: `unit` to start at an OU (or the
 * root), `depth` levels of OUs below it (AWS nests OUs at most 5 deep),
 * `accounts=false` to leave out each node's own accounts.
 *
 * @public
 */
export const organizationTreeQuerySchema = z
  .object({
    unit: unitIdSchema.optional(),
    depth: integer
      .pipe(z.number().max(5, 'must be at most 5 (AWS nests OUs 5 deep)'))
      .optional(),
    accounts: booleanTextSchema.transform(value => value === 'true').optional(),
  })
  .strict();

/**
 * Options of `GET /organization/tree`, as values (what
 * {@link organizationTreeQuerySchema} gives).
 *
 * @public
 */
export type OrganizationTreeQuery = z.output<
  typeof organizationTreeQuerySchema
>;

/** Owners `GET /compliance/summary` lists when the query names no number. @public */
export const DEFAULT_SUMMARY_OWNERS = 10;

/** Most owners `GET /compliance/summary` lists (`owners`). @public */
export const MAX_SUMMARY_OWNERS = 100;

/**
 * Query of `GET /compliance/summary`: `owners` is how many owners `byOwner`
 * lists (those with the most non-compliant accounts), 0 for none.
 *
 * @public
 */
export const complianceSummaryQuerySchema = z
  .object({
    owners: integer
      .pipe(
        z
          .number()
          .max(MAX_SUMMARY_OWNERS, `must be at most ${MAX_SUMMARY_OWNERS}`),
      )
      .optional(),
  })
  .strict();

/**
 * Query of `GET /compliance/owners`: every owner of accounts with its
 * accounts' compliance, by ref, a page at a time; `q` keeps the refs that
 * contain it (case-insensitive), `ref` the one owner it names.
 *
 * @public
 */
export const ownersQuerySchema = z
  .object({
    q: z.string().max(200, 'must be at most 200 characters').optional(),
    ref: entityRef.optional(),
    ...pagingQuerySchema.shape,
  })
  .strict();

/**
 * Filters and paging of `GET /compliance/owners`, as values (what
 * {@link ownersQuerySchema} gives). Unset filters are not sent.
 *
 * @public
 */
export type OwnersQuery = z.output<typeof ownersQuerySchema>;

/**
 * Query of `GET /sync/status`: `unmappedLimit` caps the list of unmapped
 * principals (their count stays whole); `messageLimit` caps the errors and
 * the warnings each run carries (default {@link DEFAULT_SYNC_MESSAGE_LIMIT};
 * their counts stay whole).
 *
 * @public
 */
export const syncStatusQuerySchema = z
  .object({
    unmappedLimit: integer
      .pipe(z.number().max(MAX_PAGE_LIMIT, `must be at most ${MAX_PAGE_LIMIT}`))
      .optional(),
    messageLimit: integer
      .pipe(z.number().max(MAX_PAGE_LIMIT, `must be at most ${MAX_PAGE_LIMIT}`))
      .optional(),
  })
  .strict();

/**
 * How many errors and warnings of a run `GET /sync/status` carries when the
 * request does not say (`messageLimit`): a read with a warning per account
 * (e.g. a role that cannot be assumed in any member account) has thousands.
 *
 * @public
 */
export const DEFAULT_SYNC_MESSAGE_LIMIT = 20;

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
 * repeated parameter; `since` an ISO 8601 date; `owner` an entity ref
 * (kind `group` by default, normalized to lower case): the changes of the
 * accounts it owns in the current snapshot.
 *
 * @public
 */
export const changesQuerySchema = z
  .object({
    accountId: awsAccountIdSchema.optional(),
    owner: entityRef.optional(),
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
    principalAccountId: awsAccountIdSchema.optional(),
    principalType: principalTypeSchema.optional(),
    principalOrgId: z
      .string()
      .regex(
        /^o-[a-z0-9]{10,32}$/,
        'must be an organization id, e.g. o-a1b2c3d4e5',
      )
      .nullable()
      .optional(),
    servicePrincipal: z
      .string()
      .max(128, 'must be at most 128 characters')
      .regex(
        /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/,
        'must be an AWS service principal, e.g. cloudtrail.amazonaws.com',
      )
      .optional(),
    resourceAccountId: awsAccountIdSchema.optional(),
    kmsKeyManager: kmsKeyManagerSchema.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const issue = (field: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [field], message });
    if (v.principalType === 'service' && v.servicePrincipal === undefined) {
      issue('servicePrincipal', "is required when principalType is 'service'");
    }
    if (v.principalType !== 'service' && v.servicePrincipal !== undefined) {
      issue('servicePrincipal', "is only for principalType 'service'");
    }
    if (v.principalType === 'service' && v.principalAccountId !== undefined) {
      issue('principalAccountId', 'a service principal has no account');
    }
  });

function limitQuery(max: number) {
  return z
    .object({
      limit: integer
        .pipe(
          z
            .number()
            .min(1, 'must be at least 1')
            .max(max, `must be at most ${max}`),
        )
        .optional(),
    })
    .strict();
}

/**
 * Query of `GET /accounts/:id/findings` and `GET /teams/:namespace/:name/findings`:
 * `limit` 1-500 findings.
 *
 * @public
 */
export const findingsQuerySchema = limitQuery(500);

/**
 * Query of `GET /accounts/:id/findings/history`: the last `limit` syncs
 * (1-365).
 *
 * @public
 */
export const findingHistoryQuerySchema = limitQuery(365);

/**
 * Query of `GET /findings/rollup`: `worst` (1-100) answers the root, the
 * `worst` OUs with the most severe findings and their ancestors only, as
 * the explorer's card shows them; without it, every OU.
 *
 * @public
 */
export const findingsRollupQuerySchema = z
  .object({
    worst: integer
      .pipe(
        z.number().min(1, 'must be at least 1').max(100, 'must be at most 100'),
      )
      .optional(),
  })
  .strict();
