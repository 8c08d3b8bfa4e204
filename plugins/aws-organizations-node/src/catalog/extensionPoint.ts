import { createExtensionPoint } from '@backstage/backend-plugin-api';
import {
  AwsAccountTransformer,
  AwsOrganizationalUnitTransformer,
  AwsOrganizationRootTransformer,
  AwsPermissionSetTransformer,
  AwsPrincipalTransformer,
  AwsResourceControlPolicyTransformer,
  AwsServiceControlPolicyTransformer,
} from './types';

/**
 * Replaces the transformers of the AWS Organizations catalog module. Each
 * may be set once; a second call throws, so two modules cannot silently
 * override each other.
 *
 * @public
 */
export interface AwsOrganizationsCatalogExtensionPoint {
  setAccountTransformer(transformer: AwsAccountTransformer): void;
  setOrganizationalUnitTransformer(
    transformer: AwsOrganizationalUnitTransformer,
  ): void;
  setOrganizationRootTransformer(
    transformer: AwsOrganizationRootTransformer,
  ): void;
  setServiceControlPolicyTransformer(
    transformer: AwsServiceControlPolicyTransformer,
  ): void;
  setResourceControlPolicyTransformer(
    transformer: AwsResourceControlPolicyTransformer,
  ): void;
  setPermissionSetTransformer(transformer: AwsPermissionSetTransformer): void;
  setPrincipalTransformer(transformer: AwsPrincipalTransformer): void;
}

/**
 * Extension point of the `catalog` module `aws-organizations`.
 *
 * @public
 */
export const awsOrganizationsCatalogExtensionPoint =
  createExtensionPoint<AwsOrganizationsCatalogExtensionPoint>({
    id: 'catalog.aws-organizations.transformers',
  });
