import {
  Page,
  ReviewCampaign,
  ReviewCampaignStatus,
  ReviewItemState,
  ReviewProgress,
  ReviewRecurrenceInterval,
  ReviewScope,
  TeamReviewProgress,
} from '@aws-governance/plugin-aws-organizations-common';
import { Knex } from 'knex';
import { ItemDraft, MemberDraft } from '../../reviews/types';
import {
  idOf,
  INSERT_BATCH,
  progressOf,
  RecurrenceRow,
  returnedId,
  TABLES,
  toCampaign,
  toRecurrence,
} from './rows';

/** What a new campaign holds. */
export interface NewCampaign {
  name: string;
  scope: ReviewScope;
  startedAt: Date;
  startedBy: string;
  dueAt: Date;
  snapshot: { etag: string; readAt: Date };
  instanceArn?: string;
  items: ItemDraft[];
  members: MemberDraft[];
}

/** A series to create with the first campaign. */
export interface NewRecurrence {
  interval: ReviewRecurrenceInterval;
  nextStartAt: Date;
}

/** Raised when a recurrence's cycle was started by someone else first. */
export class CycleTakenError extends Error {}

type StateCounts = Partial<Record<ReviewItemState, number>>;

/** Campaigns, their recurrences and the items and members they pin. */
export class CampaignStore {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  #select(db: Knex = this.#db) {
    return db(`${TABLES.campaigns} as c`)
      .leftJoin(`${TABLES.recurrences} as r`, 'r.id', 'c.recurrence_id')
      .select(
        'c.*',
        'r.interval as recurrence_interval',
        'r.next_start_at as recurrence_next_start_at',
        'r.stopped_at as recurrence_stopped_at',
      );
  }

  async #insertCampaign(
    trx: Knex.Transaction,
    campaign: NewCampaign,
    series?: { recurrenceId: string; cycle: number },
  ): Promise<string> {
    const [row] = await trx(TABLES.campaigns)
      .insert({
        name: campaign.name,
        status: 'active',
        scope_json: JSON.stringify(campaign.scope),
        started_at: campaign.startedAt,
        started_by: campaign.startedBy,
        due_at: campaign.dueAt,
        snapshot_etag: campaign.snapshot.etag,
        snapshot_read_at: campaign.snapshot.readAt,
        instance_arn: campaign.instanceArn ?? null,
        recurrence_id: series?.recurrenceId ?? null,
        cycle: series?.cycle ?? null,
        item_count: campaign.items.length,
      })
      .returning('id');
    const id = returnedId(row);
    for (let i = 0; i < campaign.items.length; i += INSERT_BATCH) {
      await trx(TABLES.items).insert(
        campaign.items.slice(i, i + INSERT_BATCH).map(item => ({
          campaign_id: id,
          kind: item.kind,
          account_id: item.accountId,
          account_name: item.accountName,
          permission_set_arn: item.permissionSetArn,
          permission_set_name: item.permissionSetName,
          principal_type: item.principalType,
          principal_id: item.principalId,
          principal_name: item.principalName,
          principal_ref: item.principalRef ?? null,
          member_count: item.memberCount,
          privileged: item.privileged,
          privilege_level: item.privilegeLevel ?? null,
          owner_ref: item.ownerRef ?? null,
          assignee_ref: item.ownerRef ?? null,
          state: 'pending',
          role_reach_json: item.roleReach
            ? JSON.stringify(item.roleReach)
            : null,
        })),
      );
    }
    for (let i = 0; i < campaign.members.length; i += INSERT_BATCH) {
      await trx(TABLES.members).insert(
        campaign.members.slice(i, i + INSERT_BATCH).map(member => ({
          campaign_id: id,
          group_id: member.groupId,
          user_id: member.userId,
          user_name: member.userName,
          display_name: member.displayName ?? null,
          user_ref: member.ref ?? null,
        })),
      );
    }
    return id;
  }

  /**
   * Stores a campaign with its items and members in one transaction, and
   * with `recurrence` the series it is the first cycle of.
   */
  async create(
    campaign: NewCampaign,
    recurrence?: NewRecurrence,
  ): Promise<string> {
    return this.#db.transaction(async trx => {
      let series: { recurrenceId: string; cycle: number } | undefined;
      if (recurrence) {
        const [row] = await trx(TABLES.recurrences)
          .insert({
            name: campaign.name,
            scope_json: JSON.stringify(campaign.scope),
            interval: recurrence.interval,
            due_after_ms:
              campaign.dueAt.getTime() - campaign.startedAt.getTime(),
            next_start_at: recurrence.nextStartAt,
            next_cycle: 2,
            created_by: campaign.startedBy,
            created_at: campaign.startedAt,
          })
          .returning('id');
        series = { recurrenceId: returnedId(row), cycle: 1 };
      }
      return this.#insertCampaign(trx, campaign, series);
    });
  }

  /**
   * Starts cycle `cycle` of a series: in one transaction, moves the series
   * on (compare and swap on its cycle, so of two replicas only one
   * succeeds; the unique (recurrence, cycle) index backs it) and stores the
   * campaign. Throws {@link CycleTakenError} when the cycle was taken.
   */
  async startCycle(options: {
    recurrence: RecurrenceRow;
    nextStartAt: Date;
    campaign: NewCampaign;
  }): Promise<string> {
    const { recurrence, nextStartAt, campaign } = options;
    try {
      return await this.#db.transaction(async trx => {
        const moved = await trx(TABLES.recurrences)
          .where({ id: recurrence.id, next_cycle: recurrence.nextCycle })
          .whereNull('stopped_at')
          .update({
            next_cycle: recurrence.nextCycle + 1,
            next_start_at: nextStartAt,
          });
        if (moved !== 1) {
          throw new CycleTakenError(
            `Cycle ${recurrence.nextCycle} of recurrence ${recurrence.id} was started elsewhere`,
          );
        }
        return this.#insertCampaign(trx, campaign, {
          recurrenceId: recurrence.id,
          cycle: recurrence.nextCycle,
        });
      });
    } catch (error) {
      if (error instanceof CycleTakenError) throw error;
      // The unique index: the other replica's insert won.
      if (/unique|duplicate/i.test(String((error as Error).message))) {
        throw new CycleTakenError((error as Error).message);
      }
      throw error;
    }
  }

  /** Series whose next start is due. */
  async dueRecurrences(now: Date): Promise<RecurrenceRow[]> {
    const rows = await this.#db(TABLES.recurrences)
      .whereNull('stopped_at')
      .where('next_start_at', '<=', now)
      .orderBy('id');
    return rows.map(toRecurrence);
  }

  async recurrence(id: string): Promise<RecurrenceRow | undefined> {
    const row = await this.#db(TABLES.recurrences).where({ id }).first();
    return row ? toRecurrence(row) : undefined;
  }

  /** Stops a series: no further cycle starts. False when unknown or stopped. */
  async stopRecurrence(id: string, by: string, at: Date): Promise<boolean> {
    const n = await this.#db(TABLES.recurrences)
      .where({ id })
      .whereNull('stopped_at')
      .update({ stopped_at: at, stopped_by: by });
    return n === 1;
  }

  async #counts(campaignIds: string[]): Promise<Map<string, StateCounts>> {
    const out = new Map<string, StateCounts>();
    if (campaignIds.length === 0) return out;
    const rows = await this.#db(TABLES.items)
      .whereIn('campaign_id', campaignIds)
      .groupBy('campaign_id', 'state')
      .select('campaign_id', 'state')
      .count({ n: '*' });
    for (const row of rows as any[]) {
      const id = idOf(row.campaign_id);
      const counts = out.get(id) ?? {};
      counts[row.state as ReviewItemState] = Number(row.n);
      out.set(id, counts);
    }
    return out;
  }

  async get(id: string, now: Date): Promise<ReviewCampaign | undefined> {
    const row = await this.#select().where('c.id', id).first();
    if (!row) return undefined;
    const counts = await this.#counts([id]);
    return toCampaign(row, progressOf(counts.get(id) ?? {}), now);
  }

  /** The Identity Center instance of a campaign's snapshot. */
  async instanceArn(id: string): Promise<string | undefined> {
    const row = await this.#db(TABLES.campaigns)
      .where({ id })
      .select('instance_arn')
      .first();
    return row?.instance_arn ?? undefined;
  }

  /** Newest first. */
  async list(
    query: { status?: ReviewCampaignStatus; offset: number; limit: number },
    now: Date,
  ): Promise<Page<ReviewCampaign>> {
    const filtered = () => {
      const q = this.#db(TABLES.campaigns);
      if (query.status) q.where('status', query.status);
      return q;
    };
    const [{ count }] = await filtered().count({ count: '*' });
    const ids = (
      await filtered()
        .select('id')
        .orderBy('id', 'desc')
        .offset(query.offset)
        .limit(query.limit)
    ).map(r => idOf(r.id));
    const rows = ids.length
      ? await this.#select().whereIn('c.id', ids).orderBy('c.id', 'desc')
      : [];
    const counts = await this.#counts(ids);
    return {
      items: rows.map(row =>
        toCampaign(row, progressOf(counts.get(idOf(row.id)) ?? {}), now),
      ),
      totalCount: Number(count),
      offset: query.offset,
      limit: query.limit,
    };
  }

  /** Active campaigns, oldest first. */
  async active(now: Date): Promise<ReviewCampaign[]> {
    const rows = await this.#select()
      .where('c.status', 'active')
      .orderBy('c.id', 'asc');
    const counts = await this.#counts(rows.map(r => idOf(r.id)));
    return rows.map(row =>
      toCampaign(row, progressOf(counts.get(idOf(row.id)) ?? {}), now),
    );
  }

  /** Progress per assigned team, the unassigned last. */
  async progressByTeam(
    campaignIds: string[],
  ): Promise<Map<string, TeamReviewProgress[]>> {
    const out = new Map<string, TeamReviewProgress[]>();
    if (campaignIds.length === 0) return out;
    const rows = await this.#db(TABLES.items)
      .whereIn('campaign_id', campaignIds)
      .groupBy('campaign_id', 'assignee_ref', 'state')
      .select('campaign_id', 'assignee_ref', 'state')
      .count({ n: '*' });
    const byCampaign = new Map<string, Map<string | null, StateCounts>>();
    for (const row of rows as any[]) {
      const id = idOf(row.campaign_id);
      const teams = byCampaign.get(id) ?? new Map();
      const counts = teams.get(row.assignee_ref ?? null) ?? {};
      counts[row.state as ReviewItemState] = Number(row.n);
      teams.set(row.assignee_ref ?? null, counts);
      byCampaign.set(id, teams);
    }
    for (const [id, teams] of byCampaign) {
      const list: TeamReviewProgress[] = [...teams.entries()].map(
        ([teamRef, counts]) => ({
          ...(teamRef ? { teamRef } : {}),
          ...progressOf(counts),
        }),
      );
      // By team ref, the unassigned (no team) last.
      const rank = (t: TeamReviewProgress) => t.teamRef ?? '\uffff';
      list.sort((a, b) => rank(a).localeCompare(rank(b)));
      out.set(id, list);
    }
    return out;
  }

  /** Closes an active campaign. False when unknown or closed already. */
  async close(id: string, by: string, at: Date): Promise<boolean> {
    const n = await this.#db(TABLES.campaigns)
      .where({ id, status: 'active' })
      .update({ status: 'closed', closed_at: at, closed_by: by });
    return n === 1;
  }

  /** The progress of every campaign's items of one account, newest first. */
  async accountCampaigns(
    accountId: string,
  ): Promise<Array<{ campaignId: string; progress: ReviewProgress }>> {
    const rows = await this.#db(TABLES.items)
      .where('account_id', accountId)
      .groupBy('campaign_id', 'state')
      .select('campaign_id', 'state')
      .count({ n: '*' });
    const counts = new Map<string, StateCounts>();
    for (const row of rows as any[]) {
      const id = idOf(row.campaign_id);
      const c = counts.get(id) ?? {};
      c[row.state as ReviewItemState] = Number(row.n);
      counts.set(id, c);
    }
    return [...counts.entries()]
      .map(([campaignId, c]) => ({ campaignId, progress: progressOf(c) }))
      .sort((a, b) => Number(b.campaignId) - Number(a.campaignId));
  }
}
