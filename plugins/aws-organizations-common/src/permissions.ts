import { createPermission } from '@backstage/plugin-permission-common';

/**
 * The resource type of the account-scoped permissions: the resource ref is
 * an AWS account id. Conditional decisions on it use the rules of the -node
 * package (`awsAccountConditions`, e.g. "the user is a member of the
 * account's owner team").
 *
 * @public
 */
export const AWS_ACCOUNT_RESOURCE_TYPE = 'aws-organizations-account';

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
 * Reading an account's findings from AWS's detectors (Security Hub, IAM
 * Access Analyzer, AWS Config): a resource permission on the account, so a
 * policy can grant it to the account's owner team only (a conditional
 * decision). Counts without findings are governed by
 * {@link awsOrganizationsFindingCountsReadPermission}.
 *
 * @public
 */
export const awsOrganizationsFindingsReadPermission = createPermission({
  name: 'aws-organizations.findings.read',
  attributes: { action: 'read' },
  resourceType: AWS_ACCOUNT_RESOURCE_TYPE,
});

/**
 * Reading an account's finding counts by severity and source (no finding
 * itself): a resource permission on the account.
 *
 * @public
 */
export const awsOrganizationsFindingCountsReadPermission = createPermission({
  name: 'aws-organizations.finding-counts.read',
  attributes: { action: 'read' },
  resourceType: AWS_ACCOUNT_RESOURCE_TYPE,
});

/**
 * Administering access reviews: starting, scheduling and closing campaigns,
 * reading every campaign's evidence.
 *
 * @public
 */
export const awsOrganizationsReviewAdminPermission = createPermission({
  name: 'aws-organizations.review.admin',
  attributes: { action: 'create' },
});

/**
 * Deciding (keep, revoke, hand over) the review items of an account: a
 * resource permission on the account, granted by a policy to the account's
 * owner team (a conditional decision) or to admins.
 *
 * @public
 */
export const awsOrganizationsReviewDecidePermission = createPermission({
  name: 'aws-organizations.review.decide',
  attributes: { action: 'update' },
  resourceType: AWS_ACCOUNT_RESOURCE_TYPE,
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
  awsOrganizationsFindingsReadPermission,
  awsOrganizationsFindingCountsReadPermission,
  awsOrganizationsReviewAdminPermission,
  awsOrganizationsReviewDecidePermission,
];
