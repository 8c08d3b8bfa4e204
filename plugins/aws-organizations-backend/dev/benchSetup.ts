/*
 * What the backend's benchmarks share: a migrated database (SQLite in
 * memory, or PostgreSQL at the URL given on the command line) and the
 * resolution settings the data sets are resolved with, the machine's load
 * as the figures are recorded with, and a logger that keeps stdout for the
 * figures.
 */
import { loadavg } from 'node:os';
import type { LoggerService } from '@backstage/backend-plugin-api';
import knexFactory, { Knex } from 'knex';
import type { resolveSnapshot } from '../src/resolution/resolveSnapshot';

/** The backend's tables on PostgreSQL at `url`, else on SQLite in memory. */
export async function openBenchDatabase(
  url: string | undefined,
): Promise<Knex> {
  const db = knexFactory(
    url
      ? { client: 'pg', connection: url }
      : {
          client: 'better-sqlite3',
          connection: ':memory:',
          useNullAsDefault: true,
        },
  );
  await db.migrate.latest({
    directory: `${__dirname}/../migrations`,
    tableName: 'bench_migrations',
  });
  return db;
}

/** Owners from the `owner` tag, groups by display name, users by user name. */
export const BENCH_RESOLUTION_SETTINGS: Parameters<typeof resolveSnapshot>[1] =
  {
    ownership: {
      accountTagKey: 'owner',
      unitTagKey: 'owner',
      namespace: 'default',
    },
    mapping: { groupRule: 'displayName', groupMap: {}, userRule: 'userName' },
  };

/** The load average (1, 5, 15 minutes) as recorded beside the figures. */
export const loadAverage = () =>
  loadavg()
    .map(n => n.toFixed(2))
    .join(' ');

/** Warnings and errors on stderr, so stdout carries only the figures. */
export const stderrLogger: LoggerService = {
  error: (message, meta) =>
    process.stderr.write(`error ${message} ${JSON.stringify(meta ?? {})}\n`),
  warn: (message, meta) =>
    process.stderr.write(`warn ${message} ${JSON.stringify(meta ?? {})}\n`),
  info: () => {},
  debug: () => {},
  child: () => stderrLogger,
};
