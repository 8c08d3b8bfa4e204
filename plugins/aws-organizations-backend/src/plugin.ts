import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { openDatabase } from './database/migrations';
import { createRouter } from './service/router';

/**
 * The AWS Organizations backend plugin: syncs the organization, keeps its
 * snapshots and history, and serves them at `/api/aws-organizations`.
 *
 * @public
 */
export const awsOrganizationsPlugin = createBackendPlugin({
  pluginId: 'aws-organizations',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        database: coreServices.database,
      },
      async init({ httpRouter, logger, database }) {
        const db = await openDatabase(database);
        httpRouter.use(await createRouter({ logger, db }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
