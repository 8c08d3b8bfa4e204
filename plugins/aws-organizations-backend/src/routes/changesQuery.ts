import {
  DEFAULT_PAGE_LIMIT,
  changesQuerySchema,
} from '@aws-governance/plugin-aws-organizations-common';
import { ChangeQuery } from '../store/ChangeLogStore';
import { parseOrThrow } from './governanceQueries';

/** Parses the query of `GET /changes`, or throws an InputError saying why. */
export function parseChangesQuery(query: unknown): ChangeQuery {
  const { accountId, kind, since, offset, limit } = parseOrThrow(
    changesQuerySchema,
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
