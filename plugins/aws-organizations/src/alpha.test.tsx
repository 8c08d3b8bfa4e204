import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  mockApis,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { Entity } from '@backstage/catalog-model';
import { screen } from '@testing-library/react';
import {
  accountEntity,
  complianceSummary,
  groupEntity,
  serviceEntity,
  syncStatus,
  tree,
  userEntity,
} from './__testUtils__/data';
import plugin, {
  awsAccountAccessContent,
  awsAccountComplianceCard,
  awsAccountComplianceContent,
  awsAccountGuardrailsContent,
  awsAccountHistoryContent,
  awsAccountOverviewContent,
  awsAccountSecurityContent,
  awsGroupAccountsCard,
  awsGroupFindingsCard,
  awsGroupComplianceCard,
  awsOrganizationalUnitContent,
  awsOrganizationsApi,
  awsOrganizationsExplorerPage,
  awsPermissionSetContent,
  awsServiceAccountsCard,
  awsServiceControlPolicyContent,
  awsServiceFindingsCard,
  awsUserAccessCard,
} from './alpha';
import { awsOrganizationsApiRef } from './api/AwsOrganizationsApi';
import { mockAwsApi } from './__testUtils__/testUtils';
import { findingCounts, findingsPage } from './__testUtils__/findingsData';

function resource(
  type: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: `x-${type}`, annotations },
    spec: { type },
  };
}

const entities = {
  account: accountEntity,
  ou: resource('aws-organizational-unit', {
    'amazonaws.com/organizational-unit-id': 'ou-ab12-prod0001',
  }),
  root: resource('aws-organization-root', {
    'amazonaws.com/organizational-unit-id': 'r-ab12',
  }),
  scp: resource('aws-service-control-policy'),
  permissionSet: resource('aws-permission-set'),
  service: serviceEntity,
  group: groupEntity,
  user: userEntity,
};

type Name = keyof typeof entities;

function matching(filter: (entity: Entity) => boolean): Name[] {
  return (Object.keys(entities) as Name[]).filter(name =>
    filter(entities[name]),
  );
}

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

  it('mounts the explorer page at /aws-organizations with a nav title', () => {
    const tester = createExtensionTester(awsOrganizationsExplorerPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/aws-organizations');
    expect(tester.get(coreExtensionData.title)).toBe('AWS Organizations');
    expect(tester.get(coreExtensionData.icon)).toBeTruthy();
  });

  it('renders the explorer page through its loader', async () => {
    // Load the page's module before rendering: the loader then resolves from
    // the module cache at once, so the test checks the wiring, not how fast
    // a busy machine compiles the page (it used to outlast find*'s wait).
    await import('./components/OrgExplorerPage/OrgExplorerPage');
    const api = mockAwsApi({
      getOrganizationTree: jest.fn(async () => tree),
      getComplianceSummary: jest.fn(async () => complianceSummary),
      getSyncStatus: jest.fn(async () => syncStatus),
      listAccounts: jest.fn(async () => ({
        items: [],
        totalCount: 0,
        offset: 0,
        limit: 20,
      })),
    });
    await renderInTestApp(
      createExtensionTester(awsOrganizationsExplorerPage).reactElement(),
      {
        apis: [
          [awsOrganizationsApiRef, api],
          [permissionApiRef, mockApis.permission()],
        ],
        // The explorer links units to their catalog pages.
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(
      await screen.findByRole('heading', { name: 'AWS Organizations' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByTestId('aws-tree-node-r-ab12'),
    ).toBeInTheDocument();
  });

  it.each([
    [awsAccountOverviewContent, '/aws-account', 'AWS account', ['account']],
    [awsAccountGuardrailsContent, '/guardrails', 'Guardrails', ['account']],
    [awsAccountAccessContent, '/access', 'Access', ['account']],
    [awsAccountComplianceContent, '/compliance', 'Compliance', ['account']],
    [awsAccountSecurityContent, '/security', 'Security', ['account']],
    [awsAccountHistoryContent, '/history', 'History', ['account']],
    [
      awsOrganizationalUnitContent,
      '/aws-organizational-unit',
      'Organizational unit',
      ['ou', 'root'],
    ],
    [awsServiceControlPolicyContent, '/aws-policy', 'Policy', ['scp']],
    [
      awsPermissionSetContent,
      '/aws-permission-set',
      'Permission set',
      ['permissionSet'],
    ],
  ] as const)(
    'entity content %#: path %s, title %s, shown for %j',
    (extension, path, title, shownFor) => {
      const tester = createExtensionTester(extension as any);
      expect(tester.get(coreExtensionData.routePath)).toBe(path);
      expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(title);
      const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
      expect(matching(filter)).toEqual(shownFor);
    },
  );

  it.each([
    [awsAccountComplianceCard, ['account']],
    [awsServiceAccountsCard, ['service']],
    [awsGroupAccountsCard, ['group']],
    [awsGroupComplianceCard, ['group']],
    [awsGroupFindingsCard, ['group']],
    [awsServiceFindingsCard, ['service']],
    [awsUserAccessCard, ['user']],
  ] as const)('entity card %#: shown for %j', (extension, shownFor) => {
    const tester = createExtensionTester(extension as any);
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(matching(filter)).toEqual(shownFor);
  });

  it("puts the team's compliance in the side column (an info card) and its accounts in the main one", () => {
    const type = (extension: unknown) =>
      createExtensionTester(extension as any).get(
        EntityCardBlueprint.dataRefs.type,
      );
    expect(type(awsGroupComplianceCard)).toBe('info');
    expect(type(awsGroupAccountsCard)).toBeUndefined();
  });

  it("passes the service findings card's configured tag key to the card", async () => {
    await import('./components/ServiceFindingsCard/ServiceFindingsCard');
    const api = mockAwsApi({
      getAccountFindingCounts: jest.fn(async () => findingCounts),
      getAccountFindings: jest.fn(async () => findingsPage),
    });
    await renderInTestApp(
      <EntityProvider entity={serviceEntity}>
        {createExtensionTester(awsServiceFindingsCard, {
          config: { tagKey: 'app' },
        }).reactElement()}
      </EntityProvider>,
      {
        apis: [
          [awsOrganizationsApiRef, api],
          [permissionApiRef, mockApis.permission()],
        ],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(await screen.findByTestId('aws-findings-table')).toHaveTextContent(
      'On resources tagged app=payments-api',
    );
  });
});
