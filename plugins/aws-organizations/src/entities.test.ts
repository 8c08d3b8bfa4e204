import { Entity } from '@backstage/catalog-model';
import {
  isAwsAccountWorkloadEntity,
  isAwsOrganizationalUnitEntity,
  isAwsOrganizationRootEntity,
  isAwsPermissionSetEntity,
  isAwsServiceControlPolicyEntity,
  organizationNodeEntityRef,
} from './entities';
import { accountEntity, serviceEntity } from './__testUtils__/data';

const resource = (type: string, kind = 'Resource'): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x' },
  spec: { type },
});

describe('entity predicates', () => {
  it('match on kind Resource and spec.type', () => {
    expect(
      isAwsOrganizationalUnitEntity(resource('aws-organizational-unit')),
    ).toBe(true);
    expect(
      isAwsOrganizationalUnitEntity(
        resource('aws-organizational-unit', 'Component'),
      ),
    ).toBe(false);
    expect(isAwsOrganizationRootEntity(resource('aws-organization-root'))).toBe(
      true,
    );
    expect(
      isAwsOrganizationRootEntity(resource('aws-organizational-unit')),
    ).toBe(false);
    expect(
      isAwsServiceControlPolicyEntity(resource('aws-service-control-policy')),
    ).toBe(true);
    expect(isAwsPermissionSetEntity(resource('aws-permission-set'))).toBe(true);
    expect(isAwsPermissionSetEntity(resource('cloud-account'))).toBe(false);
  });

  it('tells workloads with an account id from account entities', () => {
    expect(isAwsAccountWorkloadEntity(serviceEntity)).toBe(true);
    expect(isAwsAccountWorkloadEntity(accountEntity)).toBe(false);
    expect(isAwsAccountWorkloadEntity(resource('service', 'Component'))).toBe(
      false,
    );
  });
});

describe('organizationNodeEntityRef', () => {
  it('names OUs and roots as the catalog module does', () => {
    expect(organizationNodeEntityRef('ou-ab12-cd34ef56')).toBe(
      'resource:default/aws-ou-ab12-cd34ef56',
    );
    expect(organizationNodeEntityRef('r-AB12', 'aws')).toBe(
      'resource:aws/aws-root-ab12',
    );
  });

  it('cuts and fingerprints a long OU id as the catalog module does', () => {
    // The same literal is asserted on the catalog module's entities
    // (catalog-backend-module-aws-organizations, read.test.ts): a copy that
    // dropped the 63-character fingerprint linked to a ref never emitted.
    const ref = organizationNodeEntityRef(
      'ou-ab12cd34ef56ab12cd34ef56ab12cd34-0123456789abcdef0123456789abcdef',
    );
    expect(ref).toBe(
      'resource:default/aws-ou-ab12cd34ef56ab12cd34ef56ab12cd34-0123456789abcd-25d6144c',
    );
    expect(ref.split('/')[1]).toHaveLength(63);
  });
});
