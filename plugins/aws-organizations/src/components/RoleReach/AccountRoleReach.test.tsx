import { fireEvent, screen, within } from '@testing-library/react';
import { access, accountEntity, ACCOUNT_ID } from '../../__testUtils__/data';
import {
  accountRoleReach,
  accountRoles,
} from '../../__testUtils__/roleReachData';
import {
  mockAwsApi,
  renderWithApis,
  responseError,
} from '../../__testUtils__/testUtils';
import { AccountAccess } from '../AccountAccess/AccountAccess';

function render(overrides: Parameters<typeof mockAwsApi>[0] = {}) {
  const api = mockAwsApi({
    getAccountAccess: jest.fn(async () => access),
    getAccountRoleReach: jest.fn(async () => accountRoleReach),
    getAccountRoles: jest.fn(async () => accountRoles),
    ...overrides,
  });
  return renderWithApis(<AccountAccess />, { api, entity: accountEntity }).then(
    () => api,
  );
}

describe('the Access tab: reach through roles', () => {
  it('shows who reaches the account through roles beside the assignments, with the path', async () => {
    const api = await render();
    expect(api.getAccountRoleReach).toHaveBeenCalledWith(ACCOUNT_ID);
    expect(screen.getByText('Who can access this account')).toBeInTheDocument();
    const reach = screen.getByTestId('aws-role-reach');
    const row = within(reach)
      .getByText('DevOps in shared-tools → Deploy in payments-prod')
      .closest('tr')!;
    expect(within(row).getByText('devops').closest('a')).toHaveAttribute(
      'href',
      '/catalog/default/group/devops',
    );
    expect(within(row).getByText('bob')).toBeInTheDocument();
    fireEvent.click(within(row).getAllByRole('button')[0]);
    const path = await within(reach).findByTestId('aws-reach-path');
    expect(path).toHaveTextContent(
      'Identity policies: allowed — IDENTITY inline policy of DevOps statement "AssumeDeploy" (#1): Allow',
    );
    expect(path).toHaveTextContent(
      'SCPs and RCPs: allowed — SCP FullAWSAccess statement #1: Allow at Root',
    );
    expect(within(reach).getByText(/Members: alice/)).toBeInTheDocument();
  });

  it('lists the roles others can assume, outside principals highlighted, and the roles reaching elsewhere', async () => {
    await render();
    const reach = screen.getByTestId('aws-role-reach');
    const external = within(reach).getByTestId('aws-trust-external');
    expect(external).toHaveTextContent(
      '777788889999 (outside the organization)',
    );
    expect(
      within(external.closest('tr')!).getByText('Vendor'),
    ).toBeInTheDocument();
    const backup = within(reach).getByText('Backup').closest('tr')!;
    expect(
      within(backup).getByText(/Vault in shared-tools/),
    ).toBeInTheDocument();
    expect(
      within(backup).getByTestId('aws-reach-decision-indeterminate'),
    ).toBeInTheDocument();
  });

  it('titles the team-level answer by groups', async () => {
    await render({
      getAccountRoleReach: jest.fn(async () => ({
        ...accountRoleReach,
        restricted: true,
      })),
    });
    expect(
      screen.getByText('Groups that reach this account through roles'),
    ).toBeInTheDocument();
  });

  it('says when the account’s roles are unknown', async () => {
    await render({
      getAccountRoleReach: jest.fn(async () => ({
        ...accountRoleReach,
        status: 'unknown' as const,
        reason: 'AccessDenied assuming the read-only role',
        entries: [],
      })),
      getAccountRoles: jest.fn(async () => ({
        ...accountRoles,
        status: 'unknown' as const,
      })),
    });
    expect(screen.getByTestId('aws-role-reach')).toHaveTextContent(
      /The roles of this account are unknown/,
    );
    expect(
      screen.queryByText('Who reaches this account through roles'),
    ).toBeNull();
  });

  it('keeps the assignments when the reach cannot be read', async () => {
    const error = await responseError(500, 'boom');
    await render({ getAccountRoleReach: jest.fn(() => Promise.reject(error)) });
    expect(screen.getByText('Who can access this account')).toBeInTheDocument();
    expect(screen.getByText(/boom/)).toBeInTheDocument();
  });

  it('shows a note without a roles source', async () => {
    await render({
      getAccountRoleReach: jest.fn(async () => ({
        ...accountRoleReach,
        status: 'not-configured' as const,
        entries: [],
      })),
    });
    expect(
      screen.getByTestId('aws-role-reach-not-configured'),
    ).toBeInTheDocument();
  });
});
