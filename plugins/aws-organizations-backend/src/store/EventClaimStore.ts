import type { RefreshTarget } from '@aws-governance/plugin-aws-organizations-node';
import { Knex } from 'knex';
import { fromJson, toIso } from './timestamps';

const TABLE = 'aws_org_event_claims';

/** How an event ended. */
export type EventOutcome =
  | 'pending'
  | 'applied'
  | 'unchanged'
  | 'ignored'
  | 'full-read'
  | 'failed';

/** What an event is known by. */
export interface ClaimedEvent {
  eventId: string;
  source: string;
  eventName: string;
  eventTime: string;
}

/** A claimed event as stored. */
export interface EventClaim extends ClaimedEvent {
  claimedAt: string;
  outcome: EventOutcome;
  finishedAt?: string;
  targets?: RefreshTarget[];
  reason?: string;
}

function toClaim(row: any): EventClaim {
  return {
    eventId: row.event_id,
    source: row.source,
    eventName: row.event_name,
    eventTime: row.event_time,
    claimedAt: toIso(row.claimed_at)!,
    outcome: row.outcome,
    ...(row.finished_at ? { finishedAt: toIso(row.finished_at) } : {}),
    ...(row.targets_json
      ? { targets: fromJson<RefreshTarget[]>(row.targets_json) }
      : {}),
    ...(row.reason ? { reason: row.reason } : {}),
  };
}

/**
 * Claims of CloudTrail events: the first replica to insert an event's id
 * applies it; SQS redeliveries and the other replicas find it claimed.
 */
export class EventClaimStore {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  /** True when this caller claimed the event, false when it was claimed before. */
  async claim(event: ClaimedEvent, now: Date): Promise<boolean> {
    const inserted = await this.#db(TABLE)
      .insert({
        event_id: event.eventId.slice(0, 128),
        source: event.source.slice(0, 64),
        event_name: event.eventName.slice(0, 128),
        event_time: event.eventTime.slice(0, 64),
        claimed_at: now,
        outcome: 'pending',
      })
      .onConflict('event_id')
      .ignore()
      .returning('event_id');
    return inserted.length > 0;
  }

  /** Records how claimed events ended. */
  async finish(
    eventIds: string[],
    result: {
      outcome: Exclude<EventOutcome, 'pending'>;
      targets?: RefreshTarget[];
      reason?: string;
    },
    now: Date,
  ): Promise<void> {
    for (let i = 0; i < eventIds.length; i += 500) {
      await this.#db(TABLE)
        .whereIn('event_id', eventIds.slice(i, i + 500))
        .update({
          outcome: result.outcome,
          finished_at: now,
          targets_json: result.targets ? JSON.stringify(result.targets) : null,
          reason: result.reason?.slice(0, 2000) ?? null,
        });
    }
  }

  /** Records each event's own targets (the batch it was applied in succeeded). */
  async finishApplied(
    applied: { eventId: string; targets: RefreshTarget[] }[],
    outcome: 'applied' | 'unchanged',
    now: Date,
  ): Promise<void> {
    await this.#db.transaction(async trx => {
      for (const { eventId, targets } of applied) {
        await trx(TABLE)
          .where('event_id', eventId)
          .update({
            outcome,
            finished_at: now,
            targets_json: JSON.stringify(targets),
          });
      }
    });
  }

  /** The newest event that changed the snapshot (or found it up to date). */
  async lastApplied(): Promise<EventClaim | undefined> {
    const row = await this.#db(TABLE)
      .whereIn('outcome', ['applied', 'unchanged'])
      .orderBy('finished_at', 'desc')
      .first();
    return row ? toClaim(row) : undefined;
  }

  /** Events applied since `since`: a full read that began before may have missed them. */
  async appliedSince(since: Date): Promise<EventClaim[]> {
    const rows = await this.#db(TABLE)
      .whereIn('outcome', ['applied', 'unchanged'])
      .where('finished_at', '>=', since)
      .orderBy('finished_at', 'asc');
    return rows.map(toClaim);
  }

  /** How many events ended each way since `since`. */
  async countsSince(
    since: Date,
  ): Promise<Partial<Record<EventOutcome, number>>> {
    const rows = await this.#db(TABLE)
      .where('claimed_at', '>=', since)
      .groupBy('outcome')
      .select('outcome')
      .count({ n: '*' });
    return Object.fromEntries(rows.map((r: any) => [r.outcome, Number(r.n)]));
  }

  /**
   * Marks failed the claims still pending since before `before`: the
   * replica that claimed them stopped before applying them.
   */
  async failStalePending(before: Date, now: Date): Promise<number> {
    return this.#db(TABLE)
      .where('outcome', 'pending')
      .where('claimed_at', '<', before)
      .update({
        outcome: 'failed',
        finished_at: now,
        reason: 'claimed and never applied (the backend stopped)',
      });
  }

  /** Deletes claims older than `before` (SQS keeps a message 14 days at most). */
  async prune(before: Date): Promise<number> {
    return this.#db(TABLE).where('claimed_at', '<', before).delete();
  }
}
