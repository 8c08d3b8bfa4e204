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
 *
 * The --roles-* options are `awsOrganizations.roles.*` (the same checks);
 * --endpoint also points IAM, STS and Config at the URL.
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
import { ConfigReader } from '@backstage/config';
import {
  AssignmentStrategy,
  createAwsOrganizationsClientsFromSettings,
  createIamRolesReader,
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
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stderr.write(
      'usage: yarn snapshot [--endpoint URL] [--region R] [--role-arn ARN] [--external-id X] [--profile P] [--max-attempts N] [--strategy per-permission-set|per-principal] [--rate-limit <organizations|identityCenter|ssoAdmin|identityStore>.<tps|burst|concurrency>=N]... [--delegated-admin] [--roles-source config-aggregator|account-role] [--roles-aggregator NAME] [--roles-region R] [--roles-account-id ID] [--roles-role-name NAME] [--roles-external-id X] [--roles-concurrency N] [--quiet]\n',
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
