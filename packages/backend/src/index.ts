/*
 * The demo portal's backend: a lean Backstage backend with the catalog,
 * search over it, sign-in (guest and a non-admin demo developer in
 * development, Okta in production), user settings, the permission framework
 * with a small real policy, and the AWS Organizations plugins.
 */

import { createBackend } from '@backstage/backend-defaults';
import { authModuleDemoDeveloperProvider } from './modules/demoDeveloperProvider';
import { permissionModuleAdminsPolicy } from './modules/permissionPolicy';
import { authModuleSignInSafety } from './modules/signInSafety';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// Sign-in. See https://backstage.io/docs/auth/ and the backend README.
// Outside development the safety check refuses guest and the demo developer
// and wants a real provider (src/modules/signInSafety.ts).
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(authModuleSignInSafety);
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(authModuleDemoDeveloperProvider);
backend.add(import('@backstage/plugin-auth-backend-module-okta-provider'));

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

// Backstage's events system; the SQS module publishes the messages of the
// CloudTrail events queue (the emulator's in the demo) on the topic that the
// AWS Organizations backend subscribes to (awsOrganizations.events).
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-events-backend-module-aws-sqs'));

// Notifications: the access reviews' reminders (campaign started, due
// soon, overdue) go to the owner teams through it.
backend.add(import('@backstage/plugin-notifications-backend'));

// AWS Organizations
backend.add(import('@aws-governance/plugin-aws-organizations-backend'));
backend.add(
  import('@aws-governance/plugin-catalog-backend-module-aws-organizations'),
);

// A plugin or module that fails to start (e.g. the sign-in safety check)
// rejects start(); the backend has logged why, naming the config key. Exit
// instead of serving half a backend.
backend.start().catch(() => {
  process.exit(1);
});
