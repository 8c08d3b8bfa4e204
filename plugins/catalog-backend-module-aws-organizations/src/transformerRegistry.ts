import { AwsOrganizationsCatalogExtensionPoint } from '@aws-governance/plugin-aws-organizations-node';
import { AwsOrganizationsTransformers } from './provider/defaultTransformers';

/**
 * The module's side of `awsOrganizationsCatalogExtensionPoint`: collects
 * replacement transformers, each settable once.
 */
export function createTransformerRegistry(): {
  extensionPoint: AwsOrganizationsCatalogExtensionPoint;
  transformers: Partial<AwsOrganizationsTransformers>;
} {
  const transformers: Partial<AwsOrganizationsTransformers> = {};
  const setter =
    <K extends keyof AwsOrganizationsTransformers>(key: K, method: string) =>
    (transformer: AwsOrganizationsTransformers[K]) => {
      if (transformers[key]) {
        throw new Error(
          `awsOrganizationsCatalogExtensionPoint.${method} may only be called once; the ${key} transformer was already replaced by another module`,
        );
      }
      transformers[key] = transformer;
    };
  return {
    transformers,
    extensionPoint: {
      setAccountTransformer: setter('account', 'setAccountTransformer'),
      setOrganizationalUnitTransformer: setter(
        'organizationalUnit',
        'setOrganizationalUnitTransformer',
      ),
      setOrganizationRootTransformer: setter(
        'organizationRoot',
        'setOrganizationRootTransformer',
      ),
      setServiceControlPolicyTransformer: setter(
        'serviceControlPolicy',
        'setServiceControlPolicyTransformer',
      ),
      setResourceControlPolicyTransformer: setter(
        'resourceControlPolicy',
        'setResourceControlPolicyTransformer',
      ),
      setPermissionSetTransformer: setter(
        'permissionSet',
        'setPermissionSetTransformer',
      ),
      setPrincipalTransformer: setter('principal', 'setPrincipalTransformer'),
    },
  };
}
