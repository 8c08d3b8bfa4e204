import {
  createApiFactory,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { awsOrganizationsApiRef } from './api/AwsOrganizationsApi';
import { AwsOrganizationsClient } from './api/AwsOrganizationsClient';

/**
 * The AWS Organizations frontend plugin for the legacy frontend system.
 * For the new frontend system, import the default export of `./alpha`.
 *
 * @public
 */
export const awsOrganizationsPlugin = createPlugin({
  id: 'aws-organizations',
  apis: [
    createApiFactory({
      api: awsOrganizationsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AwsOrganizationsClient({ discoveryApi, fetchApi }),
    }),
  ],
});
