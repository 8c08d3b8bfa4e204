import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type { AwsOrganizationsReaderConfig } from '../../config';
import type { SignalSourceConfig, SignalsConfig } from '../../config/signals';

/** The session name the signal sources assume roles with (visible in CloudTrail). */
export const SIGNALS_SESSION_NAME = 'backstage-aws-organizations-signals';

/** The SDK clients of the configured signal sources. */
export interface SignalClients {
  securityHub?: SecurityHubClient;
  accessAnalyzer?: AccessAnalyzerClient;
  config?: ConfigServiceClient;
  cloudTrail?: CloudTrailClient;
}

/**
 * One client per configured source, in its region, at its endpoint, with
 * the credentials of its account: the role `roleName` assumed there from
 * the base credentials (the SDK refreshes the session before it expires),
 * or the base credentials themselves. Retries are the reader's (each
 * read's retry allowances), so the clients make one attempt.
 */
export function createSignalClients(options: {
  signals: SignalsConfig;
  endpoints?: AwsOrganizationsReaderConfig['endpoints'];
  credentials?: AwsCredentialIdentityProvider;
  stsRegion: string;
}): SignalClients {
  const endpoints = options.endpoints ?? {};
  const settings = (
    source: SignalSourceConfig,
    endpoint: string | undefined,
  ) => {
    let credentials = options.credentials;
    if (source.accountId && source.roleName) {
      credentials = fromTemporaryCredentials({
        masterCredentials: options.credentials,
        params: {
          RoleArn: `arn:aws:iam::${source.accountId}:role/${source.roleName}`,
          RoleSessionName: SIGNALS_SESSION_NAME,
          DurationSeconds: 3600,
          ...(source.externalId ? { ExternalId: source.externalId } : {}),
        },
        clientConfig: {
          region: options.stsRegion,
          ...(endpoints.sts ? { endpoint: endpoints.sts } : {}),
        },
      });
    }
    return {
      region: source.region,
      ...(endpoint ? { endpoint } : {}),
      ...(credentials ? { credentials } : {}),
      maxAttempts: 1,
    };
  };
  const { securityHub, accessAnalyzer, config, cloudTrail } = options.signals;
  return {
    ...(securityHub
      ? {
          securityHub: new SecurityHubClient(
            settings(securityHub, endpoints.securityHub),
          ),
        }
      : {}),
    ...(accessAnalyzer
      ? {
          accessAnalyzer: new AccessAnalyzerClient(
            settings(accessAnalyzer, endpoints.accessAnalyzer),
          ),
        }
      : {}),
    ...(config
      ? { config: new ConfigServiceClient(settings(config, endpoints.config)) }
      : {}),
    ...(cloudTrail
      ? {
          cloudTrail: new CloudTrailClient(
            settings(cloudTrail, endpoints.cloudTrail),
          ),
        }
      : {}),
  };
}
