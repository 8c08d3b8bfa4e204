import {
  ChangeKind,
  ChangeLogEntry,
  Page,
} from '@aws-governance/plugin-aws-organizations-common';
import { Knex } from 'knex';
import { ChangeDraft } from '../changes/types';
import { fromJson, toIso } from './timestamps';

const TABLE = 'aws_org_changes';
const BATCH_SIZE = 500;

/** Filters and paging of {@link ChangeLogStore.list}. */
export interface ChangeQuery {
  accountId?: string;
  /**
   * Only changes of these accounts (with `accountId`, of both); an empty
   * list matches nothing.
   */
  accountIds?: readonly string[];
  kinds?: ChangeKind[];
  since?: Date;
  offset: number;
  limit: number;
}

function toEntry(row: any): ChangeLogEntry {
  return {
    id: String(row.id),
    detectedAt: toIso(row.detected_at)!,
    kind: row.kind,
    ...(row.account_id ? { accountId: row.account_id } : {}),
    subjectId: row.subject_id,
    summary: row.summary,
    ...(row.details_json
      ? { details: fromJson<Record<string, unknown>>(row.details_json) }
      : {}),
  };
}

/** The change log. */
export class ChangeLogStore {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  /** Appends entries detected by one run, in batches, in order. */
  async append(
    trx: Knex,
    options: { runId?: string; detectedAt: Date; changes: ChangeDraft[] },
  ): Promise<void> {
    const { runId, detectedAt, changes } = options;
    for (let i = 0; i < changes.length; i += BATCH_SIZE) {
      await trx(TABLE).insert(
        changes.slice(i, i + BATCH_SIZE).map(change => ({
          run_id: runId ?? null,
          detected_at: detectedAt,
          kind: change.kind,
          account_id: change.accountId ?? null,
          subject_id: change.subjectId,
          summary: change.summary,
          details_json: change.details ? JSON.stringify(change.details) : null,
        })),
      );
    }
  }

  /** A page of entries, newest first. */
  async list(query: ChangeQuery): Promise<Page<ChangeLogEntry>> {
    const filtered = () => {
      const q = this.#db(TABLE);
      if (query.accountId) {
        q.where('account_id', query.accountId);
      }
      if (query.accountIds) {
        q.whereIn('account_id', query.accountIds);
      }
      // An empty list matches nothing (whereIn [] is false), never "all".
      if (query.kinds) {
        q.whereIn('kind', query.kinds);
      }
      if (query.since) {
        q.where('detected_at', '>=', query.since);
      }
      return q;
    };
    const [{ count }] = await filtered().count({ count: '*' });
    const rows = await filtered()
      .select('*')
      .orderBy([
        { column: 'detected_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .offset(query.offset)
      .limit(query.limit);
    return {
      items: rows.map(toEntry),
      totalCount: Number(count),
      offset: query.offset,
      limit: query.limit,
    };
  }

  /**
   * Deletes entries detected before `before` and, with `maxEntries`, all but
   * the newest `maxEntries`. Returns how many were deleted.
   */
  async applyRetention(options: {
    before: Date;
    maxEntries?: number;
  }): Promise<number> {
    let deleted = await this.#db(TABLE)
      .where('detected_at', '<', options.before)
      .delete();
    if (options.maxEntries !== undefined) {
      const boundary = await this.#db(TABLE)
        .select('id')
        .orderBy('id', 'desc')
        .offset(options.maxEntries)
        .first();
      if (boundary) {
        deleted += await this.#db(TABLE)
          .where('id', '<=', boundary.id)
          .delete();
      }
    }
    return deleted;
  }
}
