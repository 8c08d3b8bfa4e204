import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { StandardRetryStrategy } from '@smithy/core/retry';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import type { Config } from '@backstage/config';
import {
  AwsOrganizationsReaderConfig,
  readAwsOrganizationsReaderConfig,
} from '../config';

/**
 * The SDK clients the reader calls.
 *
 * @public
 */
export interface AwsOrganizationsClients {
  organizations: OrganizationsClient;
  ssoAdmin: SSOAdminClient;
  identityStore: IdentitystoreClient;
  /** IAM (global: signed for us-east-1), for the roles reader. */
  iam?: IAMClient;
  /** STS, to assume the roles reader's role in member accounts. */
  sts?: STSClient;
  /** AWS Config in the aggregator's region, for the roles reader. */
  config?: ConfigServiceClient;
}

/** @public */
export interface CreateAwsOrganizationsClientsOptions {
  /**
   * Credentials to start from. Defaults to the `aws` integration config
   * (`DefaultAwsCredentialsManager`) for `awsOrganizations.accountId`, or the
   * main account.
   */
  credentials?: AwsCredentialIdentityProvider;
  /**
   * Attempts per request, first try included (SDK standard retry strategy:
   * exponential backoff with full jitter on throttling, 5xx and transient
   * errors). Default 6.
   */
  maxAttempts?: number;
  /**
   * The reader settings, already read (the backend reads the whole config
   * once at startup, see `readAwsOrganizationsConfig`). When absent they are
   * read from `config`.
   */
  readerConfig?: AwsOrganizationsReaderConfig;
  /** Overrides of the `awsOrganizations` config values. */
  overrides?: Partial<AwsOrganizationsReaderConfig>;
}

/** Default attempts per request, first try included. @public */
export const DEFAULT_MAX_ATTEMPTS = 6;

/**
 * Creates the three SDK clients from the `awsOrganizations` config: region,
 * endpoint overrides, the base credentials of the `aws` integration and an
 * optional role assumption (`roleArn` with `externalId`).
 *
 * @public
 */
export async function createAwsOrganizationsClients(
  config: Config,
  options: CreateAwsOrganizationsClientsOptions = {},
): Promise<AwsOrganizationsClients> {
  const readerConfig = {
    ...(options.readerConfig ?? readAwsOrganizationsReaderConfig(config)),
    ...options.overrides,
  };
  let credentials = options.credentials;
  if (!credentials) {
    const manager = DefaultAwsCredentialsManager.fromConfig(config);
    const provider = await manager.getCredentialProvider(
      readerConfig.accountId ? { accountId: readerConfig.accountId } : {},
    );
    credentials = provider.sdkCredentialProvider;
  }
  return createAwsOrganizationsClientsFromSettings({
    ...readerConfig,
    credentials,
    maxAttempts: options.maxAttempts,
    configRegion:
      readerConfig.roles?.source === 'config-aggregator'
        ? readerConfig.roles.region
        : undefined,
  });
}

/**
 * Creates the SDK clients from explicit settings (used by the config-driven
 * factory and the CLI).
 *
 * @public
 */
export function createAwsOrganizationsClientsFromSettings(settings: {
  region: string;
  endpoints?: AwsOrganizationsReaderConfig['endpoints'];
  /** Base credentials; the SDK default chain when absent. */
  credentials?: AwsCredentialIdentityProvider;
  roleArn?: string;
  externalId?: string;
  maxAttempts?: number;
  /** The Config aggregator's region, when roles come from an aggregator. */
  configRegion?: string;
}): AwsOrganizationsClients {
  const { region, endpoints = {}, roleArn, externalId } = settings;
  let credentials = settings.credentials;
  if (roleArn) {
    credentials = fromTemporaryCredentials({
      masterCredentials: credentials,
      params: {
        RoleArn: roleArn,
        ExternalId: externalId,
        RoleSessionName: 'backstage-aws-organizations-reader',
        DurationSeconds: 3600,
      },
      clientConfig: { region },
    });
  }
  const maxAttempts = settings.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  // `maxAttempts` is also what the SDK writes in the `amz-sdk-request`
  // header (`max=`): the same number as the strategy's, so it is true. The
  // reader gives each read its own retry allowances on top (see retries.ts).
  const common = (endpoint: string | undefined) => ({
    region,
    ...(endpoint ? { endpoint } : {}),
    ...(credentials ? { credentials } : {}),
    maxAttempts,
    retryStrategy: new StandardRetryStrategy({ maxAttempts }),
  });
  return {
    organizations: new OrganizationsClient(common(endpoints.organizations)),
    ssoAdmin: new SSOAdminClient(common(endpoints.ssoAdmin)),
    identityStore: new IdentitystoreClient(common(endpoints.identityStore)),
    // IAM is global: its endpoint signs for us-east-1 (aws partition).
    iam: new IAMClient({ ...common(endpoints.iam), region: 'us-east-1' }),
    // STS at the regional endpoint of the reader's region.
    sts: new STSClient(common(endpoints.sts)),
    config: new ConfigServiceClient({
      ...common(endpoints.config),
      region: settings.configRegion ?? region,
    }),
  };
}
