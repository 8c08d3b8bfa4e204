import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { KubernetesValidatorFunctions } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { SimulationRequest } from '@aws-governance/plugin-aws-organizations-common';
import { z } from 'zod';

/** Largest page of the paged routes (`/accounts`, `/changes`, history). */
export const MAX_PAGE_LIMIT = 500;
/** Page size when the query gives no `limit`. */
export const DEFAULT_PAGE_LIMIT = 50;
/**
 * Largest `offset`: far beyond any change log, well inside the integers
 * SQLite and PostgreSQL take (a bigger number reached SQL as `1e+20`).
 */
export const MAX_PAGE_OFFSET = 1_000_000_000;

/** Throws an InputError listing every issue, each with its path. */
export function parseOrThrow<T extends z.ZodType>(
  schema: T,
  value: unknown,
  what: string,
): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    // Paths hold record keys too: cut them, a key may be 100 KB.
    const reasons = parsed.error.issues.map(
      issue =>
        `${
          issue.path.map(part => String(part).slice(0, 64)).join('.') || what
        }: ${issue.message}`,
    );
    throw new InputError(`Invalid ${what}: ${reasons.join('; ')}`);
  }
  return parsed.data;
}

const ACCOUNT_ID = /^\d{12}$/;

/** Validates an account id path segment: 12 digits, else 400. */
export function parseAccountId(value: string): string {
  if (!ACCOUNT_ID.test(value)) {
    throw new InputError(
      `Invalid account id '${value.slice(
        0,
        40,
      )}': an AWS account id is 12 digits`,
    );
  }
  return value;
}

const integer = z
  .string()
  .regex(/^\d+$/, 'must be a non-negative integer')
  .transform(Number);

/** `offset` and `limit` query parameters, validated. */
export const paging = {
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
};

const entityRef = z
  .string()
  .max(255)
  .transform((value, ctx) => {
    try {
      return stringifyEntityRef(
        parseEntityRef(value, { defaultKind: 'group' }),
      ).toLocaleLowerCase('en-US');
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be an entity ref' });
      return z.NEVER;
    }
  });

const unitId = z
  .string()
  .max(100, 'must be at most 100 characters')
  .regex(
    /^(r-[0-9a-z]{1,32}|ou-[0-9a-z]+(-[0-9a-z]+)*)$/,
    'must be a root id (r-...) or an OU id (ou-...)',
  );

const accountsSchema = z
  .object({
    ou: unitId.optional(),
    owner: entityRef.optional(),
    state: z
      .enum([
        'PENDING_ACTIVATION',
        'ACTIVE',
        'SUSPENDED',
        'PENDING_CLOSURE',
        'CLOSED',
      ])
      .optional(),
    compliance: z.enum(['pass', 'fail', 'warn', 'unknown']).optional(),
    q: z.string().max(200, 'must be at most 200 characters').optional(),
    ...paging,
  })
  .strict();

/** Filters and paging of `GET /accounts`. */
export type AccountsQuery = Omit<
  z.output<typeof accountsSchema>,
  'offset' | 'limit'
> & { offset: number; limit: number };

/** Parses the query of `GET /accounts`, or throws an InputError. */
export function parseAccountsQuery(query: unknown): AccountsQuery {
  const parsed = parseOrThrow(accountsSchema, query, 'query');
  const q = parsed.q?.trim();
  return {
    ...parsed,
    q: q ? q : undefined,
    offset: parsed.offset ?? 0,
    limit: parsed.limit ?? DEFAULT_PAGE_LIMIT,
  };
}

const treeSchema = z
  .object({
    unit: unitId.optional(),
    // AWS nests OUs at most 5 levels below the root.
    depth: integer
      .pipe(z.number().max(5, 'must be at most 5 (AWS nests OUs 5 deep)'))
      .optional(),
    accounts: z.enum(['true', 'false']).optional(),
  })
  .strict();

/** Options of `GET /organization/tree`. */
export interface TreeQuery {
  unit?: string;
  depth?: number;
  accounts: boolean;
}

/** Parses the query of `GET /organization/tree`, or throws an InputError. */
export function parseTreeQuery(query: unknown): TreeQuery {
  const parsed = parseOrThrow(treeSchema, query, 'query');
  return {
    unit: parsed.unit,
    depth: parsed.depth,
    accounts: parsed.accounts !== 'false',
  };
}

const syncStatusSchema = z
  .object({
    unmappedLimit: integer
      .pipe(z.number().max(MAX_PAGE_LIMIT, `must be at most ${MAX_PAGE_LIMIT}`))
      .optional(),
  })
  .strict();

/** Parses the query of `GET /sync/status`, or throws an InputError. */
export function parseSyncStatusQuery(query: unknown): {
  unmappedLimit?: number;
} {
  return parseOrThrow(syncStatusSchema, query, 'query');
}

const pageSchema = z.object(paging).strict();

/** Parses `offset` and `limit`, or throws an InputError. */
export function parsePage(query: unknown): { offset: number; limit: number } {
  const parsed = parseOrThrow(pageSchema, query, 'query');
  return {
    offset: parsed.offset ?? 0,
    limit: parsed.limit ?? DEFAULT_PAGE_LIMIT,
  };
}

const contextValue = z.union([
  z.string().max(2048),
  z.array(z.string().max(2048)).max(100),
  z.boolean(),
  z.number().finite(),
]);

const simulationSchema = z
  .object({
    accountId: z.string().regex(ACCOUNT_ID, 'must be a 12-digit account id'),
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

/** Parses the body of `POST /simulate`, or throws an InputError. */
export function parseSimulationRequest(body: unknown): SimulationRequest {
  return parseOrThrow(simulationSchema, body, 'simulation request');
}

/** Parses the path of `/principals/:kind/:namespace/:name/access`. */
export function parsePrincipalPath(params: {
  kind: string;
  namespace: string;
  name: string;
}): string {
  const kind = params.kind.toLocaleLowerCase('en-US');
  if (kind !== 'group' && kind !== 'user') {
    throw new InputError(
      `Invalid principal kind '${params.kind.slice(
        0,
        40,
      )}': must be group or user`,
    );
  }
  if (!KubernetesValidatorFunctions.isValidNamespace(params.namespace)) {
    throw new InputError(
      `Invalid namespace '${params.namespace.slice(0, 80)}'`,
    );
  }
  if (!KubernetesValidatorFunctions.isValidObjectName(params.name)) {
    throw new InputError(`Invalid entity name '${params.name.slice(0, 80)}'`);
  }
  return `${kind}:${params.namespace}/${params.name}`.toLocaleLowerCase(
    'en-US',
  );
}
