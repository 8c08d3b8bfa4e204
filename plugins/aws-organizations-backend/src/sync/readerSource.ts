import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import {
  AwsOrganizationsClients,
  createAwsOrganizationsClients,
  readAwsOrganizationsReaderConfig,
  readOrganizationSnapshot,
} from '@aws-governance/plugin-aws-organizations-node';
import { SnapshotSource } from './types';

/**
 * The reader as a snapshot source. The SDK clients are created on the first
 * sync (building credentials may call AWS) and reused; each read brings its
 * own rate budgets and retry allowances, so nothing one sync spent carries
 * over to the next.
 */
export function createReaderSource(options: {
  config: RootConfigService;
  logger: LoggerService;
}): SnapshotSource {
  const { rateLimits, delegatedAdministrator } =
    readAwsOrganizationsReaderConfig(options.config);
  let clients: Promise<AwsOrganizationsClients> | undefined;
  return async () => {
    if (!clients) {
      clients = createAwsOrganizationsClients(options.config);
      clients.catch(() => {
        clients = undefined;
      });
    }
    return readOrganizationSnapshot({
      clients: await clients,
      logger: options.logger,
      rateLimits,
      delegatedAdministrator,
    });
  };
}
