/*
 * Prints an OrganizationSnapshot as JSON on stdout (SCPs, RCPs and the
 * policies of every other enabled type included) and, on stderr, the read
 * statistics and one line per policy type.
 *
 *   yarn snapshot [--endpoint URL] [--region R] [--role-arn ARN]
 *                 [--external-id X] [--profile P] [--max-attempts N]
 *                 [--strategy per-permission-set|per-principal]
 *                 [--rate-limit <budget>.<tps|burst|concurrency>=N]...
 *                 [--delegated-admin]
 *                 [--roles-source config-aggregator|account-role]
 *                 [--roles-aggregator NAME] [--roles-region R]
 *                 [--roles-account-id ID] [--roles-role-name NAME]
 *                 [--roles-external-id X] [--roles-concurrency N]
 *                 [--signals security-hub,access-analyzer,config,cloudtrail]
 *                 [--signals-account-id ID] [--signals-role-name NAME]
 *                 [--signals-external-id X] [--signals-region R]
 *                 [--signals-aggregator NAME] [--signals-aged-days 30,90]
 *
 * The --roles-* options are `awsOrganizations.roles.*` (the same checks);
 * the --signals-* options are `awsOrganizations.signals.*`: the listed
 * sources, each read in --signals-region by the role --signals-role-name
 * assumed in --signals-account-id (the delegated administrator), except
 * CloudTrail, read by the base credentials (the management account).
 * --endpoint also points IAM, STS, Config, Security Hub, Access Analyzer
 * and CloudTrail at the URL.
 *
 * The options are checked like the backend's `awsOrganizations` config
 * (the same reader, the same messages naming the key): `--rate-limit
 * identityCenter.tps=12` is `awsOrganizations.rateLimits.identityCenter.tps:
 * 12`.
 *
 * Without --role-arn or --profile the SDK default credential chain is used
 * (environment variables, shared config, instance roles). Against the
 * emulator any dummy keys work.
 */
import { parseArgs } from 'node:util';
import { fromIni } from '@aws-sdk/credential-providers';
import { ConfigReader, type JsonValue } from '@backstage/config';
import {
  AssignmentStrategy,
  createAwsOrganizationsClientsFromSettings,
  createIamRolesReader,
  createSignalsReader,
  readAwsOrganizationsReaderConfig,
  readOrganizationSnapshot,
} from '../src';
import { StderrLogger } from './stderrLogger';
import { formatStats } from './formatStats';
import { formatPolicies } from './formatPolicies';

/** `--rate-limit identityCenter.tps=12` as `{ identityCenter: { tps: 12 } }`. */
function rateLimitOptions(options: string[]) {
  const limits: Record<string, Record<string, number>> = {};
  for (const option of options) {
    const match = /^(\w+)\.(\w+)=(.+)$/.exec(option);
    if (!match) {
      throw new Error(
        `--rate-limit ${option}: expected <budget>.<key>=<number>, e.g. identityCenter.tps=12`,
      );
    }
    const [, budget, key, value] = match;
    (limits[budget] ??= {})[key] = Number(value);
  }
  return limits;
}

const SIGNAL_KEYS: Record<string, string> = {
  'security-hub': 'securityHub',
  'access-analyzer': 'accessAnalyzer',
  config: 'config',
  cloudtrail: 'cloudTrail',
};

/** `--signals a,b --signals-*` as `awsOrganizations.signals` (checked by the config reader). */
function signalsOptions(
  values: Record<string, string | boolean | string[] | undefined>,
) {
  const get = (k: string) => values[k] as string | undefined;
  const role: Record<string, JsonValue> = Object.fromEntries(
    Object.entries({
      accountId: get('signals-account-id'),
      roleName: get('signals-role-name'),
      externalId: get('signals-external-id'),
      region: get('signals-region'),
    }).filter((e): e is [string, string] => e[1] !== undefined),
  );
  const signals: Record<string, JsonValue> = {};
  for (const name of (get('signals') ?? '').split(',').filter(Boolean)) {
    const key = SIGNAL_KEYS[name];
    if (!key) {
      throw new Error(
        `--signals ${name}: use ${Object.keys(SIGNAL_KEYS).join(', ')}`,
      );
    }
    if (key === 'cloudTrail') {
      signals[key] = get('signals-region')
        ? { region: get('signals-region') }
        : {};
    } else if (key === 'config') {
      const aggregatorName = get('signals-aggregator');
      signals[key] = { ...role, ...(aggregatorName ? { aggregatorName } : {}) };
    } else {
      signals[key] = role;
    }
  }
  const aged = get('signals-aged-days');
  if (aged) signals.agedFindingDays = aged.split(',').map(Number);
  return signals;
}

async function main() {
  const { values } = parseArgs({
    options: {
      endpoint: { type: 'string' },
      region: { type: 'string' },
      'role-arn': { type: 'string' },
      'external-id': { type: 'string' },
      profile: { type: 'string' },
      'max-attempts': { type: 'string' },
      strategy: { type: 'string' },
      'rate-limit': { type: 'string', multiple: true, default: [] },
      'delegated-admin': { type: 'boolean', default: false },
      'roles-source': { type: 'string' },
      'roles-aggregator': { type: 'string' },
      'roles-region': { type: 'string' },
      'roles-account-id': { type: 'string' },
      'roles-role-name': { type: 'string' },
      'roles-external-id': { type: 'string' },
      'roles-concurrency': { type: 'string' },
      signals: { type: 'string' },
      'signals-account-id': { type: 'string' },
      'signals-role-name': { type: 'string' },
      'signals-external-id': { type: 'string' },
      'signals-region': { type: 'string' },
      'signals-aggregator': { type: 'string' },
      'signals-aged-days': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stderr.write(
      'usage: yarn snapshot [--endpoint URL] [--region R] [--role-arn ARN] [--external-id X] [--profile P] [--max-attempts N] [--strategy per-permission-set|per-principal] [--rate-limit <organizations|identityCenter|ssoAdmin|identityStore>.<tps|burst|concurrency>=N]... [--delegated-admin] [--roles-source config-aggregator|account-role] [--roles-aggregator NAME] [--roles-region R] [--roles-account-id ID] [--roles-role-name NAME] [--roles-external-id X] [--roles-concurrency N] [--signals security-hub,access-analyzer,config,cloudtrail] [--signals-account-id ID] [--signals-role-name NAME] [--signals-external-id X] [--signals-region R] [--signals-aggregator NAME] [--signals-aged-days 30,90] [--quiet]\n',
    );
    return;
  }
  const endpoint = values.endpoint;
  const settings = readAwsOrganizationsReaderConfig(
    new ConfigReader({
      awsOrganizations: {
        region:
          values.region ??
          process.env.AWS_REGION ??
          process.env.AWS_DEFAULT_REGION ??
          'us-east-1',
        ...(values['role-arn'] ? { roleArn: values['role-arn'] } : {}),
        ...(values['external-id'] ? { externalId: values['external-id'] } : {}),
        ...(endpoint
          ? {
              endpoints: {
                organizations: endpoint,
                ssoAdmin: endpoint,
                identityStore: endpoint,
                iam: endpoint,
                sts: endpoint,
                config: endpoint,
                securityHub: endpoint,
                accessAnalyzer: endpoint,
                cloudTrail: endpoint,
              },
            }
          : {}),
        ...(values['roles-source']
          ? {
              roles: Object.fromEntries(
                Object.entries({
                  source: values['roles-source'],
                  aggregatorName: values['roles-aggregator'],
                  region: values['roles-region'],
                  accountId: values['roles-account-id'],
                  roleName: values['roles-role-name'],
                  externalId: values['roles-external-id'],
                  concurrency: values['roles-concurrency']
                    ? Number(values['roles-concurrency'])
                    : undefined,
                }).filter(([, v]) => v !== undefined),
              ),
            }
          : {}),
        ...(values.signals ? { signals: signalsOptions(values) } : {}),
        rateLimits: rateLimitOptions(values['rate-limit']),
        delegatedAdministrator: values['delegated-admin'],
      },
    }),
  );
  const clients = createAwsOrganizationsClientsFromSettings({
    ...settings,
    credentials: values.profile
      ? fromIni({ profile: values.profile })
      : undefined,
    maxAttempts: values['max-attempts']
      ? Number(values['max-attempts'])
      : undefined,
    configRegion:
      settings.roles?.source === 'config-aggregator'
        ? settings.roles.region
        : undefined,
  });
  const snapshot = await readOrganizationSnapshot({
    clients,
    logger: new StderrLogger(values.quiet ? 'warn' : 'info'),
    assignmentStrategy: values.strategy as AssignmentStrategy | undefined,
    rateLimits: settings.rateLimits,
    delegatedAdministrator: settings.delegatedAdministrator,
    roles: settings.roles
      ? createIamRolesReader({
          source: settings.roles,
          endpoints: settings.endpoints,
        })
      : undefined,
    signals: settings.signals
      ? createSignalsReader({
          signals: settings.signals,
          region: settings.region,
          endpoints: settings.endpoints,
          credentials: clients.organizations.config.credentials,
          logger: new StderrLogger(values.quiet ? 'warn' : 'info'),
        })
      : undefined,
  });
  process.stdout.write(`${JSON.stringify(snapshot, null, 2)}\n`);
  process.stderr.write(`${formatStats(snapshot.stats)}\n`);
  process.stderr.write(`${formatPolicies(snapshot)}\n`);
  if (snapshot.iam) {
    const accounts = Object.entries(snapshot.iam.accounts);
    const known = accounts.filter(([, a]) => a.status === 'known');
    const roles = known.reduce(
      (n, [, a]) => n + (a.status === 'known' ? a.roles.length : 0),
      0,
    );
    process.stderr.write(
      `roles: ${roles} in ${known.length} accounts known, ${
        accounts.length - known.length
      } unknown; ${snapshot.iam.managedPolicies.length} managed policies\n`,
    );
  }
  if (snapshot.signals) {
    const s = snapshot.signals;
    process.stderr.write(
      `signals: ${Object.entries(s.sources)
        .map(([name, v]) =>
          v.status === 'connected'
            ? `${name} connected (${v.calls} calls)`
            : `${name} not connected (${v.reason}: ${v.message})`,
        )
        .join('; ')}; ${
        Object.keys(s.findings).length
      } accounts with findings, ${
        Object.keys(s.config).length
      } with Config data\n`,
    );
  }
  if (!snapshot.complete) {
    process.stderr.write(
      `INCOMPLETE: ${snapshot.incompleteReasons.join('; ')}\n`,
    );
    process.exitCode = 2;
  }
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
