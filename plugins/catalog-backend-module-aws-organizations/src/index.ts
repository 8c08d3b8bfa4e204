/**
 * Catalog backend module of the AWS Organizations plugins: turns the
 * organization snapshot into catalog entities and relations.
 *
 * @packageDocumentation
 */

export { catalogModuleAwsOrganizations as default } from './module';
export { AwsAccountLinkProcessor } from './processor/AwsAccountLinkProcessor';
export { AwsOrganizationsRelationProcessor } from './processor/AwsOrganizationsRelationProcessor';
export {
  AwsOrganizationsEntityProvider,
  type AwsOrganizationsEntityProviderOptions,
  type AwsOrganizationsRefreshResult,
} from './provider/AwsOrganizationsEntityProvider';
export * from './provider/defaultTransformers';
export {
  accountAccessGrants,
  accountPermissionSets,
  type AccountAccessGrantsOptions,
} from './provider/accessGrants';
