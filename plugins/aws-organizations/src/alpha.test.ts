import { ApiBlueprint } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import plugin, { awsOrganizationsApi } from './alpha';

describe('alpha plugin', () => {
  it('provides the AWS Organizations API factory', () => {
    expect(plugin.pluginId).toBe('aws-organizations');
    const factory = createExtensionTester(awsOrganizationsApi).get(
      ApiBlueprint.dataRefs.factory,
    );
    expect(factory.api.id).toBe('plugin.aws-organizations.service');
    expect(factory.deps).toEqual({
      discoveryApi: expect.objectContaining({ id: 'core.discovery' }),
      fetchApi: expect.objectContaining({ id: 'core.fetch' }),
    });
  });
});
