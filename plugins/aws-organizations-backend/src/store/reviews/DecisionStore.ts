import {
  RemediationEntry,
  ReviewDecision,
  ReviewDecisionKind,
} from '@aws-governance/plugin-aws-organizations-common';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { Knex } from 'knex';
import { ItemStore, StoredItem } from './ItemStore';
import { idOf, returnedId, TABLES, toDecision, toRemediation } from './rows';

/** A check run inside the transaction on the locked items. */
export type ItemsCheck = (items: StoredItem[]) => void | Promise<void>;

/**
 * The append-only decision log. Each call is one transaction: the log
 * entries, the items' state and the remediation entries of revocations are
 * committed together or not at all, so a backend stopping mid-request
 * leaves either the whole decision or none of it. No method updates or
 * deletes a log entry (the database refuses it too).
 */
export class DecisionStore {
  readonly #db: Knex;
  readonly #items: ItemStore;

  constructor(db: Knex, items: ItemStore) {
    this.#db = db;
    this.#items = items;
  }

  /** Locks and loads the items; every one must exist and be pending in an active campaign. */
  async #pendingItems(
    trx: Knex.Transaction,
    itemIds: string[],
  ): Promise<StoredItem[]> {
    const unique = [...new Set(itemIds)];
    // PostgreSQL: row locks, so that two deciders of one item serialize
    // (SQLite has one writer at a time anyway).
    if (trx.client.config.client === 'pg') {
      await trx(TABLES.items).whereIn('id', unique).forUpdate().select('id');
    }
    const items = await this.#items.getMany(unique, trx);
    if (items.length !== unique.length) {
      const found = new Set(items.map(i => i.id));
      throw new NotFoundError(
        `No review item ${unique.filter(id => !found.has(id)).join(', ')}`,
      );
    }
    const campaigns = await trx(TABLES.campaigns)
      .whereIn('id', [...new Set(items.map(i => i.campaignId))])
      .select('id', 'status', 'instance_arn');
    const closed = campaigns.filter(c => c.status !== 'active');
    if (closed.length) {
      throw new ConflictError(
        `Campaign ${closed.map(c => idOf(c.id)).join(', ')} is closed`,
      );
    }
    const decided = items.filter(i => i.state !== 'pending');
    if (decided.length) {
      throw new ConflictError(
        `Already decided (a decision is final): item ${decided
          .map(i => i.id)
          .join(', ')}`,
      );
    }
    return items;
  }

  /**
   * Records keep or revoke for every item (all or none). `check` runs on
   * the locked items before anything is written (permissions, reasons).
   */
  async decide(options: {
    itemIds: string[];
    decision: ReviewDecisionKind;
    reason?: string;
    by: string;
    at: Date;
    check: ItemsCheck;
    /** Fault injection for the atomicity tests. */
    afterLog?: () => Promise<void>;
  }): Promise<{
    decisions: ReviewDecision[];
    remediations: RemediationEntry[];
  }> {
    const { decision, reason, by, at } = options;
    return this.#db.transaction(async trx => {
      const items = await this.#pendingItems(trx, options.itemIds);
      await options.check(items);
      const instances = new Map<string, string | null>(
        (
          await trx(TABLES.campaigns)
            .whereIn('id', [...new Set(items.map(i => i.campaignId))])
            .select('id', 'instance_arn')
        ).map(c => [idOf(c.id), c.instance_arn]),
      );
      const decisions: ReviewDecision[] = [];
      const remediations: RemediationEntry[] = [];
      for (const item of items) {
        const row = {
          campaign_id: item.campaignId,
          item_id: item.id,
          kind: decision,
          decided_by: by,
          decided_at: at,
          reason: reason || null,
        };
        const [returned] = await trx(TABLES.decisions)
          .insert(row)
          .returning('id');
        const decisionId = returnedId(returned);
        decisions.push(toDecision({ id: decisionId, ...row }));
        if (options.afterLog) await options.afterLog();
        const updated = await trx(TABLES.items)
          .where({ id: item.id, state: 'pending' })
          .update({
            state: decision === 'keep' ? 'kept' : 'revoked',
            decision_id: decisionId,
          });
        if (updated !== 1) {
          throw new ConflictError(`Item ${item.id} was decided meanwhile`);
        }
        const instanceArn = instances.get(item.campaignId);
        if (
          decision === 'revoke' &&
          item.kind === 'assignment' &&
          instanceArn
        ) {
          const remediation = {
            campaign_id: item.campaignId,
            item_id: item.id,
            decision_id: decisionId,
            account_id: item.accountId,
            account_name: item.accountName,
            permission_set_arn: item.permissionSetArn,
            permission_set_name: item.permissionSetName,
            principal_type: item.principalType,
            principal_id: item.principalId,
            principal_name: item.principalName,
            instance_arn: instanceArn,
            status: 'open',
            created_at: at,
          };
          const [r] = await trx(TABLES.remediations)
            .insert(remediation)
            .returning('id');
          remediations.push(
            toRemediation({ id: returnedId(r), ...remediation }, at),
          );
        }
      }
      return { decisions, remediations };
    });
  }

  /** Hands pending items to another team (all or none). */
  async handover(options: {
    itemIds: string[];
    toTeamRef: string;
    reason?: string;
    by: string;
    at: Date;
    check: ItemsCheck;
  }): Promise<ReviewDecision[]> {
    const { toTeamRef, reason, by, at } = options;
    return this.#db.transaction(async trx => {
      const items = await this.#pendingItems(trx, options.itemIds);
      await options.check(items);
      const out: ReviewDecision[] = [];
      for (const item of items) {
        const row = {
          campaign_id: item.campaignId,
          item_id: item.id,
          kind: 'handover',
          decided_by: by,
          decided_at: at,
          reason: reason || null,
          from_team_ref: item.assigneeRef ?? null,
          to_team_ref: toTeamRef,
        };
        const [returned] = await trx(TABLES.decisions)
          .insert(row)
          .returning('id');
        out.push(toDecision({ id: returnedId(returned), ...row }));
        await trx(TABLES.items)
          .where({ id: item.id, state: 'pending' })
          .update({ assignee_ref: toTeamRef });
      }
      return out;
    });
  }

  /** An item's log, oldest first. */
  async log(itemId: string): Promise<ReviewDecision[]> {
    const rows = await this.#db(TABLES.decisions)
      .where('item_id', itemId)
      .orderBy('id');
    return rows.map(toDecision);
  }

  /** Hand-overs per item of a campaign (evidence). */
  async handoverCounts(campaignId: string): Promise<Map<string, number>> {
    const rows = await this.#db(TABLES.decisions)
      .where({ campaign_id: campaignId, kind: 'handover' })
      .groupBy('item_id')
      .select('item_id')
      .count({ n: '*' });
    return new Map(rows.map((r: any) => [idOf(r.item_id), Number(r.n)]));
  }
}
