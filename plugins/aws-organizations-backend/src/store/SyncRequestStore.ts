import { Knex } from 'knex';

const TABLE = 'aws_org_sync_requests';

/**
 * Manual sync requests: `POST /sync` records one, the next run takes them
 * all, so that it knows it runs because someone asked (on any replica).
 */
export class SyncRequestStore {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  async add(requestedBy: string | undefined, now: Date): Promise<void> {
    await this.#db(TABLE).insert({
      requested_at: now,
      requested_by: requestedBy?.slice(0, 255) ?? null,
    });
  }

  /** Takes the pending requests for `runId`; true when there were any. */
  async take(runId: string): Promise<boolean> {
    const taken = await this.#db(TABLE)
      .whereNull('run_id')
      .update({ run_id: runId });
    await this.#db(TABLE)
      .whereNotNull('run_id')
      .whereNot('run_id', runId)
      .delete();
    return taken > 0;
  }
}
