import { createApiRef } from '@backstage/core-plugin-api';

/**
 * Health of the AWS Organizations backend.
 *
 * @public
 */
export interface AwsOrganizationsHealth {
  status: 'ok' | 'error';
  database: 'ok' | 'unreachable';
}

/**
 * Client of the AWS Organizations backend API (`/api/aws-organizations`).
 *
 * @public
 */
export interface AwsOrganizationsApi {
  getHealth(): Promise<AwsOrganizationsHealth>;
}

/** @public */
export const awsOrganizationsApiRef = createApiRef<AwsOrganizationsApi>({
  id: 'plugin.aws-organizations.service',
});
