/*
 * Measures how long an organization takes to reach the catalog: the emulator
 * serves a data set (default L: 5,000 accounts), a backend runs the real AWS
 * Organizations plugin, the catalog and this module on SQLite files (or
 * PostgreSQL), and one sync is triggered. Prints the time from the sync's
 * start to the snapshot stored, to every entity committed and visible, and
 * to everything processed and stitched (relations in place), plus the
 * catalog database size.
 *
 *   yarn bench:catalog [--dataset L|M|S|demo] [--postgres <connection url>]
 *
 * The read is not what is measured here (yarn bench:sync is for that): the
 * emulator answers without latency or throttling and the reader's
 * client-side limits are raised (the backend config has no key for them).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import knexFactory, { Knex } from 'knex';
import { DatasetName, startEmulator } from '@aws-governance/aws-emulator';
import {
  AWS_ENTITY_TYPES,
  awsAccountEntityName,
} from '@aws-governance/plugin-aws-organizations-common';
import { JsonObject } from '@backstage/types';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import {
  portalConfig,
  relationLines,
  startPortal,
} from '../src/__testUtils__/portal';

const { values } = parseArgs({
  options: {
    dataset: { type: 'string', default: 'L' },
    postgres: { type: 'string' },
  },
});
const dataset = values.dataset as DatasetName;
const postgres = values.postgres;

/** Reader limits far above what the emulator needs to answer. */
const FAST = { tps: 100_000, burst: 1_000, concurrency: 32 };

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

function databaseConfig(dir: string) {
  return postgres
    ? {
        client: 'pg',
        connection: postgres,
        prefix: 'bench_catalog_',
      }
    : { client: 'better-sqlite3', connection: { directory: dir } };
}

/** A read-only view of the catalog's database, for progress and size. */
function catalogDb(dir: string): Knex {
  return postgres
    ? knexFactory({
        client: 'pg',
        connection: `${postgres.replace(/\/[^/]*$/, '')}/bench_catalog_catalog`,
      })
    : knexFactory({
        client: 'better-sqlite3',
        connection: {
          filename: path.join(dir, 'catalog.sqlite'),
          options: { readonly: true },
        } as Knex.Sqlite3ConnectionConfig,
        useNullAsDefault: true,
        // The catalog runs in this process, on this thread: a busy wait here
        // would stall it. Fail at once while it holds the write lock.
        pool: {
          afterCreate: (conn: any, done: (e: unknown, c: unknown) => void) => {
            conn.pragma('busy_timeout = 0');
            done(null, conn);
          },
        },
      });
}

async function dropPostgresDatabases() {
  if (!postgres) return;
  const admin = knexFactory({ client: 'pg', connection: postgres });
  for (const plugin of ['catalog', 'aws-organizations']) {
    await admin.raw(`DROP DATABASE IF EXISTS "bench_catalog_${plugin}"`);
  }
  await admin.destroy();
}

async function catalogSize(db: Knex, dir: string): Promise<number> {
  if (postgres) {
    const result = await db.raw(
      'SELECT pg_database_size(current_database()) AS size',
    );
    return Number(result.rows[0].size);
  }
  return fs
    .readdirSync(dir)
    .filter(f => f.startsWith('catalog.sqlite'))
    .reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
}

/** Processing and stitching backlog of the catalog. */
async function backlog(db: Knex) {
  const count = async (q: Knex.QueryBuilder) =>
    Number(((await q.count({ n: '*' })) as any)[0].n);
  return {
    entities: await count(db('refresh_state')),
    unprocessed: await count(db('refresh_state').whereNull('processed_entity')),
    stitchQueue: await count(db('stitch_queue')),
    final: await count(db('final_entities').whereNotNull('final_entity')),
    relations: await count(db('relations')),
  };
}

async function main() {
  await dropPostgresDatabases();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-catalog-'));
  const emu = await startEmulator({ dataset });
  const expected = emu.expected;
  console.log(
    `Data set ${dataset}: ${expected.accounts} accounts, ${
      expected.organizationalUnits
    } OUs, ${expected.policies} SCPs, ${
      expected.permissionSets
    } permission sets, ${expected.assignments} assignments; database ${
      postgres ? 'PostgreSQL' : `SQLite files in ${dir}`
    }`,
  );
  const config = portalConfig(emu, {
    backend: { database: databaseConfig(dir) },
    catalog: {
      rules: [{ allow: ['Component', 'Resource', 'Location', 'Group'] }],
    },
  });
  (config.awsOrganizations as JsonObject).rateLimits = {
    organizations: FAST,
    ssoAdmin: FAST,
    identityStore: FAST,
  };
  const portal = await startPortal({
    config,
    features: [databaseServiceFactory],
  });
  const db = catalogDb(dir);
  const lastAccount = `resource:default/${awsAccountEntityName(
    [...emu.state.accounts.keys()].sort().pop()!,
  )}`;
  const byType = (type: string) =>
    portal.countEntities(`kind=resource,spec.type=${type}`);
  const total =
    expected.accounts +
    expected.organizationalUnits +
    1 +
    expected.policies +
    expected.permissionSets;

  const started = Date.now();
  const status = await portal.syncNow(60 * 60_000);
  const stored = Date.now();
  const readMs = status.lastAttempt.stats?.durationMs;
  console.log(
    `Sync ${status.lastAttempt.status} in ${seconds(
      status.lastAttempt.durationMs,
    )} (read ${
      readMs === undefined ? '?' : seconds(readMs)
    }); snapshot stored ${seconds(stored - started)} after the start`,
  );
  if (status.lastAttempt.status !== 'succeeded') {
    throw new Error(JSON.stringify(status.lastAttempt.errors));
  }

  let committed: number | undefined;
  let visible: number | undefined;
  for (;;) {
    let progress: Awaited<ReturnType<typeof backlog>>;
    try {
      progress = await backlog(db);
    } catch (error) {
      // The catalog holds the SQLite write lock for long batches.
      console.log(`${seconds(Date.now() - started)}: ${error}`);
      await new Promise(r => setTimeout(r, 5_000));
      continue;
    }
    const now = Date.now();
    if (committed === undefined && progress.entities >= total) {
      committed = now;
    }
    const accounts = await byType(AWS_ENTITY_TYPES.account);
    if (visible === undefined && accounts === expected.accounts) {
      visible = now;
    }
    console.log(
      `${seconds(now - started)}: ${JSON.stringify(
        progress,
      )}, accounts visible ${accounts}`,
    );
    if (
      committed !== undefined &&
      visible !== undefined &&
      progress.unprocessed === 0 &&
      progress.stitchQueue === 0 &&
      progress.final >= total
    ) {
      break;
    }
    await new Promise(r => setTimeout(r, 5_000));
  }
  const stitched = Date.now();
  const last = relationLines(await portal.getEntity(lastAccount));
  const size = await catalogSize(db, dir);
  console.log(
    [
      '',
      `Catalog sync of data set ${dataset} (${total} AWS entities):`,
      `  sync start -> snapshot stored:      ${seconds(stored - started)}`,
      `  sync start -> all entities committed: ${seconds(committed - started)}`,
      `  sync start -> all accounts visible:   ${seconds(visible - started)}`,
      `  sync start -> processed and stitched: ${seconds(stitched - started)}`,
      `  last account ${lastAccount}: ${last.length} relations (${[
        ...new Set(last.map(l => l.split(' ')[0])),
      ].join(', ')})`,
      `  catalog database size: ${mib(size)}`,
      `  peak RSS: ${mib(process.resourceUsage().maxRSS * 1024)}`,
    ].join('\n'),
  );
  await db.destroy();
  await portal.backend.stop();
  await emu.close();
  if (!postgres) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
