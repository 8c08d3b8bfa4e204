import {
  ReadStatistics,
  SnapshotCounts,
  SyncRun,
  SyncRunStatus,
} from '@aws-governance/plugin-aws-organizations-common';
import { Knex } from 'knex';
import { fromJson, toDate, toIso } from './timestamps';

const TABLE = 'aws_org_sync_runs';

/** What a finished run records. */
export interface SyncRunResult {
  status: Exclude<SyncRunStatus, 'running'>;
  errors: string[];
  warnings: string[];
  stats?: ReadStatistics;
  counts?: SnapshotCounts;
  changes?: number;
}

function toRun(row: any): SyncRun {
  return {
    id: String(row.id),
    trigger: row.trigger,
    status: row.status,
    startedAt: toIso(row.started_at)!,
    ...(row.finished_at ? { finishedAt: toIso(row.finished_at) } : {}),
    ...(row.duration_ms !== null
      ? { durationMs: Number(row.duration_ms) }
      : {}),
    errors: fromJson<string[]>(row.errors_json) ?? [],
    warnings: fromJson<string[]>(row.warnings_json) ?? [],
    ...(row.stats_json
      ? { stats: fromJson<ReadStatistics>(row.stats_json) }
      : {}),
    ...(row.counts_json
      ? { counts: fromJson<SnapshotCounts>(row.counts_json) }
      : {}),
    ...(row.changes !== null ? { changes: Number(row.changes) } : {}),
    ...(row.status === 'running' && row.progress_json
      ? { progress: fromJson<SyncRun['progress']>(row.progress_json) }
      : {}),
  };
}

/** The sync run log. */
export class SyncRunStore {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  async start(trigger: SyncRun['trigger'], startedAt: Date): Promise<string> {
    const [row] = await this.#db(TABLE)
      .insert({
        trigger,
        status: 'running',
        started_at: startedAt,
        errors_json: '[]',
        warnings_json: '[]',
        progress_json: JSON.stringify({ phase: 'starting' }),
      })
      .returning('id');
    return String(typeof row === 'object' ? row.id : row);
  }

  async setTrigger(runId: string, trigger: SyncRun['trigger']) {
    await this.#db(TABLE).where('id', runId).update({ trigger });
  }

  /**
   * Marks every other running run failed: the scheduler runs one sync at a
   * time cluster-wide, so another running row was left by a stopped process.
   */
  async abandonOthers(runId: string, now: Date): Promise<number> {
    return this.#db(TABLE)
      .where('status', 'running')
      .whereNot('id', runId)
      .update({
        status: 'failed',
        finished_at: now,
        progress_json: null,
        errors_json: JSON.stringify([
          'Abandoned: the backend stopped before the run finished',
        ]),
      });
  }

  async setProgress(runId: string, progress: NonNullable<SyncRun['progress']>) {
    await this.#db(TABLE)
      .where({ id: runId, status: 'running' })
      .update({ progress_json: JSON.stringify(progress) });
  }

  async finish(
    runId: string,
    result: SyncRunResult,
    finishedAt: Date,
    trx: Knex = this.#db,
  ): Promise<void> {
    const [row] = await trx(TABLE).where('id', runId).select('started_at');
    await trx(TABLE)
      .where('id', runId)
      .update({
        status: result.status,
        finished_at: finishedAt,
        duration_ms: row
          ? finishedAt.getTime() - toDate(row.started_at).getTime()
          : null,
        errors_json: JSON.stringify(result.errors),
        warnings_json: JSON.stringify(result.warnings),
        stats_json: result.stats ? JSON.stringify(result.stats) : null,
        counts_json: result.counts ? JSON.stringify(result.counts) : null,
        changes: result.changes ?? null,
        progress_json: null,
      });
  }

  async get(runId: string): Promise<SyncRun | undefined> {
    const row = await this.#db(TABLE).where('id', runId).first();
    return row ? toRun(row) : undefined;
  }

  async latest(): Promise<SyncRun | undefined> {
    const row = await this.#db(TABLE).orderBy('id', 'desc').first();
    return row ? toRun(row) : undefined;
  }

  /** The running run started after `notBefore` (older ones are stale). */
  async running(notBefore: Date): Promise<SyncRun | undefined> {
    const row = await this.#db(TABLE)
      .where('status', 'running')
      .where('started_at', '>=', notBefore)
      .orderBy('id', 'desc')
      .first();
    return row ? toRun(row) : undefined;
  }

  /** Deletes runs started before `before`, except the ones in `keep`. */
  async prune(before: Date, keep: string[]): Promise<number> {
    return this.#db(TABLE)
      .where('started_at', '<', before)
      .whereNot('status', 'running')
      .whereNotIn('id', keep)
      .delete();
  }
}
