/*
 * Prints an OrganizationSnapshot as JSON on stdout and the read statistics
 * on stderr.
 *
 *   yarn snapshot [--endpoint URL] [--region R] [--role-arn ARN]
 *                 [--external-id X] [--profile P] [--max-attempts N]
 *                 [--strategy per-permission-set|per-principal]
 *
 * Without --role-arn or --profile the SDK default credential chain is used
 * (environment variables, shared config, instance roles). Against the
 * emulator any dummy keys work.
 */
import { parseArgs } from 'node:util';
import { fromIni } from '@aws-sdk/credential-providers';
import {
  AssignmentStrategy,
  createAwsOrganizationsClientsFromSettings,
  readOrganizationSnapshot,
} from '../src';
import { StderrLogger } from './stderrLogger';
import { formatStats } from './formatStats';

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
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stderr.write(
      'usage: yarn snapshot [--endpoint URL] [--region R] [--role-arn ARN] [--external-id X] [--profile P] [--max-attempts N] [--strategy per-permission-set|per-principal] [--quiet]\n',
    );
    return;
  }
  const region =
    values.region ??
    process.env.AWS_REGION ??
    process.env.AWS_DEFAULT_REGION ??
    'us-east-1';
  const endpoint = values.endpoint;
  const clients = createAwsOrganizationsClientsFromSettings({
    region,
    endpoints: {
      organizations: endpoint,
      ssoAdmin: endpoint,
      identityStore: endpoint,
    },
    credentials: values.profile
      ? fromIni({ profile: values.profile })
      : undefined,
    roleArn: values['role-arn'],
    externalId: values['external-id'],
    maxAttempts: values['max-attempts']
      ? Number(values['max-attempts'])
      : undefined,
  });
  const snapshot = await readOrganizationSnapshot({
    clients,
    logger: new StderrLogger(values.quiet ? 'warn' : 'info'),
    assignmentStrategy: values.strategy as AssignmentStrategy | undefined,
  });
  process.stdout.write(`${JSON.stringify(snapshot, null, 2)}\n`);
  process.stderr.write(`${formatStats(snapshot.stats)}\n`);
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
