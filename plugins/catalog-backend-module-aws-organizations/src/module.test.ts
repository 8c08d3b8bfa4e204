import {
  AwsAccountTransformer,
  awsOrganizationsCatalogExtensionPoint,
} from '@aws-governance/plugin-aws-organizations-node';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { createEnvelope } from './__fixtures__/envelope';
import { catalogModuleAwsOrganizations } from './module';
import { AwsAccountLinkProcessor } from './processor/AwsAccountLinkProcessor';
import { AwsOrganizationsRelationProcessor } from './processor/AwsOrganizationsRelationProcessor';
import { AwsOrganizationsEntityProvider } from './provider/AwsOrganizationsEntityProvider';
import { accountAccessGrants } from './provider/accessGrants';
import { defaultAccountTransformer } from './provider/defaultTransformers';

function catalogMock() {
  return {
    addProcessor: jest.fn(),
    addEntityProvider: jest.fn(),
    addPlaceholderResolver: jest.fn(),
    setOnProcessingErrorHandler: jest.fn(),
  };
}

function accountTransformerModule(
  moduleId: string,
  transformer: AwsAccountTransformer,
) {
  return createBackendModule({
    pluginId: 'catalog',
    moduleId,
    register(env) {
      env.registerInit({
        deps: { transformers: awsOrganizationsCatalogExtensionPoint },
        async init({ transformers }) {
          transformers.setAccountTransformer(transformer);
        },
      });
    },
  });
}

describe('catalogModuleAwsOrganizations', () => {
  it('registers the processors and the provider with the configured namespace', async () => {
    const catalog = catalogMock();
    await startTestBackend({
      extensionPoints: [[catalogProcessingExtensionPoint, catalog]],
      features: [
        catalogModuleAwsOrganizations,
        mockServices.rootConfig.factory({
          data: { awsOrganizations: { catalog: { namespace: 'aws' } } },
        }),
      ],
    });

    expect(catalog.addProcessor).toHaveBeenCalledTimes(1);
    const [link, relations] = catalog.addProcessor.mock.calls[0];
    expect(link).toBeInstanceOf(AwsAccountLinkProcessor);
    expect(relations).toBeInstanceOf(AwsOrganizationsRelationProcessor);
    const emitted: any[] = [];
    await link.postProcessEntity(
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'svc',
          annotations: { 'amazonaws.com/account-id': '724108355203' },
        },
        spec: {},
      },
      { type: 'url', target: 'x' },
      (r: any) => emitted.push(r),
    );
    expect(emitted[0].relation.target.namespace).toBe('aws');

    expect(catalog.addEntityProvider).toHaveBeenCalledTimes(1);
    const provider = catalog.addEntityProvider.mock.calls[0][0];
    expect(provider).toBeInstanceOf(AwsOrganizationsEntityProvider);
    const entities = await provider.read(createEnvelope());
    expect(entities[0].entity.metadata.namespace).toBe('aws');
  });

  it('uses a transformer another module set through the extension point', async () => {
    const catalog = catalogMock();
    await startTestBackend({
      extensionPoints: [[catalogProcessingExtensionPoint, catalog]],
      features: [
        catalogModuleAwsOrganizations,
        accountTransformerModule('aws-accounts-tagged', async (a, c) => {
          const entity = await defaultAccountTransformer(a, c);
          return (
            entity && {
              ...entity,
              metadata: { ...entity.metadata, tags: ['aws'] },
            }
          );
        }),
      ],
    });
    const provider = catalog.addEntityProvider.mock.calls[0][0];
    const entities = await provider.read(createEnvelope());
    const accounts = entities.filter(
      (e: any) => e.entity.spec.type === 'cloud-account',
    );
    expect(accounts).toHaveLength(3);
    expect(accounts.map((e: any) => e.entity.metadata.tags)).toEqual([
      ['aws'],
      ['aws'],
      ['aws'],
    ]);
    // The others keep their defaults.
    expect(entities[0].entity.metadata.tags).toBeUndefined();
  });

  it('relates users to accounts when an adopter chooses to list their grants in the catalog', async () => {
    const catalog = catalogMock();
    await startTestBackend({
      extensionPoints: [[catalogProcessingExtensionPoint, catalog]],
      features: [
        catalogModuleAwsOrganizations,
        accountTransformerModule('aws-accounts-with-people', async (a, c) => {
          const entity = await defaultAccountTransformer(a, c);
          return (
            entity && {
              ...entity,
              spec: {
                ...entity.spec,
                accessGrants: accountAccessGrants(a.id, c, {
                  includeUsers: true,
                }) as any,
              },
            }
          );
        }),
      ],
    });
    const provider = catalog.addEntityProvider.mock.calls[0][0];
    const [, relations] = catalog.addProcessor.mock.calls[0];
    const entities = await provider.read(createEnvelope());
    const payments = entities.find(
      (e: any) => e.entity.metadata.name === 'aws-account-222222222222',
    ).entity;
    const emitted: any[] = [];
    await relations.postProcessEntity(
      payments,
      { type: 'aws-organizations', target: 'x' },
      (r: any) => emitted.push(r),
    );
    expect(
      emitted
        .filter(r => r.relation.type === 'hasAccessTo')
        .map(r => `${r.relation.source.kind}:${r.relation.source.name}`),
    ).toEqual(['group:platform', 'user:alice']);
  });

  it('lets a transformer be set only once', async () => {
    await expect(
      startTestBackend({
        extensionPoints: [[catalogProcessingExtensionPoint, catalogMock()]],
        features: [
          catalogModuleAwsOrganizations,
          accountTransformerModule('first', async () => undefined),
          accountTransformerModule('second', async () => undefined),
        ],
      }),
    ).rejects.toThrow(
      /setAccountTransformer may only be called once; the account transformer was already replaced by another module/,
    );
  });

  it('refuses to start on invalid config, naming the key', async () => {
    await expect(
      startTestBackend({
        extensionPoints: [[catalogProcessingExtensionPoint, catalogMock()]],
        features: [
          catalogModuleAwsOrganizations,
          mockServices.rootConfig.factory({
            data: { awsOrganizations: { catalog: { namespace: 'Bad Name' } } },
          }),
        ],
      }),
    ).rejects.toThrow(/awsOrganizations.catalog.namespace/);
  });
});
