import { Entity } from '@backstage/catalog-model';
import { screen, within } from '@testing-library/react';
import { tree } from '../../__testUtils__/data';
import {
  mockAwsApi,
  pending,
  renderWithApis,
  responseError,
} from '../../__testUtils__/testUtils';
import { OrganizationalUnitContent } from './OrganizationalUnitContent';

function ouEntity(id: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: `aws-ou-${id}`,
      namespace: 'default',
      annotations: { 'amazonaws.com/organizational-unit-id': id },
    },
    spec: { type: 'aws-organizational-unit' },
  };
}

describe('OrganizationalUnitContent', () => {
  it('shows the rollup, child OUs and the accounts of the unit', async () => {
    await renderWithApis(<OrganizationalUnitContent />, {
      api: mockAwsApi({ getOrganizationTree: jest.fn(async () => tree) }),
      entity: ouEntity('ou-ab12-work0001'),
    });
    expect(screen.getByTestId('aws-ou-rollup')).toHaveTextContent(
      '2 accounts in this unit and below: 0 compliant, 1 non-compliant, 1 with warnings',
    );
    const prodRow = screen.getByText('Prod').closest('tr')!;
    expect(within(prodRow).getByText('Prod').closest('a')).toHaveAttribute(
      'href',
      '/catalog/default/resource/aws-ou-ab12-prod0001',
    );
    expect(
      screen.getByText('No accounts directly in this unit.'),
    ).toBeInTheDocument();
  });

  it('lists accounts with their compliance', async () => {
    await renderWithApis(<OrganizationalUnitContent />, {
      api: mockAwsApi({ getOrganizationTree: jest.fn(async () => tree) }),
      entity: ouEntity('ou-ab12-prod0001'),
    });
    const row = screen.getByText('orders-prod').closest('tr')!;
    expect(row).toHaveTextContent('Suspended');
    expect(within(row).getByTestId('aws-compliance-warn')).toBeInTheDocument();
    expect(
      screen.getByText('No child organizational units.'),
    ).toBeInTheDocument();
  });

  it('rolls up the whole organization on the root entity', async () => {
    await renderWithApis(<OrganizationalUnitContent />, {
      api: mockAwsApi({ getOrganizationTree: jest.fn(async () => tree) }),
      entity: {
        ...ouEntity('r-ab12'),
        spec: { type: 'aws-organization-root' },
      },
    });
    expect(screen.getByTestId('aws-ou-rollup')).toHaveTextContent(
      '3 accounts in this unit and below: 1 compliant, 1 non-compliant, 1 with warnings, 0 unknown.',
    );
    const workloads = screen.getByText('Workloads').closest('tr')!;
    expect(workloads).toHaveTextContent('2');
    expect(
      within(workloads).getByRole('img', {
        name: '0 compliant, 1 non-compliant, 1 warnings, 0 unknown',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('management').closest('a')).toHaveAttribute(
      'href',
      '/catalog/default/resource/aws-account-999999999999',
    );
  });

  it('says when the unit is not in the tree', async () => {
    await renderWithApis(<OrganizationalUnitContent />, {
      api: mockAwsApi({ getOrganizationTree: jest.fn(async () => tree) }),
      entity: ouEntity('ou-gone'),
    });
    expect(screen.getByText(/Not in the organization/)).toBeInTheDocument();
  });

  it('shows progress and errors', async () => {
    await renderWithApis(<OrganizationalUnitContent />, {
      api: mockAwsApi({ getOrganizationTree: jest.fn(() => pending()) }),
      entity: ouEntity('ou-ab12-prod0001'),
    });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    const error = await responseError(500, 'database down');
    await renderWithApis(<OrganizationalUnitContent />, {
      api: mockAwsApi({
        getOrganizationTree: jest.fn(() => Promise.reject(error)),
      }),
      entity: ouEntity('ou-ab12-prod0001'),
    });
    expect(await screen.findByTestId('aws-error')).toHaveTextContent(
      'database down',
    );
  });

  it('explains an entity without the unit id annotation', async () => {
    const api = mockAwsApi();
    await renderWithApis(<OrganizationalUnitContent />, {
      api,
      entity: { ...ouEntity('x'), metadata: { name: 'aws-ou-x' } },
    });
    expect(screen.getByText(/No organizational unit id/)).toBeInTheDocument();
    expect(api.getOrganizationTree).not.toHaveBeenCalled();
  });

  it('shows the restricted panel on 403', async () => {
    const error = await responseError(403);
    await renderWithApis(<OrganizationalUnitContent />, {
      api: mockAwsApi({
        getOrganizationTree: jest.fn(() => Promise.reject(error)),
      }),
      entity: ouEntity('ou-ab12-prod0001'),
    });
    expect(await screen.findByTestId('aws-restricted')).toBeInTheDocument();
  });
});
