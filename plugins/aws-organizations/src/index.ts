/**
 * Frontend plugin of the AWS Organizations family (legacy frontend system).
 * The new frontend system lives in `./alpha`.
 *
 * @packageDocumentation
 */

export { awsOrganizationsPlugin } from './plugin';
export * from './api/AwsOrganizationsApi';
export { AwsOrganizationsClient } from './api/AwsOrganizationsClient';
export { isAwsAccountEntity } from '@aws-governance/plugin-aws-organizations-common';
