/*
 * Benchmark of the roles reader (issue #17) against the emulator:
 *
 *   yarn bench:roles --dataset S|M|L --source account-role|config-aggregator
 *     [--server-tps N] [--latency-ms N]
 *
 * Starts the emulator in a child process (the reader's peak RSS is its
 * own), lists the accounts (not counted), then reads the roles part only,
 * through the real SDK over HTTP at the reader's adaptive rate, and prints
 * its calls against the lower bound of the source (the call plan), the
 * roles read against the emulator's, wall time and peak RSS. A read with
 * an unknown account, or fewer roles than the emulator holds, exits 1.
 */
import { parseArgs } from 'node:util';
import {
  OrganizationsClient,
  paginateListAccounts,
} from '@aws-sdk/client-organizations';
import type { Account } from '@aws-governance/plugin-aws-organizations-common';
import { StderrLogger } from './stderrLogger';
import {
  CONFIG_AGGREGATOR_NAME,
  IAM_READER_ROLE,
} from '@aws-governance/aws-emulator';
import { createAwsOrganizationsClientsFromSettings } from '../src';
import { ReadContext } from '../src/reader/context';
import { resolveRateLimits } from '../src/reader/rateLimit';
import { createIamRolesReader } from '../src/reader/roles/rolesReader';
import type { RolesSourceConfig } from '../src/config/reader';
import { BenchServer } from './benchServer';

async function main() {
  const { values } = parseArgs({
    options: {
      dataset: { type: 'string', default: 'S' },
      source: { type: 'string', default: 'account-role' },
      'server-tps': { type: 'string' },
      'latency-ms': { type: 'string' },
    },
  });
  const tps = values['server-tps'] ? Number(values['server-tps']) : undefined;
  const server = await BenchServer.start({
    dataset: values.dataset as never,
    latencyMs: values['latency-ms'] ? Number(values['latency-ms']) : undefined,
    rateLimit: tps
      ? Object.fromEntries(
          ['iam', 'sts', 'config'].map(s => [s, { tps, burst: tps }]),
        )
      : undefined,
    withRoles: true,
  });
  try {
    const { url } = server.ready;
    const credentials = { accessKeyId: 'bench', secretAccessKey: 'x' };
    const organizations = new OrganizationsClient({
      endpoint: url,
      region: 'us-east-1',
      credentials,
    });
    const accounts: Account[] = [];
    for await (const page of paginateListAccounts(
      { client: organizations },
      {},
    )) {
      for (const a of page.Accounts ?? []) {
        accounts.push({ id: a.Id!, arn: a.Arn!, state: a.State } as Account);
      }
    }
    organizations.destroy();
    const source: RolesSourceConfig =
      values.source === 'config-aggregator'
        ? {
            source: 'config-aggregator',
            aggregatorName: CONFIG_AGGREGATOR_NAME,
            region: 'us-east-1',
            accountId: server.ready.aggregatorAccountId,
            roleName: IAM_READER_ROLE.name,
            externalId: IAM_READER_ROLE.externalId,
          }
        : {
            source: 'account-role',
            roleName: IAM_READER_ROLE.name,
            externalId: IAM_READER_ROLE.externalId,
            concurrency: 8,
          };
    const clients = createAwsOrganizationsClientsFromSettings({
      region: 'us-east-1',
      endpoints: { iam: url, sts: url, config: url },
      credentials: async () => credentials,
    });
    const ctx = new ReadContext({
      clients,
      logger: new StderrLogger('error'),
      rateLimits: resolveRateLimits(),
      maxAttempts: 6,
    });
    await server.resetStats();
    const started = performance.now();
    const iam = await createIamRolesReader({
      source,
      endpoints: { iam: url, config: url },
    }).read(ctx, accounts, Promise.resolve({ status: 'not-enabled' }));
    const wallS = (performance.now() - started) / 1000;
    const states = Object.values(iam.accounts);
    const known = states.filter(a => a.status === 'known');
    const roles = known.reduce(
      (n, a) => n + (a.status === 'known' ? a.roles.length : 0),
      0,
    );
    const stats = ctx.stats.snapshot();
    const bound = server.ready.rolesLowerBound![source.source];
    process.stdout.write(
      `dataset ${values.dataset}; source ${source.source}; server ${
        tps ? `${tps} TPS per service` : 'unlimited'
      }\n`,
    );
    process.stdout.write(
      '| service.operation | calls | lower bound |\n|---|---:|---:|\n',
    );
    let calls = 0;
    let lower = 0;
    for (const service of ['sts', 'iam', 'config']) {
      const ops = new Set([
        ...Object.keys(stats.calls[service] ?? {}),
        ...Object.keys(bound[service] ?? {}),
      ]);
      for (const op of [...ops].sort()) {
        const c = stats.calls[service]?.[op] ?? 0;
        const b = bound[service]?.[op] ?? 0;
        calls += c;
        lower += b;
        process.stdout.write(`| ${service}.${op} | ${c} | ${b} |\n`);
      }
    }
    process.stdout.write(
      `| total | ${calls} | ${lower} (${(calls / Math.max(1, lower)).toFixed(
        3,
      )}) |\n`,
    );
    const expected = server.ready.expectedRoles;
    process.stdout.write(
      `accounts known ${known.length}, unknown ${
        states.length - known.length
      }; roles ${roles}/${expected}; managed policies ${
        iam.managedPolicies.length
      }; retries ${stats.retries}, throttles ${
        stats.throttles
      }; rates ${JSON.stringify(ctx.rateSummaries())}\n`,
    );
    process.stdout.write(
      `wall ${wallS.toFixed(1)} s; peak RSS of the reader ${(
        process.resourceUsage().maxRSS / 1024
      ).toFixed(0)} MiB\n`,
    );
    for (const client of Object.values(clients)) client?.destroy();
    const active = accounts.filter(a => a.state === 'ACTIVE').length;
    if (roles !== expected || known.length < active) process.exitCode = 1;
  } finally {
    await server.close();
  }
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
