import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { access, accountEntity } from '../../__testUtils__/data';
import {
  mockAwsApi,
  pending,
  renderWithApis,
  responseError,
} from '../../__testUtils__/testUtils';
import { AccountAccess } from './AccountAccess';

function render(api: ReturnType<typeof mockAwsApi>) {
  return renderWithApis(<AccountAccess />, { api, entity: accountEntity });
}

describe('AccountAccess', () => {
  it('lists principals, permission sets, privilege and the way in', async () => {
    const api = mockAwsApi({ getAccountAccess: jest.fn(async () => access) });
    await render(api);
    expect(api.getAccountAccess).toHaveBeenCalledWith('123456789012');
    const adminRow = screen.getByText('payments-admins').closest('tr')!;
    expect(
      within(adminRow).getByText('payments-admins').closest('a'),
    ).toHaveAttribute('href', '/catalog/default/group/payments');
    expect(
      within(adminRow).getByText('AdministratorAccess').closest('a'),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/aws-permission-set-admin',
    );
    expect(within(adminRow).getByText('Privileged')).toBeInTheDocument();
    expect(within(adminRow).getByText('Direct')).toBeInTheDocument();
    const carolRow = screen.getByText('carol').closest('tr')!;
    expect(within(carolRow).queryByRole('link', { name: 'carol' })).toBeNull();
    expect(within(carolRow).getByText('No')).toBeInTheDocument();
  });

  it('expands a group to its members', async () => {
    await render(mockAwsApi({ getAccountAccess: jest.fn(async () => access) }));
    const adminRow = screen.getByText('payments-admins').closest('tr')!;
    fireEvent.click(within(adminRow).getAllByRole('button')[0]);
    const members = await screen.findByTestId('aws-group-members');
    expect(within(members).getByText('Alice Doe').closest('a')).toHaveAttribute(
      'href',
      '/catalog/default/user/alice',
    );
    expect(within(members).getByText('bob')).toBeInTheDocument();
  });

  it('shows the team-level view the backend answers without the access permission: groups, no members, no expansion', async () => {
    const teamLevel = {
      ...access,
      restricted: true,
      grants: access.grants
        .filter(g => g.principal.type === 'GROUP')
        .map(({ members: _members, ...g }) => g),
    };
    await render(
      mockAwsApi({ getAccountAccess: jest.fn(async () => teamLevel) }),
    );
    expect(screen.getByTestId('aws-access-team-level')).toHaveTextContent(
      'aws-organizations.access.read',
    );
    expect(
      screen.getByText('Groups that can access this account'),
    ).toBeInTheDocument();
    const adminRow = screen.getByText('payments-admins').closest('tr')!;
    expect(within(adminRow).queryAllByRole('button')).toEqual([]);
    expect(screen.queryByText('carol')).toBeNull();
  });

  it("downloads the server's export of the account (what the caller may see, in the report's format)", async () => {
    const clicked: string[] = [];
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function (this: HTMLAnchorElement) {
        clicked.push(this.href);
      });
    const url =
      'http://backstage/api/aws-organizations/accounts/123456789012/access.csv';
    const getDownloadUrl = jest.fn(async () => url);
    await render(
      mockAwsApi({
        getAccountAccess: jest.fn(async () => access),
        getDownloadUrl,
      }),
    );
    fireEvent.click(screen.getByTestId('aws-access-export'));
    await waitFor(() => expect(clicked).toEqual([url]));
    expect(getDownloadUrl).toHaveBeenCalledWith({
      kind: 'account-access',
      accountId: '123456789012',
    });
    click.mockRestore();
  });

  it('says so when the export cannot be prepared', async () => {
    await render(
      mockAwsApi({
        getAccountAccess: jest.fn(async () => access),
        getDownloadUrl: jest.fn(async () => {
          throw new Error('cookie refused');
        }),
      }),
    );
    fireEvent.click(screen.getByTestId('aws-access-export'));
    expect(
      await screen.findByText(/Could not export the access: cookie refused/),
    ).toBeInTheDocument();
  });

  it('shows a restricted state when access reading is denied', async () => {
    const error = await responseError(403, 'not allowed');
    await render(
      mockAwsApi({ getAccountAccess: jest.fn(() => Promise.reject(error)) }),
    );
    const panel = await screen.findByTestId('aws-restricted');
    expect(panel).toHaveTextContent('Restricted');
    expect(panel).toHaveTextContent('who has access to this account');
  });

  it('shows progress, then an empty state without grants', async () => {
    await render(mockAwsApi({ getAccountAccess: jest.fn(() => pending()) }));
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('says when nobody is assigned', async () => {
    await render(
      mockAwsApi({
        getAccountAccess: jest.fn(async () => ({ ...access, grants: [] })),
      }),
    );
    expect(
      screen.getByText('No one is assigned to this account'),
    ).toBeInTheDocument();
  });

  it('says when Identity Center is not enabled', async () => {
    await render(
      mockAwsApi({
        getAccountAccess: jest.fn(async () => ({
          ...access,
          identityCenter: 'not-enabled' as const,
          grants: [],
        })),
      }),
    );
    expect(
      screen.getByText('IAM Identity Center is not enabled'),
    ).toBeInTheDocument();
  });
});
