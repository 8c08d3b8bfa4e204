import {
  ReviewItem,
  ReviewItemState,
  ReviewMember,
} from '@aws-governance/plugin-aws-organizations-common';
import { Knex } from 'knex';
import { grantKey } from '../../reviews/scope';
import { TABLES, toItem } from './rows';

/** An item without the caller-specific `canDecide`. */
export type StoredItem = Omit<ReviewItem, 'canDecide'>;

/** Filters of {@link ItemStore.list}; every one given must hold. */
export interface ItemFilter {
  campaignIds?: string[];
  /** Only items assigned to one of these teams. */
  assignees?: string[];
  /** Only items of these accounts (the caller's permitted ones). */
  accountIds?: string[];
  state?: ReviewItemState;
  accountId?: string;
  privileged?: boolean;
  q?: string;
}

/** The items of campaigns and their members. */
export class ItemStore {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  #select(db: Knex = this.#db) {
    return db(`${TABLES.items} as i`)
      .leftJoin(`${TABLES.decisions} as d`, 'd.id', 'i.decision_id')
      .leftJoin(`${TABLES.remediations} as r`, 'r.item_id', 'i.id')
      .select(
        'i.*',
        'd.kind as d_kind',
        'd.decided_by as d_decided_by',
        'd.decided_at as d_decided_at',
        'd.reason as d_reason',
        'r.id as r_id',
        'r.status as r_status',
        'r.closed_at as r_closed_at',
      );
  }

  #where(q: Knex.QueryBuilder, filter: ItemFilter) {
    if (filter.campaignIds) q.whereIn('i.campaign_id', filter.campaignIds);
    if (filter.assignees) q.whereIn('i.assignee_ref', filter.assignees);
    if (filter.accountIds) q.whereIn('i.account_id', filter.accountIds);
    if (filter.state) q.where('i.state', filter.state);
    if (filter.accountId) q.where('i.account_id', filter.accountId);
    if (filter.privileged !== undefined) {
      q.where('i.privileged', filter.privileged);
    }
    if (filter.q) {
      const like = `%${filter.q
        .toLocaleLowerCase('en-US')
        .replace(/[\\%_]/g, c => `\\${c}`)}%`;
      q.where(w => {
        for (const column of [
          'i.account_id',
          'i.account_name',
          'i.permission_set_name',
          'i.principal_name',
          'i.principal_id',
        ]) {
          w.orWhereRaw(`lower(${column}) like ? escape '\\'`, [like]);
        }
      });
    }
    return q;
  }

  /** A page of items, by campaign then id. */
  async list(
    filter: ItemFilter,
    page: { offset: number; limit: number },
  ): Promise<{ items: StoredItem[]; totalCount: number }> {
    const [{ count }] = await this.#where(
      this.#db(`${TABLES.items} as i`),
      filter,
    ).count({ count: '*' });
    const rows = await this.#where(this.#select(), filter)
      .orderBy([
        { column: 'i.campaign_id', order: 'desc' },
        { column: 'i.id', order: 'asc' },
      ])
      .offset(page.offset)
      .limit(page.limit);
    return { items: rows.map(toItem), totalCount: Number(count) };
  }

  async get(id: string, db: Knex = this.#db): Promise<StoredItem | undefined> {
    const row = await this.#select(db).where('i.id', id).first();
    return row ? toItem(row) : undefined;
  }

  async getMany(ids: string[], db: Knex = this.#db): Promise<StoredItem[]> {
    if (ids.length === 0) return [];
    const rows = await this.#select(db).whereIn('i.id', ids);
    return rows.map(toItem);
  }

  /** Every item of a campaign, by id (evidence). */
  async *all(campaignId: string): AsyncGenerator<StoredItem[]> {
    let after = 0;
    for (;;) {
      const rows = await this.#select()
        .where('i.campaign_id', campaignId)
        .where('i.id', '>', after)
        .orderBy('i.id')
        .limit(5000);
      if (rows.length === 0) return;
      after = Number(rows[rows.length - 1].id);
      yield rows.map(toItem);
    }
  }

  /** The members of a group's grant in a campaign, by user name. */
  async members(campaignId: string, groupId: string): Promise<ReviewMember[]> {
    const rows = await this.#db(TABLES.members)
      .where({ campaign_id: campaignId, group_id: groupId })
      .orderBy('user_name');
    return rows.map(row => ({
      userId: row.user_id,
      userName: row.user_name,
      ...(row.display_name ? { displayName: row.display_name } : {}),
      ...(row.user_ref ? { ref: row.user_ref } : {}),
    }));
  }

  /** User names of every group in a campaign (evidence). */
  async memberNames(campaignId: string): Promise<Map<string, string[]>> {
    const rows = await this.#db(TABLES.members)
      .where({ campaign_id: campaignId })
      .select('group_id', 'user_name')
      .orderBy(['group_id', 'user_name']);
    const out = new Map<string, string[]>();
    for (const row of rows) {
      const list = out.get(row.group_id) ?? [];
      list.push(row.user_name);
      out.set(row.group_id, list);
    }
    return out;
  }

  /** The grant keys of a campaign's assignment items. */
  async grantKeys(campaignId: string): Promise<Set<string>> {
    const rows = await this.#db(TABLES.items)
      .where({ campaign_id: campaignId, kind: 'assignment' })
      .select(
        'account_id',
        'permission_set_arn',
        'principal_type',
        'principal_id',
      );
    return new Set(
      rows.map(row =>
        grantKey({
          accountId: row.account_id,
          permissionSetArn: row.permission_set_arn,
          principalType: row.principal_type,
          principalId: row.principal_id,
        }),
      ),
    );
  }

  /**
   * Teams holding pending items of active campaigns, per account (of
   * `accountIds`, or of every account).
   */
  async pendingAssignees(
    accountIds?: string[],
  ): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (accountIds?.length === 0) return out;
    const q = this.#db(`${TABLES.items} as i`)
      .join(`${TABLES.campaigns} as c`, 'c.id', 'i.campaign_id')
      .where('c.status', 'active')
      .where('i.state', 'pending')
      .whereNotNull('i.assignee_ref');
    if (accountIds && accountIds.length <= 1000) {
      q.whereIn('i.account_id', accountIds);
    }
    const rows = await q.distinct('i.account_id', 'i.assignee_ref');
    for (const row of rows) {
      const list = out.get(row.account_id) ?? [];
      list.push(row.assignee_ref);
      out.set(row.account_id, list);
    }
    return out;
  }

  /** Counts per state of each account's items, per campaign. */
  async accountCounts(
    campaignIds: string[],
  ): Promise<
    Map<string, Map<string, Partial<Record<ReviewItemState, number>>>>
  > {
    const out = new Map<
      string,
      Map<string, Partial<Record<ReviewItemState, number>>>
    >();
    if (campaignIds.length === 0) return out;
    const rows = await this.#db(TABLES.items)
      .whereIn('campaign_id', campaignIds)
      .groupBy('campaign_id', 'account_id', 'state')
      .select('campaign_id', 'account_id', 'state')
      .count({ n: '*' });
    for (const row of rows as any[]) {
      const id = String(row.campaign_id);
      const accounts = out.get(id) ?? new Map();
      const counts = accounts.get(row.account_id) ?? {};
      counts[row.state as ReviewItemState] = Number(row.n);
      accounts.set(row.account_id, counts);
      out.set(id, accounts);
    }
    return out;
  }

  /**
   * Kept items whose decision has no reason and that no later campaign
   * pinned again (the newest review of the grant).
   */
  async keptWithoutReason(): Promise<StoredItem[]> {
    const rows = await this.#select()
      .where('i.state', 'kept')
      .where(w => w.whereNull('d.reason').orWhere('d.reason', ''));
    const items = rows.map(toItem);
    if (items.length === 0) return items;
    const newer = new Set<string>();
    const accountIds = [...new Set(items.map(i => i.accountId))];
    for (let i = 0; i < accountIds.length; i += 500) {
      const later = await this.#db(TABLES.items)
        .where('kind', 'assignment')
        .whereIn('account_id', accountIds.slice(i, i + 500))
        .select(
          'id',
          'account_id',
          'permission_set_arn',
          'principal_type',
          'principal_id',
        );
      for (const row of later) {
        newer.add(
          `${grantKey({
            accountId: row.account_id,
            permissionSetArn: row.permission_set_arn,
            principalType: row.principal_type,
            principalId: row.principal_id,
          })}#${Number(row.id)}`,
        );
      }
    }
    const latest = new Map<string, number>();
    for (const entry of newer) {
      const [key, id] = entry.split('#');
      latest.set(key, Math.max(latest.get(key) ?? 0, Number(id)));
    }
    return items.filter(
      item =>
        item.kind !== 'assignment' ||
        latest.get(grantKey(item)) === Number(item.id),
    );
  }
}
