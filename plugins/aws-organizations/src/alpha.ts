import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { awsOrganizationsApiRef } from './api/AwsOrganizationsApi';
import { AwsOrganizationsClient } from './api/AwsOrganizationsClient';

/** @alpha */
export const awsOrganizationsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: awsOrganizationsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AwsOrganizationsClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The AWS Organizations frontend plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'aws-organizations',
  extensions: [awsOrganizationsApi],
});
