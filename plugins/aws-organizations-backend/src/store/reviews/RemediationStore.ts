import {
  Page,
  RemediationEntry,
  RemediationStatus,
} from '@aws-governance/plugin-aws-organizations-common';
import { Knex } from 'knex';
import { idOf, TABLES, toRemediation } from './rows';

/** Filters of {@link RemediationStore.list}. */
export interface RemediationFilter {
  campaignId?: string;
  accountId?: string;
  status?: RemediationStatus;
  /** Only entries of these accounts (the caller's permitted ones). */
  accountIds?: string[];
}

/** Remediation entries: what to remove after a revocation. */
export class RemediationStore {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  #filtered(filter: RemediationFilter) {
    const q = this.#db(TABLES.remediations);
    if (filter.campaignId) q.where('campaign_id', filter.campaignId);
    if (filter.accountId) q.where('account_id', filter.accountId);
    if (filter.status) q.where('status', filter.status);
    if (filter.accountIds) q.whereIn('account_id', filter.accountIds);
    return q;
  }

  /** Newest first. */
  async list(
    filter: RemediationFilter,
    page: { offset: number; limit: number },
    now: Date,
  ): Promise<Page<RemediationEntry>> {
    const [{ count }] = await this.#filtered(filter).count({ count: '*' });
    const rows = await this.#filtered(filter)
      .orderBy('id', 'desc')
      .offset(page.offset)
      .limit(page.limit);
    return {
      items: rows.map(row => toRemediation(row, now)),
      totalCount: Number(count),
      ...page,
    };
  }

  /** Every open entry (a few per revocation not yet applied). */
  async open(now: Date): Promise<RemediationEntry[]> {
    const rows = await this.#db(TABLES.remediations)
      .where('status', 'open')
      .orderBy('id');
    return rows.map(row => toRemediation(row, now));
  }

  /** Closes open entries whose grant a snapshot no longer has. */
  async close(ids: string[], at: Date, snapshotEtag: string): Promise<number> {
    let closed = 0;
    for (let i = 0; i < ids.length; i += 500) {
      closed += await this.#db(TABLES.remediations)
        .whereIn('id', ids.slice(i, i + 500))
        .where('status', 'open')
        .update({
          status: 'closed',
          closed_at: at,
          closed_by_snapshot_etag: snapshotEtag,
        });
    }
    return closed;
  }

  /** Open entries per account. */
  async openCount(accountId: string): Promise<number> {
    const [{ n }] = await this.#db(TABLES.remediations)
      .where({ account_id: accountId, status: 'open' })
      .count({ n: '*' });
    return Number(n);
  }

  /** Every entry of a campaign by item id (evidence). */
  async byItem(
    campaignId: string,
    now: Date,
  ): Promise<Map<string, RemediationEntry>> {
    const rows = await this.#db(TABLES.remediations).where(
      'campaign_id',
      campaignId,
    );
    return new Map(
      rows.map(row => [idOf(row.item_id), toRemediation(row, now)]),
    );
  }
}
