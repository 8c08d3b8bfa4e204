import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { AwsAccountLinkProcessor } from './processor/AwsAccountLinkProcessor';

/**
 * Catalog module of the AWS Organizations plugins.
 *
 * @public
 */
export const catalogModuleAwsOrganizations = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'aws-organizations',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ catalog, config }) {
        const namespace =
          config.getOptionalString('awsOrganizations.catalog.namespace') ??
          'default';
        catalog.addProcessor(new AwsAccountLinkProcessor({ namespace }));
      },
    });
  },
});
