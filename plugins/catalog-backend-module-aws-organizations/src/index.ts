/**
 * Catalog backend module of the AWS Organizations plugins: turns the
 * organization snapshot into catalog entities and relations.
 *
 * @packageDocumentation
 */

export { catalogModuleAwsOrganizations as default } from './module';
export { AwsAccountLinkProcessor } from './processor/AwsAccountLinkProcessor';
