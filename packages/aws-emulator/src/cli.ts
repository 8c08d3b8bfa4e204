import { parseArgs } from 'node:util';
import { DATASET_NAMES, DatasetName } from './datasets';
import { startEmulator } from './emulator';
import { RateLimitOptions } from './knobs/rateLimits';

const USAGE = `Usage: aws-emulator [--dataset demo|S|M|L|XL] [--port N] [--host H]
  [--latency-ms N] [--jitter-ms N] [--tps N --burst N] [--seed N]
  [--organizations-tps N] [--identity-center-tps N] [--delegated-admin]
  [--events-queue NAME [--identity-center-region R]]

  --tps/--burst              a token bucket per service
  --organizations-tps N      Organizations' own bucket (burst N)
  --identity-center-tps N    one bucket shared by SSO Admin and Identity Store
  --delegated-admin          answer as to a delegated administrator of IAM
                             Identity Center (AccessDenied where AWS denies it)
  --events-queue NAME        record every accepted write as a CloudTrail event
                             and deliver it (EventBridge event JSON) to the SQS
                             queue NAME at <url>/<management account>/NAME
  --identity-center-region R the region of Identity Center's events (us-east-1)`;

function number(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) {
    throw new Error(`--${name} must be a non-negative number`);
  }
  return parsed;
}

/**
 * Runs the emulator from the command line until SIGINT or SIGTERM.
 *
 * @public
 */
export async function runCli(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      dataset: { type: 'string', default: 'demo' },
      port: { type: 'string', default: '4566' },
      host: { type: 'string', default: '127.0.0.1' },
      'latency-ms': { type: 'string' },
      'jitter-ms': { type: 'string' },
      tps: { type: 'string' },
      burst: { type: 'string' },
      'organizations-tps': { type: 'string' },
      'identity-center-tps': { type: 'string' },
      'delegated-admin': { type: 'boolean', default: false },
      'events-queue': { type: 'string' },
      'identity-center-region': { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const dataset = values.dataset as DatasetName;
  if (!DATASET_NAMES.includes(dataset)) {
    throw new Error(`--dataset must be one of ${DATASET_NAMES.join(', ')}`);
  }
  const tps = number(values.tps, 'tps');
  const burst = number(values.burst, 'burst') ?? tps;
  const limit = tps !== undefined ? { tps, burst: burst ?? 1 } : undefined;
  const bucket = (name: 'organizations-tps' | 'identity-center-tps') => {
    const value = number(values[name], name);
    return value !== undefined ? { tps: value, burst: value } : undefined;
  };
  const rateLimit: RateLimitOptions = {
    ...(limit
      ? { organizations: limit, ssoAdmin: limit, identityStore: limit }
      : {}),
  };
  const organizations = bucket('organizations-tps');
  if (organizations) rateLimit.organizations = organizations;
  const identityCenter = bucket('identity-center-tps');
  if (identityCenter) rateLimit.identityCenter = identityCenter;
  const startedAt = Date.now();
  const emulator = await startEmulator({
    dataset,
    port: number(values.port, 'port'),
    host: values.host,
    seed: number(values.seed, 'seed'),
    latencyMs: number(values['latency-ms'], 'latency-ms'),
    latencyJitterMs: number(values['jitter-ms'], 'jitter-ms'),
    rateLimit,
    caller: values['delegated-admin']
      ? 'delegated-administrator'
      : 'management-account',
    events: values['events-queue']
      ? {
          queueName: values['events-queue'],
          identityCenterRegion: values['identity-center-region'],
        }
      : undefined,
  });
  process.stdout.write(
    `AWS emulator (${dataset}) listening on ${emulator.url} (built in ${
      Date.now() - startedAt
    } ms)\n` +
      `Counts: ${JSON.stringify(emulator.expected)}\n` +
      `Admin: ${emulator.url}/_emulator/stats\n`,
  );
  if (emulator.eventsQueueUrl) {
    process.stdout.write(`Events queue: ${emulator.eventsQueueUrl}\n`);
  }
  // Where a roles reader finds the organization's Config aggregator.
  for (const aggregator of emulator.state.iam?.aggregators.values() ?? []) {
    process.stdout.write(
      `Config aggregator: ${aggregator.name} in ${aggregator.accountId}\n`,
    );
  }
  await new Promise<void>(resolve => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await emulator.close();
  process.stdout.write('AWS emulator stopped\n');
}
