import {
  IdentityStoreGroup,
  IdentityStoreUser,
  OrganizationSnapshot,
  ResolvedPrincipal,
} from '@aws-governance/plugin-aws-organizations-common';
import { PrincipalMappingConfig } from '@aws-governance/plugin-aws-organizations-node';
import { toEntityName } from './entityNames';
import { CatalogDirectory } from './types';

function groupRef(
  group: IdentityStoreGroup,
  mapping: PrincipalMappingConfig,
  namespace: string,
  directory: CatalogDirectory,
): string | undefined {
  const explicit =
    mapping.groupMap[group.id] ?? mapping.groupMap[group.displayName];
  if (explicit) {
    return explicit;
  }
  switch (mapping.groupRule) {
    case 'displayName': {
      const name = toEntityName(group.displayName);
      return name ? `group:${namespace}/${name}` : undefined;
    }
    case 'externalId':
      for (const externalId of group.externalIds) {
        const ref = directory.groupsByExternalId.get(externalId.id);
        if (ref) {
          return ref;
        }
      }
      return undefined;
    default:
      return undefined;
  }
}

function userRef(
  user: IdentityStoreUser,
  mapping: PrincipalMappingConfig,
  namespace: string,
  directory: CatalogDirectory,
): string | undefined {
  if (mapping.userRule === 'email') {
    const emails = [...user.emails].sort(
      (a, b) => Number(Boolean(b.primary)) - Number(Boolean(a.primary)),
    );
    for (const email of emails) {
      const ref = directory.usersByEmail.get(
        email.value.toLocaleLowerCase('en-US'),
      );
      if (ref) {
        return ref;
      }
    }
    return undefined;
  }
  const name = toEntityName(user.userName.split('@')[0]);
  return name ? `user:${namespace}/${name}` : undefined;
}

/**
 * Maps every Identity Store group and user to a catalog ref by the
 * configured rules, and lists the principals that hold assignments but map
 * to no entity in the catalog.
 */
export function resolvePrincipals(
  snapshot: OrganizationSnapshot,
  mapping: PrincipalMappingConfig,
  namespace: string,
  directory: CatalogDirectory,
): {
  principals: Record<string, ResolvedPrincipal>;
  unmappedPrincipals: ResolvedPrincipal[];
} {
  const ic = snapshot.identityCenter;
  if (ic.status !== 'available') {
    return { principals: {}, unmappedPrincipals: [] };
  }
  const principals: Record<string, ResolvedPrincipal> = {};
  const add = (principal: Omit<ResolvedPrincipal, 'resolvable'>) => {
    principals[principal.id] = {
      ...principal,
      resolvable:
        principal.ref !== undefined && directory.refs.has(principal.ref),
    };
  };
  for (const group of ic.groups) {
    const ref = groupRef(group, mapping, namespace, directory);
    add({
      type: 'GROUP',
      id: group.id,
      name: group.displayName,
      ...(ref ? { ref } : {}),
    });
  }
  for (const user of ic.users) {
    const ref = userRef(user, mapping, namespace, directory);
    add({
      type: 'USER',
      id: user.id,
      name: user.userName,
      ...(ref ? { ref } : {}),
    });
  }
  const assigned = new Set(ic.assignments.map(a => a.principalId));
  const unmappedPrincipals = [...assigned]
    .map(id => principals[id])
    .filter(p => p && !p.resolvable)
    .sort(
      (a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name),
    );
  return { principals, unmappedPrincipals };
}
