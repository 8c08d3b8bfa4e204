import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import {
  AwsOrganizationsReaderConfig,
  readAwsOrganizationsReaderConfig,
} from '../../config';
import { createSignalsReader, SignalsReader } from './signalsReader';

/**
 * The reader's base credentials as the config gives them: the `aws`
 * integration's for `awsOrganizations.accountId` (or the main account),
 * then `awsOrganizations.roleArn` assumed when set, resolved on first use.
 */
function readerCredentials(
  config: Config,
  reader: AwsOrganizationsReaderConfig,
): AwsCredentialIdentityProvider {
  let base: Promise<AwsCredentialIdentityProvider> | undefined;
  const resolveBase = () => {
    base ??= DefaultAwsCredentialsManager.fromConfig(config)
      .getCredentialProvider(
        reader.accountId ? { accountId: reader.accountId } : {},
      )
      .then(p => p.sdkCredentialProvider);
    base.catch(() => {
      base = undefined;
    });
    return base;
  };
  const baseProvider: AwsCredentialIdentityProvider = async () =>
    (await resolveBase())();
  if (!reader.roleArn) return baseProvider;
  return fromTemporaryCredentials({
    masterCredentials: baseProvider,
    params: {
      RoleArn: reader.roleArn,
      ExternalId: reader.externalId,
      RoleSessionName: 'backstage-aws-organizations-reader',
      DurationSeconds: 3600,
    },
    clientConfig: {
      region: reader.region,
      ...(reader.endpoints.sts ? { endpoint: reader.endpoints.sts } : {}),
    },
  });
}

/**
 * The signals reader of the `awsOrganizations` config, or undefined when
 * no signal source is on: its sources from `awsOrganizations.signals`,
 * the base credentials of the `aws` integration (and `roleArn`), the
 * endpoint overrides and rate limits of the reader.
 *
 * @public
 */
export function createSignalsReaderFromConfig(
  config: Config,
  options: {
    logger: LoggerService;
    readerConfig?: AwsOrganizationsReaderConfig;
  },
): SignalsReader | undefined {
  const reader =
    options.readerConfig ?? readAwsOrganizationsReaderConfig(config);
  if (!reader.signals) return undefined;
  return createSignalsReader({
    signals: reader.signals,
    region: reader.region,
    endpoints: reader.endpoints,
    rateLimits: reader.rateLimits,
    credentials: readerCredentials(config, reader),
    logger: options.logger,
  });
}
