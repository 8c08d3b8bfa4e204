/*
 * Benchmark of the reader against the emulator:
 *
 *   yarn bench:sync --dataset S|M|L [--latency-ms N] [--runs N]
 *     [--server-tps N] [--server-organizations-tps N]
 *     [--server-identity-center-tps N] [--reader-tps N] [--tps N]
 *     [--rate-control aimd|sdk-adaptive] [--anchor]
 *     [--roles config-aggregator|account-role] [--server-roles-tps N]
 *
 * Starts the emulator in a child process (so the reader's peak RSS is its
 * own) with server-side limits the reader is not told (--server-*: per
 * service, Organizations alone, or one collective Identity Center bucket),
 * reads snapshots through the real SDK over HTTP (--runs times, the
 * emulator's counters reset in between), checks each against the
 * emulator's counts and prints calls against the lower bound, wall time
 * against the server's floor, and throttled calls as the emulator counted
 * them. --reader-tps caps the reader (awsOrganizations.rateLimits);
 * --tps N is both (server per service and reader cap, as before). --anchor
 * first times the simplest sequential reader of accounts and tags. Any
 * failed or incomplete read, and a run that ends without printing its
 * summary, exits 1. --roles reads the roles part too (issue #17), from
 * the emulator's Config aggregator or its read-only role in each account,
 * with its calls against the roles source's lower bound; a read with
 * fewer roles than the emulator holds, or an active account whose roles
 * are unknown, fails. --server-roles-tps limits IAM, STS and Config on
 * the server (each its own bucket), which the reader is not told.
 */
import { parseArgs } from 'node:util';
import type { RateLimitOptions } from '@aws-governance/aws-emulator';
import {
  snapshotCounts,
  type OrganizationSnapshot,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  CONFIG_AGGREGATOR_NAME,
  IAM_READER_ROLE,
} from '@aws-governance/aws-emulator';
import {
  createAwsOrganizationsClientsFromSettings,
  readOrganizationSnapshot,
} from '../src';
import type { RolesSourceConfig } from '../src/config/reader';
import {
  createIamRolesReader,
  type IamRolesReader,
} from '../src/reader/roles/rolesReader';
import type { CallBound } from './lowerBound';
import { readAccountsOnePageAtATime } from './anchor';
import { BenchServer, serverFloorSeconds } from './benchServer';
import { RunResult, formatRun, formatSummary } from './benchReport';
import { StderrLogger } from './stderrLogger';

const SERVICES = ['organizations', 'ssoAdmin', 'identityStore'] as const;

function actualCounts(snapshot: OrganizationSnapshot): Record<string, number> {
  const ic = snapshot.identityCenter;
  return {
    ...snapshotCounts(snapshot),
    memberships: ic.status === 'available' ? ic.memberships.length : 0,
  };
}

function positive(value: string | undefined, name: string) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    throw new Error(`--${name} must be a positive number, got ${value}`);
  }
  return n;
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      dataset: { type: 'string', default: 'S' },
      seed: { type: 'string' },
      'latency-ms': { type: 'string' },
      runs: { type: 'string', default: '1' },
      tps: { type: 'string' },
      'server-tps': { type: 'string' },
      'server-organizations-tps': { type: 'string' },
      'server-identity-center-tps': { type: 'string' },
      'reader-tps': { type: 'string' },
      'rate-control': { type: 'string' },
      anchor: { type: 'boolean', default: false },
      roles: { type: 'string' },
      'server-roles-tps': { type: 'string' },
    },
  });
  const roles = values.roles;
  if (roles && !['config-aggregator', 'account-role'].includes(roles)) {
    throw new Error('--roles must be config-aggregator or account-role');
  }
  const both = positive(values.tps, 'tps');
  const serverTps = positive(values['server-tps'], 'server-tps') ?? both;
  const server: RateLimitOptions = {};
  if (serverTps) {
    for (const s of SERVICES) server[s] = { tps: serverTps, burst: serverTps };
  }
  const orgTps = positive(
    values['server-organizations-tps'],
    'server-organizations-tps',
  );
  if (orgTps) server.organizations = { tps: orgTps, burst: orgTps };
  const icTps = positive(
    values['server-identity-center-tps'],
    'server-identity-center-tps',
  );
  if (icTps) server.identityCenter = { tps: icTps, burst: icTps };
  const rolesTps = positive(values['server-roles-tps'], 'server-roles-tps');
  if (rolesTps) {
    for (const s of ['iam', 'sts', 'config'] as const) {
      server[s] = { tps: rolesTps, burst: rolesTps };
    }
  }
  const readerTps = positive(values['reader-tps'], 'reader-tps') ?? both;
  const rateControl = values['rate-control'];
  if (rateControl && !['aimd', 'sdk-adaptive'].includes(rateControl)) {
    throw new Error('--rate-control must be aimd or sdk-adaptive');
  }
  return {
    dataset: values.dataset,
    seed: values.seed ? Number(values.seed) : undefined,
    latencyMs: positive(values['latency-ms'], 'latency-ms'),
    runs: positive(values.runs, 'runs') ?? 1,
    server,
    readerTps,
    rateControl: rateControl as 'aimd' | 'sdk-adaptive' | undefined,
    anchor: values.anchor,
    roles: roles as RolesSourceConfig['source'] | undefined,
  };
}

/** The roles source of the emulator's data set. */
function rolesSource(
  source: RolesSourceConfig['source'],
  server: BenchServer,
): RolesSourceConfig {
  return source === 'config-aggregator'
    ? {
        source,
        aggregatorName: CONFIG_AGGREGATOR_NAME,
        region: 'us-east-1',
        accountId: server.ready.aggregatorAccountId,
        roleName: IAM_READER_ROLE.name,
        externalId: IAM_READER_ROLE.externalId,
      }
    : {
        source,
        roleName: IAM_READER_ROLE.name,
        externalId: IAM_READER_ROLE.externalId,
        concurrency: 8,
      };
}

/** Roles read and active accounts whose roles are unknown. */
function rolesCounts(snapshot: OrganizationSnapshot) {
  const iam = snapshot.iam?.accounts ?? {};
  let roles = 0;
  let unknownActive = 0;
  for (const account of snapshot.accounts) {
    const part = iam[account.id];
    if (part?.status === 'known') roles += part.roles.length;
    else if (account.state === 'ACTIVE') unknownActive++;
  }
  return { roles, unknownActive };
}

async function readOnce(
  server: BenchServer,
  options: ReturnType<typeof parseOptions>,
  run: number,
  roles: IamRolesReader | undefined,
): Promise<RunResult> {
  const { url, expected } = server.ready;
  await server.resetStats();
  const clients = createAwsOrganizationsClientsFromSettings({
    region: 'us-east-1',
    endpoints: {
      organizations: url,
      ssoAdmin: url,
      identityStore: url,
      ...(options.roles ? { iam: url, sts: url, config: url } : {}),
    },
    credentials: async () => ({ accessKeyId: 'bench', secretAccessKey: 'x' }),
  });
  const started = performance.now();
  let organizationsDoneMs = 0;
  clients.organizations.middlewareStack.add(
    next => async args => {
      try {
        return await next(args);
      } finally {
        organizationsDoneMs = performance.now() - started;
      }
    },
    { step: 'deserialize', name: 'benchOrganizationsClock', priority: 'low' },
  );
  const caps = options.readerTps
    ? Object.fromEntries(
        [
          ...SERVICES,
          'identityCenter',
          ...(options.roles ? ['iam', 'sts', 'config'] : []),
        ].map(s => [s, { tps: options.readerTps, burst: options.readerTps }]),
      )
    : undefined;
  try {
    const snapshot = await Promise.race([
      readOrganizationSnapshot({
        clients,
        logger: new StderrLogger('error'),
        ...(caps ? { rateLimits: caps } : {}),
        ...(options.rateControl ? { rateControl: options.rateControl } : {}),
        ...(roles ? { roles } : {}),
      }),
      server.died,
    ]);
    const wallMs = performance.now() - started;
    const actual = actualCounts(snapshot);
    const mismatch = Object.entries(expected)
      .filter(([k, v]) => actual[k] !== v)
      .map(([k, v]) => `${k} ${actual[k]}/${v}`);
    if (options.roles) {
      const read = rolesCounts(snapshot);
      actual.roles = read.roles;
      if (read.roles !== server.ready.expectedRoles) {
        mismatch.push(`roles ${read.roles}/${server.ready.expectedRoles}`);
      }
      if (read.unknownActive > 0) {
        mismatch.push(`${read.unknownActive} active accounts' roles unknown`);
      }
    }
    return {
      run,
      ok: snapshot.complete && mismatch.length === 0,
      wallMs,
      organizationsPartMs: organizationsDoneMs,
      counts: actual,
      mismatch,
      snapshot,
      emulator: await server.stats(),
    };
  } catch (error) {
    return {
      run,
      ok: false,
      wallMs: performance.now() - started,
      organizationsPartMs: organizationsDoneMs,
      error: error instanceof Error ? error.message : String(error),
      emulator: await server.stats(),
    };
  } finally {
    for (const client of Object.values(clients)) client.destroy();
  }
}

/** Set once the summary is printed (or the failure reported). */
let finished = false;

async function main() {
  const options = parseOptions();
  const server = await BenchServer.start({
    dataset: options.dataset as never,
    seed: options.seed,
    latencyMs: options.latencyMs,
    rateLimit: options.server,
    withRoles: Boolean(options.roles),
  });
  const results: RunResult[] = [];
  try {
    // One roles reader for every run: its managed policy cache lives
    // across syncs, as in the backend.
    const roles = options.roles
      ? createIamRolesReader({
          source: rolesSource(options.roles, server),
          endpoints: { iam: server.ready.url, config: server.ready.url },
        })
      : undefined;
    const bound: CallBound = {
      ...server.ready.lowerBound,
      ...(options.roles ? server.ready.rolesLowerBound![options.roles] : {}),
    };
    const floorS = serverFloorSeconds(options.server, bound);
    process.stdout.write(
      `dataset ${options.dataset}; server limits ${JSON.stringify(
        options.server,
      )}; reader ${
        options.readerTps ? `capped at ${options.readerTps} TPS` : 'defaults'
      }${options.rateControl ? `, ${options.rateControl}` : ''}; latency ${
        options.latencyMs ?? 0
      } ms; roles ${options.roles ?? 'not read'}; server floor ${
        floorS?.toFixed(1) ?? 'n/a'
      } s\n`,
    );
    if (options.anchor) {
      const anchor = await readAccountsOnePageAtATime(server.ready.url);
      process.stdout.write(
        `anchor (ListAccounts pages, then each account's tags, one call at a time): ${
          anchor.accounts
        } accounts, ${anchor.calls} calls, ${(anchor.wallMs / 1000).toFixed(
          1,
        )} s\n`,
      );
    }
    for (let run = 1; run <= options.runs; run++) {
      const result = await readOnce(server, options, run, roles);
      results.push(result);
      process.stdout.write(`${formatRun(result, bound, floorS, run === 1)}\n`);
    }
    process.stdout.write(`${formatSummary(results, floorS)}\n`);
  } finally {
    await server.close();
  }
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`peak RSS of the reader ${peakRssMiB.toFixed(0)} MiB\n`);
  finished = true;
  if (results.some(r => !r.ok)) {
    process.exitCode = 1;
  }
}

process.on('beforeExit', () => {
  if (!finished) {
    process.stderr.write(
      'bench:sync ended without printing its summary: the read never settled\n',
    );
    process.exitCode = 1;
    finished = true;
  }
});

main().catch(error => {
  finished = true;
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
