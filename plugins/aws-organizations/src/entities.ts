import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  AWS_ENTITY_TYPES,
  awsEntityRefs,
  isAwsAccountEntity,
} from '@aws-governance/plugin-aws-organizations-common';

function isResourceOfType(entity: Entity, type: string): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    (entity.spec as { type?: unknown } | undefined)?.type === type
  );
}

/**
 * Whether an entity is an AWS organizational unit (`Resource` of
 * `spec.type: aws-organizational-unit`). For `EntitySwitch` and filters.
 *
 * @public
 */
export function isAwsOrganizationalUnitEntity(entity: Entity): boolean {
  return isResourceOfType(entity, AWS_ENTITY_TYPES.organizationalUnit);
}

/**
 * Whether an entity is the root of an AWS organization (`Resource` of
 * `spec.type: aws-organization-root`).
 *
 * @public
 */
export function isAwsOrganizationRootEntity(entity: Entity): boolean {
  return isResourceOfType(entity, AWS_ENTITY_TYPES.organizationRoot);
}

/**
 * Whether an entity is an AWS service control policy (`Resource` of
 * `spec.type: aws-service-control-policy`).
 *
 * @public
 */
export function isAwsServiceControlPolicyEntity(entity: Entity): boolean {
  return isResourceOfType(entity, AWS_ENTITY_TYPES.serviceControlPolicy);
}

/**
 * Whether an entity is an IAM Identity Center permission set (`Resource` of
 * `spec.type: aws-permission-set`).
 *
 * @public
 */
export function isAwsPermissionSetEntity(entity: Entity): boolean {
  return isResourceOfType(entity, AWS_ENTITY_TYPES.permissionSet);
}

/**
 * Whether an entity other than an account entity carries the
 * `amazonaws.com/account-id` annotation: a service (or any entity) that
 * runs in an AWS account.
 *
 * @public
 */
export function isAwsAccountWorkloadEntity(entity: Entity): boolean {
  return (
    !isAwsAccountEntity(entity) &&
    Boolean(entity.metadata.annotations?.[ANNOTATION_AWS_ACCOUNT_ID])
  );
}

/** `group` or `user` entities. */
export function isKindOf(kind: 'group' | 'user') {
  return (entity: Entity) => entity.kind.toLocaleLowerCase('en-US') === kind;
}

/**
 * The catalog ref of the entity of an OU or root id, as the catalog module
 * names them (the one definition in -common: `aws-ou-<id>`, `aws-root-<id>`,
 * lower-cased, runs of other characters as `-`, fingerprinted past 63
 * characters).
 */
export function organizationNodeEntityRef(id: string, namespace = 'default') {
  return awsEntityRefs(namespace).organizationNode(id);
}
