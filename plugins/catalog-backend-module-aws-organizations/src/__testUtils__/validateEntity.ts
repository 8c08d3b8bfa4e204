import {
  DefaultNamespaceEntityPolicy,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  groupEntityV1alpha1Validator,
  NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  userEntityV1alpha1Validator,
} from '@backstage/catalog-model';

const policy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);
const kinds = [
  resourceEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
];

/**
 * Runs an entity through the catalog's entity policies (name, namespace,
 * annotation and label formats, envelope schema) and its kind's schema, as
 * the catalog does when it ingests it. Throws on the first violation.
 */
export async function validateEntity(entity: Entity): Promise<void> {
  const enforced = await policy.enforce(entity);
  if (!enforced) {
    throw new Error(`Entity ${entity.metadata.name} was rejected`);
  }
  const matches = await Promise.all(kinds.map(k => k.check(entity)));
  if (!matches.includes(true)) {
    throw new Error(`No kind validator accepts ${entity.kind}`);
  }
}
