/*
 * The demo portal's backend: a lean Backstage backend with the catalog,
 * search over it, guest sign-in, user settings, the permission framework
 * with a small real policy, and the AWS Organizations plugins.
 */

import { createBackend } from '@backstage/backend-defaults';
import { permissionModuleAdminsPolicy } from './modules/permissionPolicy';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// Sign-in: guest for the demo. See https://backstage.io/docs/auth/
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// Catalog
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// Permissions: admins vs everyone else (src/modules/permissionPolicy.ts)
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(permissionModuleAdminsPolicy);

// Search over the catalog (in-memory Lunr engine)
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

backend.add(import('@backstage/plugin-user-settings-backend'));

// AWS Organizations
backend.add(import('@aws-governance/plugin-aws-organizations-backend'));
backend.add(
  import('@aws-governance/plugin-catalog-backend-module-aws-organizations'),
);

backend.start();
