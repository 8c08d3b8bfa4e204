import {
  knownResourceControlPolicies,
  SnapshotEnvelope,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
} from '@backstage/catalog-model';
import { DeferredEntity } from '@backstage/plugin-catalog-node';
import { LOCATION_TYPE } from '../constants';
import {
  ContextOptions,
  createTransformerContext,
  missingPrincipals,
} from './context';
import { AwsOrganizationsTransformers } from './defaultTransformers';

/** `ps-…` from `arn:aws:sso:::permissionSet/ssoins-…/ps-…`. */
function permissionSetId(arn: string): string {
  return /:permissionSet\/[^/]+\/(.+)$/.exec(arn)?.[1] ?? arn;
}

/** Options of {@link readEntities}. */
export interface ReadOptions extends ContextOptions {
  transformers: AwsOrganizationsTransformers;
}

/**
 * Turns a snapshot envelope into the entities of a full mutation: root, OUs,
 * accounts, SCPs, RCPs (when known), permission sets and, when enabled,
 * missing principals.
 * Each entity gets its own location, `aws-organizations:<org id>/<kind>/<id>`,
 * as location annotations and location key. Pure: no I/O.
 */
export async function readEntities(
  envelope: SnapshotEnvelope,
  options: ReadOptions,
): Promise<DeferredEntity[]> {
  const { snapshot } = envelope;
  const { transformers } = options;
  const context = createTransformerContext(envelope, options);
  const results: DeferredEntity[] = [];

  const add = (entity: Entity | undefined, kind: string, id: string) => {
    if (!entity) {
      return;
    }
    const location = `${LOCATION_TYPE}:${snapshot.organization.id}/${kind}/${id}`;
    results.push({
      locationKey: location,
      entity: {
        ...entity,
        metadata: {
          ...entity.metadata,
          annotations: {
            ...entity.metadata.annotations,
            [ANNOTATION_LOCATION]: location,
            [ANNOTATION_ORIGIN_LOCATION]: location,
          },
        },
      },
    });
  };

  add(
    await transformers.organizationRoot(snapshot.root, context),
    'root',
    snapshot.root.id,
  );
  for (const unit of snapshot.organizationalUnits) {
    add(
      await transformers.organizationalUnit(unit, context),
      'organizational-unit',
      unit.id,
    );
  }
  for (const account of snapshot.accounts) {
    add(await transformers.account(account, context), 'account', account.id);
  }
  for (const policy of snapshot.policies) {
    add(
      await transformers.serviceControlPolicy(policy, context),
      'service-control-policy',
      policy.id,
    );
  }
  for (const policy of knownResourceControlPolicies(snapshot) ?? []) {
    add(
      await transformers.resourceControlPolicy(policy, context),
      'resource-control-policy',
      policy.id,
    );
  }
  if (snapshot.identityCenter.status === 'available') {
    for (const permissionSet of snapshot.identityCenter.permissionSets) {
      add(
        await transformers.permissionSet(permissionSet, context),
        'permission-set',
        permissionSetId(permissionSet.arn),
      );
    }
  }
  if (options.emitMissingPrincipals) {
    for (const principal of missingPrincipals(envelope)) {
      add(
        await transformers.principal(principal, context),
        principal.type === 'GROUP' ? 'group' : 'user',
        principal.id,
      );
    }
  }
  return results;
}
