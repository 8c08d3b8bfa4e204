import {
  AWS_ENTITY_TYPES,
  AWS_RELATIONS,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  AwsAccessGrantSpec,
  AwsRelationSpecFields,
} from '@aws-governance/plugin-aws-organizations-node';
import {
  CompoundEntityRef,
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_HAS_PART,
  RELATION_PART_OF,
} from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';

const AWS_TYPES: ReadonlySet<string> = new Set(Object.values(AWS_ENTITY_TYPES));

/**
 * Emits the relations of the AWS organization entities, both directions of
 * each, from the data they carry in `spec`:
 *
 * - OU and account `spec.parent` → `partOf` the parent OU or root, `hasPart`
 *   back;
 * - SCP and RCP `spec.targets` → `appliesTo` each root, OU or account,
 *   `governedBy` back;
 * - account `spec.accessGrants` → each directly assigned Group or User
 *   `hasAccessTo` the account, `accessibleBy` back; each permission set
 *   `provisionedIn` the account, `hasPermissionSet` back;
 * - account `spec.permissionSets` → each permission set `provisionedIn` the
 *   account, `hasPermissionSet` back.
 *
 * It relates whatever the entities carry: the default transformers write
 * group grants only, so the catalog shows which teams reach an account, not
 * which people.
 *
 * Ownership comes from `spec.owner` through the catalog's built-in
 * processor.
 *
 * @public
 */
export class AwsOrganizationsRelationProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'AwsOrganizationsRelationProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const spec = entity.spec as
      | (AwsRelationSpecFields & { type?: unknown })
      | undefined;
    if (
      entity.kind.toLocaleLowerCase('en-US') !== 'resource' ||
      typeof spec?.type !== 'string' ||
      !AWS_TYPES.has(spec.type)
    ) {
      return entity;
    }
    const self = getCompoundEntityRef(entity);
    const emitted = new Set<string>();
    const pair = (
      source: CompoundEntityRef,
      type: string,
      target: CompoundEntityRef,
      reverse: string,
    ) => {
      const key = `${JSON.stringify(source)} ${type} ${JSON.stringify(target)}`;
      if (emitted.has(key)) {
        return;
      }
      emitted.add(key);
      emit(processingResult.relation({ source, type, target }));
      emit(
        processingResult.relation({
          source: target,
          type: reverse,
          target: source,
        }),
      );
    };
    const ref = (value: unknown, field: string, defaultKind: string) => {
      try {
        if (typeof value !== 'string') {
          throw new TypeError(
            `expected an entity ref, got ${JSON.stringify(value)}`,
          );
        }
        return parseEntityRef(value, {
          defaultKind,
          defaultNamespace: self.namespace,
        });
      } catch (error) {
        emit(
          processingResult.inputError(
            location,
            `Invalid ${field} of ${entity.kind}:${self.namespace}/${
              self.name
            }: ${(error as Error).message}`,
          ),
        );
        return undefined;
      }
    };

    if (
      spec.parent !== undefined &&
      (spec.type === AWS_ENTITY_TYPES.account ||
        spec.type === AWS_ENTITY_TYPES.organizationalUnit)
    ) {
      const parent = ref(spec.parent, 'spec.parent', 'resource');
      if (parent) {
        pair(self, RELATION_PART_OF, parent, RELATION_HAS_PART);
      }
    }

    if (
      spec.type === AWS_ENTITY_TYPES.serviceControlPolicy ||
      spec.type === AWS_ENTITY_TYPES.resourceControlPolicy
    ) {
      for (const target of spec.targets ?? []) {
        const targetRef = ref(target, 'spec.targets', 'resource');
        if (targetRef) {
          pair(
            self,
            AWS_RELATIONS.appliesTo,
            targetRef,
            AWS_RELATIONS.governedBy,
          );
        }
      }
    }

    if (spec.type === AWS_ENTITY_TYPES.account) {
      for (const grant of spec.accessGrants ?? []) {
        this.#grant(grant, self, ref, pair);
      }
      for (const permissionSet of spec.permissionSets ?? []) {
        const permissionSetRef = ref(
          permissionSet,
          'spec.permissionSets',
          'resource',
        );
        if (permissionSetRef) {
          pair(
            permissionSetRef,
            AWS_RELATIONS.provisionedIn,
            self,
            AWS_RELATIONS.hasPermissionSet,
          );
        }
      }
    }
    return entity;
  }

  #grant(
    grant: AwsAccessGrantSpec,
    account: CompoundEntityRef,
    ref: (
      value: unknown,
      field: string,
      defaultKind: string,
    ) => CompoundEntityRef | undefined,
    pair: (
      source: CompoundEntityRef,
      type: string,
      target: CompoundEntityRef,
      reverse: string,
    ) => void,
  ) {
    const permissionSet = ref(
      grant.permissionSet,
      'spec.accessGrants[].permissionSet',
      'resource',
    );
    if (permissionSet) {
      pair(
        permissionSet,
        AWS_RELATIONS.provisionedIn,
        account,
        AWS_RELATIONS.hasPermissionSet,
      );
    }
    if (grant.via !== 'direct' || grant.principal === undefined) {
      return;
    }
    const principal = ref(
      grant.principal,
      'spec.accessGrants[].principal',
      grant.principalType === 'USER' ? 'user' : 'group',
    );
    if (principal) {
      pair(
        principal,
        AWS_RELATIONS.hasAccessTo,
        account,
        AWS_RELATIONS.accessibleBy,
      );
    }
  }
}
