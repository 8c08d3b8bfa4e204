import { AWS_RELATIONS } from '@aws-governance/plugin-aws-organizations-common';
import {
  ApiBlueprint,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import {
  ALL_RELATION_PAIRS,
  ALL_RELATIONS,
  catalogGraphApiRef,
  DefaultCatalogGraphApi,
} from '@backstage/plugin-catalog-graph';

/** The AWS relations, each with its reverse, as the catalog module emits them. */
export const AWS_RELATION_PAIRS: [string, string][] = [
  [AWS_RELATIONS.appliesTo, AWS_RELATIONS.governedBy],
  [AWS_RELATIONS.hasAccessTo, AWS_RELATIONS.accessibleBy],
  [AWS_RELATIONS.provisionedIn, AWS_RELATIONS.hasPermissionSet],
  [AWS_RELATIONS.runsIn, AWS_RELATIONS.hosts],
];

/**
 * The catalog graph API knowing the AWS relations besides Backstage's own,
 * so the relations cards and the graph page draw them (team-level access
 * included: the catalog carries no person-level grant to draw).
 */
export const catalogGraphApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: catalogGraphApiRef,
      deps: {},
      factory: () =>
        new DefaultCatalogGraphApi({
          knownRelations: [...ALL_RELATIONS, ...AWS_RELATION_PAIRS.flat()],
          knownRelationPairs: [...ALL_RELATION_PAIRS, ...AWS_RELATION_PAIRS],
          defaultRelationTypes: { exclude: [] },
        }),
    }),
});

/** Replaces the catalog-graph plugin's API with {@link catalogGraphApi}. */
export const catalogGraphModule = createFrontendModule({
  pluginId: 'catalog-graph',
  extensions: [catalogGraphApi],
});
