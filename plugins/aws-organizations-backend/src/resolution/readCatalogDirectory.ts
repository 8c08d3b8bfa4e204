import { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CatalogDirectory } from './types';

/**
 * Reads the catalog's Groups and Users, only the fields the mapping rules
 * need, with the plugin's own service credentials.
 */
export async function readCatalogDirectory(options: {
  catalog: CatalogService;
  auth: AuthService;
  externalIdAnnotation?: string;
}): Promise<CatalogDirectory> {
  const { catalog, auth, externalIdAnnotation } = options;
  const credentials = await auth.getOwnServiceCredentials();
  const { items } = await catalog.getEntities(
    {
      filter: { kind: ['Group', 'User'] },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.annotations',
        'spec.profile.email',
      ],
    },
    { credentials },
  );
  const refs = new Set<string>();
  const groupsByExternalId = new Map<string, string>();
  const usersByEmail = new Map<string, string>();
  for (const entity of items) {
    const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
    refs.add(ref);
    const kind = entity.kind.toLocaleLowerCase('en-US');
    if (kind === 'group' && externalIdAnnotation) {
      const id = entity.metadata.annotations?.[externalIdAnnotation];
      if (id) {
        groupsByExternalId.set(id, ref);
      }
    }
    const email = (entity.spec?.profile as { email?: unknown } | undefined)
      ?.email;
    if (kind === 'user' && typeof email === 'string') {
      usersByEmail.set(email.toLocaleLowerCase('en-US'), ref);
    }
  }
  return { refs, groupsByExternalId, usersByEmail };
}
