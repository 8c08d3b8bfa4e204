import { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { SSOAdminClient } from '@aws-sdk/client-sso-admin';

/** SDK clients pointed at an emulator, without retries unless asked. */
export function sdkClients(url: string, maxAttempts = 1) {
  const config = {
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' },
    maxAttempts,
  };
  const clients = {
    organizations: new OrganizationsClient(config),
    ssoAdmin: new SSOAdminClient(config),
    identityStore: new IdentitystoreClient(config),
    destroy() {
      clients.organizations.destroy();
      clients.ssoAdmin.destroy();
      clients.identityStore.destroy();
    },
  };
  return clients;
}
