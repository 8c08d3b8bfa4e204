/*
 * Benchmark of the signals reader (issue #18) against the emulator:
 *
 *   yarn bench:signals [--dataset S|M|L] [--extra-findings N] [--latency-ms N]
 *                      [--pages N]
 *
 * Starts the emulator in this process with the data set (and N more
 * active findings per account, to show that the calls do not grow with
 * the findings), then reads all four sources once as a sync does, through
 * the real SDK over HTTP, and prints the AWS calls per service and
 * operation as the emulator counted them (role sessions and the
 * Organizations listings of trusted access and delegated administrators
 * included), the findings the emulator holds, and the wall time. Then it
 * reads the findings page of N accounts on demand (cache empty) and
 * prints the time per page. Exits 1 when a sync needs 100 calls or more,
 * or a source is not connected.
 */
import { execSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import {
  addSecurityHubFinding,
  CONFIG_AGGREGATOR_NAME,
  IAM_READER_ROLE,
  startEmulator,
} from '@aws-governance/aws-emulator';
import {
  DescribeOrganizationCommand,
  ListDelegatedAdministratorsCommand,
  OrganizationsClient,
  paginateListAccounts,
} from '@aws-sdk/client-organizations';
import { createAwsOrganizationsClientsFromSettings } from '../src';
import { ReadContext } from '../src/reader/context';
import { resolveRateLimits } from '../src/reader/rateLimit';
import { createSignalsReader } from '../src/reader/signals/signalsReader';
import type { SignalsConfig } from '../src/config/signals';
import { StderrLogger } from './stderrLogger';

const sum = (o: Record<string, number>) =>
  Object.values(o).reduce((a, b) => a + b, 0);

function percentile(sorted: number[], p: number) {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

async function main() {
  const { values } = parseArgs({
    options: {
      dataset: { type: 'string', default: 'L' },
      'extra-findings': { type: 'string', default: '0' },
      'latency-ms': { type: 'string' },
      pages: { type: 'string', default: '20' },
    },
  });
  const built = Date.now();
  const emulator = await startEmulator({
    dataset: values.dataset as never,
    latencyMs: values['latency-ms'] ? Number(values['latency-ms']) : undefined,
  });
  const extra = Number(values['extra-findings']);
  const active = [...emulator.state.accounts.values()].filter(
    a => a.state === 'ACTIVE',
  );
  for (const account of active) {
    for (let n = 0; n < extra; n++) {
      addSecurityHubFinding(emulator.state, {
        accountId: account.id,
        productName: 'Inspector',
        severity: ['Critical', 'High', 'Medium', 'Low'][n % 4],
        title: `Extra finding ${n}`,
        resourceType: 'AWS::EC2::Instance',
        resourceUid: `arn:aws:ec2:us-east-1:${account.id}:instance/i-extra${n}`,
        firstSeen: new Date(Date.now() - (n % 60) * 86_400_000),
      });
    }
  }
  const findings = emulator.state.signals!.securityHub.findings.length;
  process.stderr.write(
    `emulator: data set ${values.dataset}, ${
      emulator.state.accounts.size
    } accounts, ${findings} Security Hub findings (built in ${
      Date.now() - built
    } ms)\n`,
  );
  const url = emulator.url;
  const credentials = { accessKeyId: 'bench', secretAccessKey: 'x' };
  try {
    const organizations = new OrganizationsClient({
      endpoint: url,
      region: 'us-east-1',
      credentials,
    });
    const accountIds: string[] = [];
    for await (const page of paginateListAccounts(
      { client: organizations },
      {},
    )) {
      accountIds.push(...(page.Accounts ?? []).map(a => a.Id!));
    }
    const { Organization } = await organizations.send(
      new DescribeOrganizationCommand({}),
    );
    const { DelegatedAdministrators } = await organizations.send(
      new ListDelegatedAdministratorsCommand({
        ServicePrincipal: 'securityhub.amazonaws.com',
      }),
    );
    organizations.destroy();
    const admin = DelegatedAdministrators![0].Id!;
    const role = {
      accountId: admin,
      roleName: IAM_READER_ROLE.name,
      externalId: IAM_READER_ROLE.externalId,
      region: 'us-east-1',
    };
    const signals: SignalsConfig = {
      securityHub: role,
      accessAnalyzer: role,
      config: { ...role, aggregatorName: CONFIG_AGGREGATOR_NAME },
      cloudTrail: { region: 'us-east-1' },
      agedFindingDays: [30],
    };
    const logger = new StderrLogger('warn');
    const endpoints = {
      organizations: url,
      sts: url,
      securityHub: url,
      accessAnalyzer: url,
      config: url,
      cloudTrail: url,
    };
    const reader = createSignalsReader({
      signals,
      region: 'us-east-1',
      endpoints,
      credentials: async () => credentials,
      logger,
    });
    const clients = createAwsOrganizationsClientsFromSettings({
      region: 'us-east-1',
      endpoints,
      credentials: async () => credentials,
    });
    emulator.resetStats();
    const ctx = new ReadContext({
      clients,
      logger,
      rateLimits: resolveRateLimits(),
      maxAttempts: 6,
    });
    const started = performance.now();
    const snapshot = await reader.read(ctx, {
      organizationId: Organization!.Id!,
      accountIds,
    });
    const wall = performance.now() - started;
    const calls = emulator.stats().calls;
    const lines = Object.entries(calls)
      .filter(([, ops]) => sum(ops) > 0)
      .map(
        ([service, ops]) =>
          `  ${service}: ${sum(ops)} (${Object.entries(ops)
            .map(([op, n]) => `${op} ${n}`)
            .join(', ')})`,
      );
    const total = sum(
      Object.fromEntries(Object.entries(calls).map(([s, o]) => [s, sum(o)])),
    );
    const statuses = Object.entries(snapshot.sources).map(
      ([s, v]) =>
        `${s} ${
          v.status === 'connected'
            ? `connected (${v.calls} calls)`
            : `${v.reason}: ${v.message}`
        }`,
    );
    const load = execSync('uptime').toString().trim();
    process.stdout.write(
      `${[
        `signals sync, data set ${values.dataset}: ${accountIds.length} accounts, ${findings} findings`,
        `AWS calls: ${total} (${total < 100 ? 'under 100' : 'NOT under 100'})`,
        ...lines,
        `sources: ${statuses.join('; ')}`,
        `accounts with findings: ${
          Object.keys(snapshot.findings).length
        }; with Config data: ${Object.keys(snapshot.config).length}`,
        `wall: ${Math.round(wall)} ms`,
      ].join('\n')}\n`,
    );

    // On demand: the findings page of accounts, each with an empty cache.
    const withFindings = Object.keys(snapshot.findings).slice(
      0,
      Number(values.pages),
    );
    const times: number[] = [];
    let pageCalls = 0;
    for (const accountId of withFindings) {
      const fresh = createSignalsReader({
        signals,
        region: 'us-east-1',
        endpoints,
        credentials: async () => credentials,
        logger,
      });
      await fresh.readAccountFindings(withFindings[0], { limit: 1 }); // role session
      emulator.resetStats();
      const t = performance.now();
      const page = await fresh.readAccountFindings(accountId, { limit: 50 });
      times.push(performance.now() - t);
      pageCalls += sum(emulator.stats().calls.securityHub);
      if (page.notConnected.length)
        throw new Error(JSON.stringify(page.notConnected));
    }
    times.sort((a, b) => a - b);
    process.stdout.write(
      `on-demand findings page (limit 50, cache empty, session ready), ${
        times.length
      } accounts: p50 ${Math.round(percentile(times, 50))} ms, p95 ${Math.round(
        percentile(times, 95),
      )} ms, max ${Math.round(times[times.length - 1])} ms; ${(
        pageCalls / Math.max(1, times.length)
      ).toFixed(1)} calls per page\nload: ${load}\n`,
    );
    const failed = Object.values(snapshot.sources).some(
      s => s.status !== 'connected',
    );
    if (total >= 100 || failed) process.exitCode = 1;
  } finally {
    await emulator.close();
  }
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
