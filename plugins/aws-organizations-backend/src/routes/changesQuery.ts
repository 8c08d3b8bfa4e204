import {
  DEFAULT_PAGE_LIMIT,
  changesQuerySchema,
} from '@aws-governance/plugin-aws-organizations-common';
import { ChangeQuery } from '../store/ChangeLogStore';
import { parseOrThrow } from './governanceQueries';

/**
 * Parses the query of `GET /changes`, or throws an InputError saying why.
 * `owner` (a normalized entity ref) is the caller's to turn into the
 * accounts it owns.
 */
export function parseChangesQuery(
  query: unknown,
): ChangeQuery & { owner?: string } {
  const { accountId, owner, kind, since, offset, limit } = parseOrThrow(
    changesQuerySchema,
    query,
    'query',
  );
  return {
    accountId,
    owner,
    kinds: kind,
    since,
    offset: offset ?? 0,
    limit: limit ?? DEFAULT_PAGE_LIMIT,
  };
}
