import { KubernetesValidatorFunctions } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  AccountsQuery as AccountsQueryValues,
  DEFAULT_PAGE_LIMIT,
  SimulationRequest,
  accountsQuerySchema,
  complianceSummaryQuerySchema,
  isValidAwsAccountId,
  ownersQuerySchema,
  organizationTreeQuerySchema,
  pagingQuerySchema,
  simulationRequestSchema,
  syncStatusQuerySchema,
} from '@aws-governance/plugin-aws-organizations-common';
import { z } from 'zod';

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

/** Validates an account id path segment: 12 digits, else 400. */
export function parseAccountId(value: string): string {
  if (!isValidAwsAccountId(value)) {
    throw new InputError(
      `Invalid account id '${value.slice(
        0,
        40,
      )}': an AWS account id is 12 digits`,
    );
  }
  return value;
}

/** Filters and paging of `GET /accounts`. */
export type AccountsQuery = Omit<AccountsQueryValues, 'offset' | 'limit'> & {
  offset: number;
  limit: number;
};

/** Parses the query of `GET /accounts`, or throws an InputError. */
export function parseAccountsQuery(query: unknown): AccountsQuery {
  const parsed = parseOrThrow(accountsQuerySchema, query, 'query');
  const q = parsed.q?.trim();
  return {
    ...parsed,
    q: q ? q : undefined,
    offset: parsed.offset ?? 0,
    limit: parsed.limit ?? DEFAULT_PAGE_LIMIT,
  };
}

/** Parses the query of `GET /compliance/summary`, or throws an InputError. */
export function parseComplianceSummaryQuery(query: unknown): {
  owners?: number;
} {
  return parseOrThrow(complianceSummaryQuerySchema, query, 'query');
}

/** Parses the query of `GET /compliance/owners`, or throws an InputError. */
export function parseOwnersQuery(query: unknown): {
  q?: string;
  ref?: string;
  offset: number;
  limit: number;
} {
  const parsed = parseOrThrow(ownersQuerySchema, query, 'query');
  return {
    q: parsed.q?.trim() || undefined,
    ref: parsed.ref,
    offset: parsed.offset ?? 0,
    limit: parsed.limit ?? DEFAULT_PAGE_LIMIT,
  };
}

/** Options of `GET /organization/tree`. */
export interface TreeQuery {
  unit?: string;
  depth?: number;
  accounts: boolean;
}

/** Parses the query of `GET /organization/tree`, or throws an InputError. */
export function parseTreeQuery(query: unknown): TreeQuery {
  const parsed = parseOrThrow(organizationTreeQuerySchema, query, 'query');
  return {
    unit: parsed.unit,
    depth: parsed.depth,
    accounts: parsed.accounts ?? true,
  };
}

/** Parses the query of `GET /sync/status`, or throws an InputError. */
export function parseSyncStatusQuery(query: unknown): {
  unmappedLimit?: number;
  messageLimit?: number;
} {
  return parseOrThrow(syncStatusQuerySchema, query, 'query');
}

const pageSchema = pagingQuerySchema.strict();

/** Parses `offset` and `limit`, or throws an InputError. */
export function parsePage(query: unknown): { offset: number; limit: number } {
  const parsed = parseOrThrow(pageSchema, query, 'query');
  return {
    offset: parsed.offset ?? 0,
    limit: parsed.limit ?? DEFAULT_PAGE_LIMIT,
  };
}

/** Parses the body of `POST /simulate`, or throws an InputError. */
export function parseSimulationRequest(body: unknown): SimulationRequest {
  return parseOrThrow(simulationRequestSchema, body, 'simulation request');
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
