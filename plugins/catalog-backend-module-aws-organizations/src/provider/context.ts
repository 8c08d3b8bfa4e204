import {
  ResolvedOwner,
  ResolvedPrincipal,
  SnapshotEnvelope,
  awsEntityRefs,
  indexSnapshot,
  normalizeEntityRef,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  AwsOrganizationsEntityRefs,
  AwsOrganizationsOwner,
  AwsOrganizationsTransformerContext,
} from '@aws-governance/plugin-aws-organizations-node';

/** What the context is built from besides the envelope. */
export interface ContextOptions {
  namespace: string;
  fallbackOwner: string;
  emitMissingPrincipals: boolean;
}

/** A resolved ref in its comparable form, in the default namespace. */
function normalizeRef(
  ref: string | undefined,
  defaultKind: string,
): string | undefined {
  return ref
    ? normalizeEntityRef(ref, { defaultKind, defaultNamespace: 'default' })
    : undefined;
}

/**
 * Identity Center principals the catalog lacks: holders of assignments the
 * backend could not map, and mapped ones whose ref names no entity.
 */
export function missingPrincipals(
  envelope: SnapshotEnvelope,
): ResolvedPrincipal[] {
  const { principals, unmappedPrincipals } = envelope.resolution;
  const byId = new Map<string, ResolvedPrincipal>();
  for (const principal of [
    ...Object.values(principals),
    ...unmappedPrincipals,
  ]) {
    const missing =
      !normalizeRef(principal.ref, principal.type.toLocaleLowerCase('en-US')) ||
      principal.resolvable === false;
    if (missing && !byId.has(principal.id)) {
      byId.set(principal.id, principal);
    }
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Builds the context the transformers share: refs, owners and indexes over
 * the snapshot, computed once per read.
 */
export function createTransformerContext(
  envelope: SnapshotEnvelope,
  options: ContextOptions,
): AwsOrganizationsTransformerContext {
  const { snapshot, resolution } = envelope;
  const { namespace } = options;
  const names = awsEntityRefs(namespace);

  const emitted = new Map<string, string>();
  if (options.emitMissingPrincipals) {
    for (const principal of missingPrincipals(envelope)) {
      emitted.set(
        principal.id,
        principal.type === 'GROUP'
          ? names.identityCenterGroup(principal.id)
          : names.identityCenterUser(principal.id),
      );
    }
  }

  const refs: AwsOrganizationsEntityRefs = {
    account: names.account,
    organizationRoot: names.organizationRoot,
    organizationalUnit: names.organizationalUnit,
    parent: names.organizationNode,
    serviceControlPolicy: names.serviceControlPolicy,
    resourceControlPolicy: names.resourceControlPolicy,
    permissionSet: names.permissionSet,
    principal: id => {
      const own = emitted.get(id);
      if (own) {
        return own;
      }
      const principal = resolution.principals[id];
      return normalizeRef(
        principal?.ref,
        principal?.type === 'USER' ? 'user' : 'group',
      );
    },
  };

  const owner = (
    resolved: ResolvedOwner | undefined,
  ): AwsOrganizationsOwner => {
    const ref = normalizeRef(resolved?.ref, 'group');
    return ref && resolved
      ? { ref, source: resolved.source }
      : { ref: options.fallbackOwner, source: 'none' };
  };

  // SCPs and permission sets: their own owner tag, else the root's owner
  // (also for stored data from before the backend resolved their owners).
  const organizationWide = (
    resolved: ResolvedOwner | undefined,
  ): AwsOrganizationsOwner => {
    const ref = normalizeRef(resolved?.ref, 'group');
    return ref && resolved
      ? { ref, source: resolved.source }
      : owner(resolution.unitOwners[envelope.snapshot.root.id]);
  };

  return {
    envelope,
    namespace,
    refs,
    index: indexSnapshot(snapshot),
    accountOwner: id => owner(resolution.accountOwners[id]),
    unitOwner: id => owner(resolution.unitOwners[id]),
    policyOwner: id => organizationWide(resolution.policyOwners?.[id]),
    permissionSetOwner: arn =>
      organizationWide(resolution.permissionSetOwners?.[arn]),
  };
}
