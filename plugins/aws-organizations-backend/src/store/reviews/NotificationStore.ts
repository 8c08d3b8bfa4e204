import { Knex } from 'knex';
import { TABLES } from './rows';

/** Kinds of reminder, each sent once per campaign. */
export type ReminderKind = 'started' | 'due-soon' | 'overdue';

/** Which reminders were sent: a claim per campaign and kind. */
export class NotificationStore {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  /**
   * Claims a reminder: true for the one caller that may send it, false
   * when it was claimed before (by this or another replica).
   */
  async claim(
    campaignId: string,
    kind: ReminderKind,
    at: Date,
  ): Promise<boolean> {
    const rows = await this.#db(TABLES.notifications)
      .insert({ campaign_id: campaignId, kind, sent_at: at })
      .onConflict(['campaign_id', 'kind'])
      .ignore()
      .returning('kind');
    return rows.length === 1;
  }

  /** Gives a claim back after the send failed, so a later run retries. */
  async release(campaignId: string, kind: ReminderKind): Promise<void> {
    await this.#db(TABLES.notifications)
      .where({ campaign_id: campaignId, kind })
      .delete();
  }

  async sent(campaignId: string): Promise<ReminderKind[]> {
    const rows = await this.#db(TABLES.notifications)
      .where({ campaign_id: campaignId })
      .orderBy('kind');
    return rows.map(r => r.kind);
  }
}
