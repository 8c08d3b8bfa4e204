import {
  awsOrganizationsCatalogExtensionPoint,
  readAwsOrganizationsCatalogConfig,
} from '@aws-governance/plugin-aws-organizations-node';
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { AwsAccountLinkProcessor } from './processor/AwsAccountLinkProcessor';
import { AwsOrganizationsRelationProcessor } from './processor/AwsOrganizationsRelationProcessor';
import { AwsOrganizationsEntityProvider } from './provider/AwsOrganizationsEntityProvider';
import { createTransformerRegistry } from './transformerRegistry';

/**
 * Catalog module of the AWS Organizations plugins: the entity provider of
 * the organization, its relation processor and the account link processor.
 *
 * @public
 */
export const catalogModuleAwsOrganizations = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'aws-organizations',
  register(env) {
    const registry = createTransformerRegistry();
    env.registerExtensionPoint(
      awsOrganizationsCatalogExtensionPoint,
      registry.extensionPoint,
    );
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        scheduler: coreServices.scheduler,
        events: eventsServiceRef,
      },
      async init({
        catalog,
        config,
        logger,
        discovery,
        auth,
        scheduler,
        events,
      }) {
        const providerConfig = readAwsOrganizationsCatalogConfig(config);
        catalog.addProcessor(
          new AwsAccountLinkProcessor({ namespace: providerConfig.namespace }),
          new AwsOrganizationsRelationProcessor(),
        );
        catalog.addEntityProvider(
          new AwsOrganizationsEntityProvider({
            config: providerConfig,
            logger,
            discovery,
            auth,
            events,
            taskRunner: scheduler.createScheduledTaskRunner(
              providerConfig.schedule,
            ),
            transformers: registry.transformers,
          }),
        );
      },
    });
  },
});
