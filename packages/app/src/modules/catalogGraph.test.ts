import { ApiBlueprint } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { CatalogGraphApi } from '@backstage/plugin-catalog-graph';
import { catalogGraphApi } from './catalogGraph';

describe('catalogGraphApi', () => {
  it('replaces the catalog-graph API and draws the AWS relations by default', () => {
    const factory = createExtensionTester(catalogGraphApi).get(
      ApiBlueprint.dataRefs.factory,
    );
    expect(factory.api.id).toBe('plugin.catalog-graph.service');
    const api = factory.factory({}) as CatalogGraphApi;
    for (const relation of [
      'hasAccessTo',
      'accessibleBy',
      'hasPermissionSet',
      'governedBy',
      'hosts',
      'memberOf',
    ]) {
      expect(api.defaultRelations).toContain(relation);
    }
    expect(api.knownRelationPairs).toEqual(
      expect.arrayContaining([
        ['hasAccessTo', 'accessibleBy'],
        ['provisionedIn', 'hasPermissionSet'],
      ]),
    );
  });
});
