import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogModuleAwsOrganizations } from './module';
import { AwsAccountLinkProcessor } from './processor/AwsAccountLinkProcessor';

describe('catalogModuleAwsOrganizations', () => {
  it('registers the account link processor with the configured namespace', async () => {
    const addProcessor = jest.fn();
    await startTestBackend({
      extensionPoints: [
        [
          catalogProcessingExtensionPoint,
          { addProcessor, addEntityProvider: jest.fn() },
        ],
      ],
      features: [
        catalogModuleAwsOrganizations,
        mockServices.rootConfig.factory({
          data: { awsOrganizations: { catalog: { namespace: 'aws' } } },
        }),
      ],
    });

    expect(addProcessor).toHaveBeenCalledTimes(1);
    const processor = addProcessor.mock.calls[0][0];
    expect(processor).toBeInstanceOf(AwsAccountLinkProcessor);
    const emitted: any[] = [];
    await processor.postProcessEntity(
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
  });
});
