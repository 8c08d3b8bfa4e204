/**
 * Backend plugin of the AWS Organizations family: scheduled sync, snapshot
 * and history store, compliance engine and REST API.
 *
 * @packageDocumentation
 */

export { awsOrganizationsPlugin as default } from './plugin';
