import { screen, within } from '@testing-library/react';
import {
  accountSummary,
  groupEntity,
  principalAccess,
} from '../../__testUtils__/data';
import {
  mockAwsApi,
  pending,
  renderWithApis,
  responseError,
} from '../../__testUtils__/testUtils';
import { GroupAccountsCard } from './GroupAccountsCard';

describe('GroupAccountsCard', () => {
  it('shows owned and reachable accounts', async () => {
    const api = mockAwsApi({
      listAccounts: jest.fn(async () => ({
        items: [accountSummary],
        totalCount: 1,
        offset: 0,
        limit: 100,
      })),
      getPrincipalAccess: jest.fn(async () => principalAccess),
    });
    await renderWithApis(<GroupAccountsCard />, { api, entity: groupEntity });
    expect(api.listAccounts).toHaveBeenCalledWith({
      owner: 'group:default/payments',
      limit: 100,
    });
    expect(api.getPrincipalAccess).toHaveBeenCalledWith({
      kind: 'group',
      namespace: 'default',
      name: 'payments',
    });
    const owned = screen.getByTestId('aws-group-owned');
    expect(within(owned).getByText('payments-prod')).toBeInTheDocument();
    expect(
      within(owned).getByTestId('aws-compliance-fail'),
    ).toBeInTheDocument();
    const reachable = screen.getByTestId('aws-group-reachable');
    expect(
      within(reachable).getByText('AdministratorAccess'),
    ).toBeInTheDocument();
    expect(within(reachable).getByText('Privileged')).toBeInTheDocument();
  });

  it('keeps owned accounts when reading access is denied', async () => {
    const error = await responseError(403);
    const api = mockAwsApi({
      listAccounts: jest.fn(async () => ({
        items: [],
        totalCount: 0,
        offset: 0,
        limit: 100,
      })),
      getPrincipalAccess: jest.fn(() => Promise.reject(error)),
    });
    await renderWithApis(<GroupAccountsCard />, { api, entity: groupEntity });
    expect(
      screen.getByText('This team owns no AWS account.'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByTestId('aws-group-reachable')).getByTestId(
        'aws-restricted',
      ),
    ).toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    const api = mockAwsApi({
      listAccounts: jest.fn(() => pending()),
      getPrincipalAccess: jest.fn(() => pending()),
    });
    await renderWithApis(<GroupAccountsCard />, { api, entity: groupEntity });
    expect(screen.getAllByTestId('progress')).toHaveLength(2);
  });

  it('shows an owned-accounts error and an empty reachable list', async () => {
    const error = await responseError(500, 'database down');
    const api = mockAwsApi({
      listAccounts: jest.fn(() => Promise.reject(error)),
      getPrincipalAccess: jest.fn(async () => ({
        ...principalAccess,
        grants: [],
      })),
    });
    await renderWithApis(<GroupAccountsCard />, { api, entity: groupEntity });
    expect(
      await within(screen.getByTestId('aws-group-owned')).findByTestId(
        'aws-error',
      ),
    ).toHaveTextContent('database down');
    expect(
      await screen.findByText(
        'This team holds no permission set in any AWS account.',
      ),
    ).toBeInTheDocument();
    expect(api.listAccounts).toHaveBeenCalledWith({
      owner: 'group:default/payments',
      limit: 100,
    });
  });
});
