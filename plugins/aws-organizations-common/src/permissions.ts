import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Reading who has access to accounts: assignments, principals, permission
 * sets, per account and per principal. Sensitive: it maps the paths into
 * every account.
 *
 * @public
 */
export const awsOrganizationsAccessReadPermission = createPermission({
  name: 'aws-organizations.access.read',
  attributes: { action: 'read' },
});

/**
 * Exporting the whole organization's access report (CSV).
 *
 * @public
 */
export const awsOrganizationsAccessReportPermission = createPermission({
  name: 'aws-organizations.access-report.read',
  attributes: { action: 'read' },
});

/**
 * Triggering a sync of the AWS Organization out of schedule.
 *
 * @public
 */
export const awsOrganizationsSyncTriggerPermission = createPermission({
  name: 'aws-organizations.sync.trigger',
  attributes: { action: 'update' },
});

/**
 * Every permission of the AWS Organizations plugins.
 *
 * @public
 */
export const awsOrganizationsPermissions = [
  awsOrganizationsAccessReadPermission,
  awsOrganizationsAccessReportPermission,
  awsOrganizationsSyncTriggerPermission,
];
