/*
 * Benchmark of the reader against the emulator:
 *
 *   yarn bench:sync --dataset S|M|L [--latency-ms N] [--tps N]
 *
 * Starts the emulator in a child process (so the reader's peak RSS is its
 * own), reads a snapshot through the real SDK over HTTP, checks it is
 * complete against the emulator's counts, and prints per service the API
 * calls against the lower bound and the wall time against the rate-limit
 * floor (max over services of calls / TPS).
 */
import { fork } from 'node:child_process';
import { parseArgs } from 'node:util';
import {
  snapshotCounts,
  type OrganizationSnapshot,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  AwsServiceName,
  DEFAULT_READER_RATE_LIMITS,
  ServiceRateLimit,
  createAwsOrganizationsClientsFromSettings,
  readOrganizationSnapshot,
} from '../src';
import type { CallBound } from './lowerBound';
import { StderrLogger } from './stderrLogger';

interface ChildReady {
  url: string;
  expected: Record<string, number>;
  lowerBound: CallBound;
}

const SERVICES: AwsServiceName[] = [
  'organizations',
  'ssoAdmin',
  'identityStore',
];
const sum = (o: Record<string, number> = {}) =>
  Object.values(o).reduce((a, b) => a + b, 0);

function actualCounts(snapshot: OrganizationSnapshot): Record<string, number> {
  const ic = snapshot.identityCenter;
  return {
    ...snapshotCounts(snapshot),
    memberships: ic.status === 'available' ? ic.memberships.length : 0,
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      dataset: { type: 'string', default: 'S' },
      'latency-ms': { type: 'string' },
      tps: { type: 'string' },
      seed: { type: 'string' },
    },
  });
  const latencyMs = values['latency-ms']
    ? Number(values['latency-ms'])
    : undefined;
  const tps = values.tps ? Number(values.tps) : undefined;
  const emulatorOptions = {
    dataset: values.dataset,
    seed: values.seed ? Number(values.seed) : undefined,
    latencyMs,
    ...(tps
      ? {
          rateLimit: Object.fromEntries(
            SERVICES.map(s => [s, { tps, burst: tps }]),
          ),
        }
      : {}),
  };
  const child = fork(
    require.resolve('./benchEmulator'),
    [JSON.stringify(emulatorOptions)],
    {
      execArgv: ['-r', 'sucrase/register/ts'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const ready = await new Promise<ChildReady>((resolve, reject) => {
    child.once('message', m => resolve(m as ChildReady));
    child.once('exit', code =>
      reject(new Error(`emulator exited with ${code}`)),
    );
  });

  // The reader's own limits match the emulator's when --tps is given.
  const rateLimits: Record<AwsServiceName, ServiceRateLimit> = tps
    ? (Object.fromEntries(
        SERVICES.map(s => [
          s,
          { ...DEFAULT_READER_RATE_LIMITS[s], tps, burst: tps },
        ]),
      ) as Record<AwsServiceName, ServiceRateLimit>)
    : DEFAULT_READER_RATE_LIMITS;
  const clients = createAwsOrganizationsClientsFromSettings({
    region: 'us-east-1',
    endpoints: {
      organizations: ready.url,
      ssoAdmin: ready.url,
      identityStore: ready.url,
    },
    credentials: async () => ({
      accessKeyId: 'bench',
      secretAccessKey: 'bench',
    }),
  });
  const started = performance.now();
  let snapshot: OrganizationSnapshot;
  try {
    snapshot = await readOrganizationSnapshot({
      clients,
      logger: new StderrLogger('warn'),
      rateLimits,
    });
  } finally {
    child.disconnect();
  }
  const wallMs = performance.now() - started;
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  const emulatorStats = await fetch(`${ready.url}/_emulator/stats`)
    .then(r => r.json())
    .catch(() => undefined);

  const actual = actualCounts(snapshot);
  const missing = Object.entries(ready.expected).filter(
    ([k, v]) => actual[k] !== v,
  );
  const lines: string[] = [];
  lines.push(
    `dataset ${values.dataset}: ${Object.entries(actual)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  lines.push(
    `complete: ${snapshot.complete && missing.length === 0 ? 'yes' : 'NO'}${
      missing.length
        ? ` (mismatch: ${missing
            .map(([k, v]) => `${k} ${actual[k]}/${v}`)
            .join(', ')})`
        : ''
    }; assignment strategy ${snapshot.stats.assignmentStrategy}`,
  );
  lines.push('| service | calls | lower bound | ratio | TPS | floor (s) |');
  lines.push('|---|---:|---:|---:|---:|---:|');
  let floorS = 0;
  let totalCalls = 0;
  let totalBound = 0;
  for (const service of SERVICES) {
    const calls = sum(snapshot.stats.calls[service]);
    const bound = sum(ready.lowerBound[service]);
    const serviceTps = rateLimits[service].tps;
    const floor = bound / serviceTps;
    floorS = Math.max(floorS, floor);
    totalCalls += calls;
    totalBound += bound;
    lines.push(
      `| ${service} | ${calls} | ${bound} | ${(
        calls / Math.max(1, bound)
      ).toFixed(3)} | ${serviceTps} | ${floor.toFixed(1)} |`,
    );
  }
  lines.push(
    `| total | ${totalCalls} | ${totalBound} | ${(
      totalCalls / totalBound
    ).toFixed(3)} | | ${floorS.toFixed(1)} |`,
  );
  lines.push(
    `wall ${(wallMs / 1000).toFixed(1)} s vs floor ${floorS.toFixed(
      1,
    )} s (ratio ${(wallMs / 1000 / floorS).toFixed(
      2,
    )}); peak RSS ${peakRssMiB.toFixed(0)} MiB; retries ${
      snapshot.stats.retries
    }, throttles ${snapshot.stats.throttles}${
      emulatorStats
        ? `; emulator counted ${SERVICES.map(s =>
            sum(emulatorStats.calls[s]),
          ).reduce((a, b) => a + b, 0)} calls, ${
            emulatorStats.throttled
          } throttled`
        : ''
    }`,
  );
  for (const service of SERVICES) {
    const ops = new Set([
      ...Object.keys(snapshot.stats.calls[service] ?? {}),
      ...Object.keys(ready.lowerBound[service] ?? {}),
    ]);
    for (const op of [...ops].sort()) {
      const calls = snapshot.stats.calls[service]?.[op] ?? 0;
      const bound = ready.lowerBound[service]?.[op] ?? 0;
      if (calls !== bound) {
        lines.push(`  ${service}.${op}: ${calls} calls, bound ${bound}`);
      }
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  if (!snapshot.complete || missing.length) {
    process.exitCode = 1;
  }
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
