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
 *                      [--until stitched|committed]
 *                      [--roles config-aggregator|account-role]
 *                      [--log error|warn|info|debug]
 *
 * `--roles` reads the roles part too (issue #17: the emulator's 150,000
 * roles at L, from its Config aggregator or its read-only role in each
 * account), so the sync builds the reach index and the catalog gets what
 * the roles part adds to it (no entity per role).
 *
 * `--until committed` stops once the provider's mutation is committed (the
 * sync and the provider are done; the catalog's processing is not awaited).
 *
 * The read is not what is measured here (yarn bench:sync is for that): the
 * emulator answers without latency or throttling and the reader's
 * client-side limits are raised (the backend config has no key for them).
 *
 * The emulator runs in a child process (its command line), so the peak RSS
 * printed at the end is the backend's alone (this process: the backend
 * plugin, the catalog and this module); the emulator's is printed apart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import knexFactory, { Knex } from 'knex';
import {
  CONFIG_AGGREGATOR_NAME,
  IAM_READER_ROLE,
  type DatasetName,
} from '@aws-governance/aws-emulator';
import { AWS_ENTITY_TYPES } from '@aws-governance/plugin-aws-organizations-common';
import type { AccountRoleReach } from '@aws-governance/plugin-aws-organizations-common';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
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
    until: { type: 'string', default: 'stitched' },
    roles: { type: 'string' },
    log: { type: 'string' },
  },
});
if (
  values.roles !== undefined &&
  values.roles !== 'config-aggregator' &&
  values.roles !== 'account-role'
) {
  throw new Error('--roles must be config-aggregator or account-role');
}
const rolesSource = values.roles;
if (values.until !== 'stitched' && values.until !== 'committed') {
  throw new Error('--until must be stitched or committed');
}
const untilCommitted = values.until === 'committed';
const dataset = values.dataset as DatasetName;
const postgres = values.postgres;

/** Reader limits far above what the emulator needs to answer. */
const FAST = { tps: 100_000, burst: 1_000, concurrency: 32 };

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
/** This process's memory now: RSS, the JS heap and memory outside it. */
function memoryNow(): string {
  const m = process.memoryUsage();
  return `RSS ${mib(m.rss)} (heap ${mib(m.heapUsed)} used of ${mib(
    m.heapTotal,
  )}, external ${mib(m.external)})`;
}
/** This process's peak resident set size so far, in bytes. */
const maxRss = () => process.resourceUsage().maxRSS * 1024;

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

const EMULATOR_BIN = path.resolve(
  __dirname,
  '../../../packages/aws-emulator/bin/aws-emulator',
);

/** What the emulator's command line prints once it listens. */
interface EmulatorChild {
  child: ChildProcess;
  url: string;
  expected: Record<string, number>;
  /** The account of the Config aggregator. */
  aggregatorAccountId?: string;
}

/** Starts the emulator's command line on a free port and waits for it. */
function startEmulatorChild(): Promise<EmulatorChild> {
  const child = spawn(
    process.execPath,
    [EMULATOR_BIN, '--dataset', dataset, '--port', '0'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', code =>
      reject(new Error(`the emulator exited with ${code} before listening`)),
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (\S+)/.exec(out)?.[1];
      const counts = /^Counts: (.*)$/m.exec(out)?.[1];
      const aggregator = /^Config aggregator: \S+ in (\d{12})$/m.exec(out);
      if (url && counts && aggregator) {
        child.stdout!.removeAllListeners('data');
        child.stdout!.resume();
        resolve({
          child,
          url,
          expected: JSON.parse(counts),
          aggregatorAccountId: aggregator[1],
        });
      }
    });
  });
}

/** A process's peak resident set size (Linux), or undefined. */
function peakRss(pid: number | undefined): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
    return kib === undefined ? undefined : Number(kib) * 1024;
  } catch {
    return undefined;
  }
}

async function stopEmulatorChild({ child }: EmulatorChild) {
  if (child.exitCode !== null) return;
  child.removeAllListeners('exit');
  const exited = new Promise(resolve => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function main() {
  await dropPostgresDatabases();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-catalog-'));
  const emu = await startEmulatorChild();
  const expected = emu.expected;
  console.log(
    `Data set ${dataset}: ${expected.accounts} accounts, ${
      expected.organizationalUnits
    } OUs, ${expected.policies} SCPs, ${
      expected.permissionSets
    } permission sets, ${expected.assignments} assignments; roles ${
      rolesSource ?? 'not read'
    }; database ${postgres ? 'PostgreSQL' : `SQLite files in ${dir}`}`,
  );
  const config = portalConfig(emu, {
    backend: { database: databaseConfig(dir) },
    catalog: {
      rules: [{ allow: ['Component', 'Resource', 'Location', 'Group'] }],
    },
  });
  const aws = config.awsOrganizations as JsonObject;
  aws.rateLimits = {
    organizations: FAST,
    ssoAdmin: FAST,
    identityStore: FAST,
    ...(rolesSource ? { iam: FAST, sts: FAST, config: FAST } : {}),
  };
  if (rolesSource) {
    aws.endpoints = {
      ...(aws.endpoints as JsonObject),
      iam: emu.url,
      sts: emu.url,
      config: emu.url,
    };
    aws.roles =
      rolesSource === 'config-aggregator'
        ? {
            source: rolesSource,
            aggregatorName: CONFIG_AGGREGATOR_NAME,
            accountId: emu.aggregatorAccountId!,
            roleName: IAM_READER_ROLE.name,
            externalId: IAM_READER_ROLE.externalId,
          }
        : {
            source: rolesSource,
            roleName: IAM_READER_ROLE.name,
            externalId: IAM_READER_ROLE.externalId,
          };
  }
  const portal = await startPortal({
    config,
    features: [
      databaseServiceFactory,
      // The backend's own log (silent by default): `--log warn` shows why a
      // provider refresh or a catalog step did not happen.
      ...(values.log
        ? [
            mockServices.rootLogger.factory({
              level: values.log as 'error' | 'warn' | 'info' | 'debug',
            }),
          ]
        : []),
    ],
  });
  const db = catalogDb(dir);
  const byType = (type: string) =>
    portal.countEntities(`kind=resource,spec.type=${type}`);
  const total =
    expected.accounts +
    expected.organizationalUnits +
    1 +
    expected.policies +
    expected.permissionSets;

  const started = Date.now();
  const sampler = setInterval(
    () =>
      console.log(`${seconds(Date.now() - started)}: syncing, ${memoryNow()}`),
    5_000,
  );
  const status = await portal
    .syncNow(60 * 60_000)
    .finally(() => clearInterval(sampler));
  const stored = Date.now();
  const rssStored = maxRss();
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
  console.log(
    `Snapshot counts ${JSON.stringify(status.lastAttempt.counts)}; warnings ${
      status.lastAttempt.warnings?.length ?? 0
    }`,
  );
  if (rolesSource) {
    // The roles part as the Access tab reads it: the ways into the
    // security account (the aggregator's) (the reach index is built for the snapshot by now: the role
    // rules of the sync's compliance run used it).
    const res = await fetch(
      `${portal.base}/aws-organizations/accounts/${emu.aggregatorAccountId}/role-reach?limit=1`,
      { headers: { Authorization: mockCredentials.user.header() } },
    );
    const reach = (await res.json()) as AccountRoleReach;
    console.log(
      `Role reach of ${emu.aggregatorAccountId}: ${reach.status}, ${reach.totalCount} ways in, accounts with unknown roles ${reach.incomplete?.count}`,
    );
  }

  let committed: number | undefined;
  let rssCommitted: number | undefined;
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
      rssCommitted = maxRss();
    }
    const accounts = await byType(AWS_ENTITY_TYPES.account);
    if (visible === undefined && accounts === expected.accounts) {
      visible = now;
    }
    console.log(
      `${seconds(now - started)}: ${JSON.stringify(
        progress,
      )}, accounts visible ${accounts}, ${memoryNow()}`,
    );
    if (untilCommitted && committed !== undefined) break;
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
  const since = (t: number | undefined) =>
    t === undefined ? 'not awaited' : seconds(t - started);
  const lines = [
    '',
    `Catalog sync of data set ${dataset} (${total} AWS entities):`,
    `  sync start -> snapshot stored:        ${since(stored)}`,
    `  sync start -> all entities committed: ${since(committed)}`,
  ];
  if (!untilCommitted) {
    // Account entity names end in the account id: the last by name is the
    // account with the highest id.
    const lastAccount = await portal.findRef(
      `kind=resource,spec.type=${AWS_ENTITY_TYPES.account}`,
      'metadata.name,desc',
    );
    const last = relationLines(
      lastAccount ? await portal.getEntity(lastAccount) : undefined,
    );
    lines.push(
      `  sync start -> all accounts visible:   ${since(visible)}`,
      `  sync start -> processed and stitched: ${since(stitched)}`,
      `  last account ${lastAccount}: ${last.length} relations (${[
        ...new Set(last.map(l => l.split(' ')[0])),
      ].join(', ')})`,
    );
  }
  const emulatorRss = peakRss(emu.child.pid);
  lines.push(
    `  catalog database size: ${mib(await catalogSize(db, dir))}`,
    `  peak RSS of the backend (this process): ${mib(maxRss())}`,
    `    by the snapshot stored: ${mib(rssStored)}; by all committed: ${
      rssCommitted === undefined ? '?' : mib(rssCommitted)
    }`,
    `  peak RSS of the emulator (child process): ${
      emulatorRss === undefined ? '?' : mib(emulatorRss)
    }`,
  );
  console.log(lines.join('\n'));
  await db.destroy();
  await portal.backend.stop();
  await stopEmulatorChild(emu);
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
