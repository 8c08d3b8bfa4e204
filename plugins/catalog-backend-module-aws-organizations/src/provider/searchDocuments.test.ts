import { defaultCatalogCollatorEntityTransformer } from '@backstage/plugin-search-backend-module-catalog';
import { createEnvelope } from '../__fixtures__/envelope';
import { defaultTransformers } from './defaultTransformers';
import { readEntities } from './read';

/** Everything the fixture's Identity Center knows of its people. */
const PEOPLE =
  /alice|liddell|bob|carol|@example\.com|@home\.example|9067bbbb-/i;

describe('the search index of the AWS entities', () => {
  it.each([false, true])(
    'holds no person: the catalog collator documents of every entity (emitMissingPrincipals: %p)',
    async emitMissingPrincipals => {
      const entities = await readEntities(createEnvelope(), {
        namespace: 'default',
        fallbackOwner: 'group:default/unknown',
        emitMissingPrincipals,
        transformers: defaultTransformers,
      });
      // Search indexes what the catalog's collator makes of each entity.
      const documents = entities.map(({ entity }) =>
        defaultCatalogCollatorEntityTransformer(entity),
      );
      expect(documents.length).toBeGreaterThan(8);
      for (const document of documents) {
        expect(JSON.stringify(document)).not.toMatch(PEOPLE);
      }
      // The entities themselves, which the catalog API and the entity
      // inspector show, name no person either.
      expect(JSON.stringify(entities)).not.toMatch(PEOPLE);
    },
  );
});
