import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import {
  AwsOrganizationsClients,
  AwsOrganizationsReaderConfig,
  createAwsOrganizationsClients,
  createIamRolesReader,
  createSignalsReaderFromConfig,
  readOrganizationSnapshot,
  readTargetedUpdate,
  SignalsReader,
} from '@aws-governance/plugin-aws-organizations-node';
import { SnapshotSource, TargetedSource } from './types';

/**
 * The reader as a snapshot source, full and targeted (events). The SDK clients are created on the first
 * sync (building credentials may call AWS) and reused; each read brings its
 * own rate budgets and retry allowances, so nothing one sync spent carries
 * over to the next. The reader settings come read already (the plugin
 * reads the whole config once at startup); the root config is only for the
 * `aws` integration's credentials.
 */
export function createReaderSource(options: {
  config: RootConfigService;
  reader: AwsOrganizationsReaderConfig;
  logger: LoggerService;
  /**
   * The signals reader (`awsOrganizations.signals`); by default one made
   * from the config. Pass the instance the routes use for on-demand
   * findings, so both share its clients and sessions.
   */
  signals?: SignalsReader;
}): { full: SnapshotSource; targeted: TargetedSource } {
  const { rateLimits, delegatedAdministrator } = options.reader;
  // One roles reader for the backend's life: it caches policy documents.
  const roles = options.reader.roles
    ? createIamRolesReader({
        source: options.reader.roles,
        endpoints: options.reader.endpoints,
      })
    : undefined;
  const signals =
    options.signals ??
    createSignalsReaderFromConfig(options.config, {
      logger: options.logger,
      readerConfig: options.reader,
    });
  let clients: Promise<AwsOrganizationsClients> | undefined;
  const getClients = () => {
    if (!clients) {
      clients = createAwsOrganizationsClients(options.config, {
        readerConfig: options.reader,
      });
      clients.catch(() => {
        clients = undefined;
      });
    }
    return clients;
  };
  return {
    full: async () =>
      readOrganizationSnapshot({
        clients: await getClients(),
        logger: options.logger,
        rateLimits,
        delegatedAdministrator,
        roles,
        signals,
      }),
    // Events re-read parts of the snapshot with the same clients and the
    // same rate limits; the roles part is kept as the full read left it.
    targeted: async (base, targets) =>
      readTargetedUpdate({
        clients: await getClients(),
        logger: options.logger,
        rateLimits,
        base,
        targets,
      }),
  };
}
