import {
  countedFindingOrigins,
  emptySeverityCounts,
  FINDING_SEVERITIES,
  FindingCountsPoint,
  FindingOrigin,
  SecuritySignalsSnapshot,
  SeverityCounts,
  totalSeverityCounts,
} from '@aws-governance/plugin-aws-organizations-common';
import { Knex } from 'knex';
import { fromJson, toIso } from './timestamps';

const SYNCS = 'aws_org_finding_syncs';
const COUNTS = 'aws_org_finding_counts';

/** Rows per insert: under SQLite's bound-parameter limit (9 columns each). */
const INSERT_CHUNK = 100;

const COLUMNS: Record<(typeof FINDING_SEVERITIES)[number], string> = {
  CRITICAL: 'critical',
  HIGH: 'high',
  MEDIUM: 'medium',
  LOW: 'low',
  INFORMATIONAL: 'informational',
};

function isZero(counts: SeverityCounts): boolean {
  return FINDING_SEVERITIES.every(s => !counts[s]);
}

/**
 * The finding counts of each sync, per account and origin, for the trend
 * of an account page. A sync records only the origins it read: an origin
 * whose source was not connected is absent from that sync (its last known
 * value stays the previous sync's), never zero.
 */
export class FindingCountsStore {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  /**
   * Records one sync's counts (in the snapshot's transaction). Nothing
   * when no origin was read: the previous values stay the last known.
   */
  async record(
    trx: Knex.Transaction,
    sync: { runId: string; readAt: Date; signals?: SecuritySignalsSnapshot },
  ): Promise<void> {
    const origins = countedFindingOrigins(sync.signals);
    if (!sync.signals || origins.length === 0) return;
    await trx(SYNCS).insert({
      run_id: sync.runId,
      read_at: sync.readAt,
      origins_json: JSON.stringify(origins),
    });
    const rows: Record<string, unknown>[] = [];
    for (const [accountId, counts] of Object.entries(sync.signals.findings)) {
      for (const origin of origins) {
        const bySeverity = counts.byOrigin[origin];
        if (!bySeverity || isZero(bySeverity)) continue;
        const row: Record<string, unknown> = {
          run_id: sync.runId,
          account_id: accountId,
          origin,
        };
        for (const severity of FINDING_SEVERITIES) {
          row[COLUMNS[severity]] = bySeverity[severity] ?? 0;
        }
        rows.push(row);
      }
    }
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await trx(COUNTS).insert(rows.slice(i, i + INSERT_CHUNK));
    }
  }

  /** The account's counts at the last `limit` syncs that read any, oldest first. */
  async history(
    accountId: string,
    limit: number,
  ): Promise<FindingCountsPoint[]> {
    const syncs: { run_id: string; read_at: unknown; origins_json: string }[] =
      await this.#db(SYNCS)
        .select('run_id', 'read_at', 'origins_json')
        .orderBy('read_at', 'desc')
        .orderBy('run_id', 'desc')
        .limit(limit);
    if (syncs.length === 0) return [];
    const rows: any[] = await this.#db(COUNTS)
      .where('account_id', accountId)
      .whereIn(
        'run_id',
        syncs.map(s => s.run_id),
      );
    const byRun = new Map<string, any[]>();
    for (const row of rows) {
      const list = byRun.get(row.run_id) ?? [];
      list.push(row);
      byRun.set(row.run_id, list);
    }
    return syncs.reverse().map(sync => {
      const byOrigin: Partial<Record<FindingOrigin, SeverityCounts>> = {};
      for (const origin of fromJson<FindingOrigin[]>(sync.origins_json) ?? []) {
        byOrigin[origin] = emptySeverityCounts();
      }
      for (const row of byRun.get(sync.run_id) ?? []) {
        const counts = byOrigin[row.origin as FindingOrigin];
        if (!counts) continue;
        for (const severity of FINDING_SEVERITIES) {
          counts[severity] = Number(row[COLUMNS[severity]]);
        }
      }
      return {
        readAt: toIso(sync.read_at)!,
        byOrigin,
        total: totalSeverityCounts(byOrigin),
      };
    });
  }

  /**
   * Deletes the syncs read before `before`, keeping the latest one (the
   * last known values) whatever its age. The number of syncs deleted.
   */
  async prune(before: Date): Promise<number> {
    const latest = await this.#db(SYNCS)
      .select('run_id')
      .orderBy('read_at', 'desc')
      .first();
    if (!latest) return 0;
    return this.#db.transaction(async (trx): Promise<number> => {
      const old = trx(SYNCS)
        .select('run_id')
        .where('read_at', '<', before)
        .whereNot('run_id', latest.run_id);
      await trx(COUNTS).whereIn('run_id', old).delete();
      return trx(SYNCS)
        .where('read_at', '<', before)
        .whereNot('run_id', latest.run_id)
        .delete();
    });
  }
}
