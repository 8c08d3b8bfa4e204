/*
 * The findings routes at data set L (5,000 accounts, ~21,000 findings):
 *
 *   yarn bench:findings [--accounts 20] [--limit 50]
 *
 * Starts the AWS emulator with L and every signal source, syncs once into
 * a SQLite store as the plugin does (the sync engine, the one signals
 * reader the routes share), then serves the findings routes over HTTP
 * and times, for the accounts with the most findings and as many others:
 * `GET /accounts/:id/findings` on demand (the reader's cache empty: one
 * GetFindingsV2 through the real SDK), the same again (cached), and
 * `GET /accounts/:id/findings/counts`; then `GET /findings/rollup` and a
 * team's findings. The permission decision is a stub that allows (in a
 * deployment it is one call to the permission backend per request), so
 * the figures are the route, the view and the AWS read. Prints the AWS
 * calls of the sync's signals read and `uptime`'s load.
 */
import { parseArgs } from 'node:util';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import knexFactory from 'knex';
import { ConfigReader } from '@backstage/config';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { loadAverage, stderrLogger } from './benchSetup';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import {
  CONFIG_AGGREGATOR_NAME,
  IAM_READER_ROLE,
  startEmulator,
} from '@aws-governance/aws-emulator';
import {
  OrganizationsClient,
  ListDelegatedAdministratorsCommand,
} from '@aws-sdk/client-organizations';
import {
  createSignalsReaderFromConfig,
  readAwsOrganizationsConfig,
} from '@aws-governance/plugin-aws-organizations-node';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import {
  builtInComplianceRules,
  createComplianceEngine,
} from '../src/compliance';
import { createComplianceReportCache } from '../src/compliance/reportCache';
import { createGovernanceState } from '../src/governance/createGovernanceState';
import { totalFindings } from './benchFindingsData';
import { AwsOrganizationsStore } from '../src/store/AwsOrganizationsStore';
import { createSyncEngine } from '../src/sync/createSyncEngine';
import { createReaderSource } from '../src/sync/readerSource';
import { EMPTY_DIRECTORY } from '../src/resolution/types';
import { createFindingsRouter } from '../src/routes/findingsRouter';
import type { AccountPermissions } from '../src/routes/accountPermissions';
import type { RouteAuth } from '../src/routes/authorize';

const credentials = { accessKeyId: 'AKIDBENCH', secretAccessKey: 'x' };

const { values: args } = parseArgs({
  options: {
    accounts: { type: 'string', default: '20' },
    limit: { type: 'string', default: '50' },
  },
});

const logger = stderrLogger;

function percentile(sorted: number[], p: number): number {
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

function summary(label: string, times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  process.stdout.write(
    `${label.padEnd(44)} n=${String(sorted.length).padStart(
      3,
    )}  p50 ${percentile(sorted, 50).toFixed(0)} ms  p95 ${percentile(
      sorted,
      95,
    ).toFixed(0)} ms  max ${sorted[sorted.length - 1].toFixed(0)} ms\n`,
  );
}

async function main() {
  process.stdout.write(`load average at start: ${loadAverage()}\n`);
  const emu = await startEmulator({ dataset: 'L' });
  const url = emu.url;
  const organizations = new OrganizationsClient({
    endpoint: url,
    region: 'us-east-1',
    credentials,
  });
  const { DelegatedAdministrators } = await organizations.send(
    new ListDelegatedAdministratorsCommand({
      ServicePrincipal: 'securityhub.amazonaws.com',
    }),
  );
  organizations.destroy();
  const role = {
    accountId: DelegatedAdministrators![0].Id!,
    roleName: IAM_READER_ROLE.name,
    externalId: IAM_READER_ROLE.externalId,
  };
  const rootConfig = new ConfigReader({
    aws: { mainAccount: credentials },
    awsOrganizations: {
      region: 'us-east-1',
      endpoints: Object.fromEntries(
        [
          'organizations',
          'ssoAdmin',
          'identityStore',
          'sts',
          'securityHub',
          'accessAnalyzer',
          'config',
          'cloudTrail',
        ].map(k => [k, url]),
      ),
      rateLimits: {
        organizations: { tps: 2000, burst: 2000 },
        identityCenter: { tps: 2000, burst: 2000 },
      },
      signals: {
        securityHub: role,
        accessAnalyzer: role,
        config: { ...role, aggregatorName: CONFIG_AGGREGATOR_NAME },
        cloudTrail: {},
      },
    },
  });
  const config = readAwsOrganizationsConfig(rootConfig);
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  const database: DatabaseService = {
    getClient: async () => knex,
    migrations: { skip: false },
  };
  const store = await AwsOrganizationsStore.create(database);
  const signals = createSignalsReaderFromConfig(rootConfig, {
    logger,
    readerConfig: config.reader,
  })!;
  const reader = createReaderSource({
    config: rootConfig,
    reader: config.reader,
    logger,
    signals,
  });
  const compliance = createComplianceReportCache(
    createComplianceEngine({ rules: builtInComplianceRules }),
  );
  const engine = createSyncEngine({
    config,
    store,
    logger,
    events: DefaultEventsService.create({ logger }).forPlugin(
      'aws-organizations',
    ),
    readSnapshot: reader.full,
    readDirectory: async () => EMPTY_DIRECTORY,
    compliance,
  });
  const start = performance.now();
  const run = await engine.run();
  if (run.status !== 'succeeded') throw new Error(run.errors.join('; '));
  const signalCalls = Object.entries(run.stats?.calls ?? {})
    .filter(([service]) =>
      ['securityHub', 'accessAnalyzer', 'config', 'cloudTrail'].includes(
        service,
      ),
    )
    .flatMap(([, ops]) => Object.values(ops))
    .reduce((a, b) => a + b, 0);
  process.stdout.write(
    `sync of L with signals: ${run.status}, ${(
      (performance.now() - start) /
      1000
    ).toFixed(
      1,
    )} s, ${signalCalls} calls to the four detector services (reader's count)\n`,
  );

  const governance = createGovernanceState({
    store,
    compliance,
    logger,
    namespace: 'default',
  });
  const view = (await governance.current())!;
  const auth: RouteAuth = {
    credentials: async () =>
      ({
        $$type: '@backstage/BackstageCredentials',
        principal: { type: 'user', userEntityRef: 'user:default/bench' },
      } as any),
    downloadCredentials: async () => ({} as any),
    isAllowed: async () => true,
    require: async () => {},
  };
  const permissions: AccountPermissions = {
    allowed: async (_c, _p, ids) => new Set(ids),
    admitted: async () => ({ kind: 'all' }),
  };
  const app = express();
  app.use(
    createFindingsRouter({
      auth,
      permissions,
      state: governance,
      store: store.findingCounts,
      signals,
    }),
  );
  app.use(MiddlewareFactory.create({ config: rootConfig, logger }).error());
  const server = createServer(app);
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path: string) => {
    const t = performance.now();
    const res = await fetch(`${base}${path}`);
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${body}`);
    return { ms: performance.now() - t, body };
  };

  const n = Number(args.accounts);
  const byFindings = totalFindings(view.snapshot);
  const busiest = byFindings.slice(0, n).map(([id]) => id);
  const others = byFindings
    .slice(n)
    .filter((_, i) => i % Math.max(1, Math.floor(byFindings.length / n)) === 0)
    .slice(0, n)
    .map(([id]) => id);
  process.stdout.write(
    `findings in the emulator: ${
      emu.state.signals!.securityHub.findings.length
    }; most in one account: ${byFindings[0]?.[1] ?? 0}\n`,
  );
  for (const [label, ids] of [
    ['busiest accounts', busiest],
    ['other accounts', others],
  ] as const) {
    const cold: number[] = [];
    const warm: number[] = [];
    const counts: number[] = [];
    let returned = 0;
    for (const id of ids) {
      const first = await get(`/accounts/${id}/findings?limit=${args.limit}`);
      cold.push(first.ms);
      returned += JSON.parse(first.body).findings.length;
      warm.push((await get(`/accounts/${id}/findings?limit=${args.limit}`)).ms);
      counts.push((await get(`/accounts/${id}/findings/counts`)).ms);
    }
    summary(`GET findings, ${label}, on demand`, cold);
    summary(`GET findings, ${label}, cached`, warm);
    summary(`GET findings/counts, ${label}`, counts);
    process.stdout.write(`  (${returned} findings returned in all)\n`);
  }
  const rollups: number[] = [];
  for (let i = 0; i < 5; i++) rollups.push((await get('/findings/rollup')).ms);
  summary('GET /findings/rollup (5,000 accounts)', rollups);
  const teamRef = Object.values(view.resolution.accountOwners).find(
    o => o.ref,
  )?.ref;
  if (teamRef) {
    const [, rest] = teamRef.split(':');
    const team = await get(`/teams/${rest}/findings`);
    const parsed = JSON.parse(team.body);
    process.stdout.write(
      `GET /teams/${rest}/findings: ${team.ms.toFixed(0)} ms, ${
        parsed.accounts.length
      } accounts, ${parsed.findings.length} findings\n`,
    );
  }
  process.stdout.write(`load average at end: ${loadAverage()}\n`);
  server.close();
  await knex.destroy();
  await emu.close();
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
