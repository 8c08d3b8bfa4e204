import { fireEvent, screen, within } from '@testing-library/react';
import { access, accountEntity, ACCOUNT_ID } from '../../__testUtils__/data';
import {
  accountRoleReach,
  accountRoles,
  TOOLS_ACCOUNT as TOOLS,
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
    expect(api.getAccountRoleReach).toHaveBeenCalledWith(ACCOUNT_ID, {
      offset: 0,
      limit: 100,
      fromUnit: undefined,
    });
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

  it('loads the ways in a page at a time, and opens the OU they start in on demand', async () => {
    const second = {
      ...accountRoleReach.entries[0],
      path: {
        ...accountRoleReach.entries[0].path,
        start: {
          ...accountRoleReach.entries[0].path.start,
          permissionSetName: 'Auditor',
        },
      },
    };
    const getAccountRoleReach = jest.fn(
      async (
        _id: string,
        query: { offset?: number; fromUnit?: string } = {},
      ) => {
        if (query.fromUnit === 'ou-shared') {
          return {
            ...accountRoleReach,
            fromUnit: 'ou-shared',
            totalCount: 1,
            sources: [
              {
                ...accountRoleReach.sources[0],
                id: TOOLS,
                kind: 'account' as const,
                name: 'shared-tools',
              },
            ],
          };
        }
        return {
          ...accountRoleReach,
          totalCount: 2,
          offset: query.offset ?? 0,
          entries: query.offset ? [second] : accountRoleReach.entries,
        };
      },
    );
    const api = await render({ getAccountRoleReach });
    const reach = screen.getByTestId('aws-role-reach');
    expect(
      within(reach).getByText(/2 ways in \(1 allowed/),
    ).toBeInTheDocument();
    fireEvent.click(within(reach).getByTestId('aws-role-reach-more'));
    expect(
      await within(reach).findByText(/Auditor in shared-tools/),
    ).toBeInTheDocument();
    expect(getAccountRoleReach).toHaveBeenLastCalledWith(ACCOUNT_ID, {
      offset: 1,
      limit: 100,
      fromUnit: undefined,
    });
    expect(within(reach).queryByTestId('aws-role-reach-more')).toBeNull();

    fireEvent.click(
      within(reach).getByTestId('aws-role-reach-source-ou-shared'),
    );
    expect(
      await within(reach).findByTestId(`aws-role-reach-source-${TOOLS}`),
    ).toHaveTextContent('shared-tools: 1');
    expect(api.getAccountRoleReach).toHaveBeenLastCalledWith(ACCOUNT_ID, {
      offset: 0,
      limit: 100,
      fromUnit: 'ou-shared',
    });
    expect(within(reach).queryByText(/Auditor in shared-tools/)).toBeNull();
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

  it('loads the roles a page at a time, and the hops of a role beyond its first ones', async () => {
    const [deploy, vendor] = accountRoles.assumable;
    const [backup] = accountRoles.reachingElsewhere;
    const vault = backup.hops[0];
    const locker = {
      ...vault,
      toRoleArn: `arn:aws:iam::${TOOLS}:role/Locker`,
      decision: 'allowed' as const,
    };
    const outbound = (name: string) => ({
      ...backup,
      roleArn: `arn:aws:iam::${ACCOUNT_ID}:role/${name}`,
      roleName: name,
    });
    const archive = outbound('Archive');
    const getAccountRoles = jest.fn(
      async (
        _id: string,
        query: { offset?: number; list?: string; role?: string } = {},
      ) => {
        const counts = {
          ...accountRoles,
          assumableCount: 2,
          reachingElsewhereCount: 3,
          offset: query.offset ?? 0,
        };
        if (query.role) {
          return {
            ...counts,
            assumable: [],
            reachingElsewhere: [{ ...backup, hops: [locker], hopCount: 2 }],
          };
        }
        if (query.list === 'assumable') {
          return { ...counts, assumable: [vendor], reachingElsewhere: [] };
        }
        if (query.list === 'reaching-elsewhere') {
          return { ...counts, assumable: [], reachingElsewhere: [archive] };
        }
        return {
          ...counts,
          assumable: [deploy],
          reachingElsewhere: [{ ...backup, hopCount: 2 }, outbound('Keeper')],
        };
      },
    );
    await render({ getAccountRoles });
    expect(getAccountRoles).toHaveBeenCalledWith(ACCOUNT_ID, {
      offset: 0,
      limit: 100,
    });
    const reach = screen.getByTestId('aws-role-reach');
    expect(within(reach).queryByText('Vendor')).toBeNull();
    fireEvent.click(within(reach).getByTestId('aws-roles-assumable-more'));
    expect(await within(reach).findByText('Vendor')).toBeInTheDocument();
    expect(getAccountRoles).toHaveBeenLastCalledWith(ACCOUNT_ID, {
      offset: 1,
      limit: 100,
      list: 'assumable',
    });
    expect(within(reach).queryByTestId('aws-roles-assumable-more')).toBeNull();

    fireEvent.click(within(reach).getByTestId('aws-role-hops-more-Backup'));
    expect(
      await within(reach).findByText(/Locker in shared-tools/),
    ).toBeInTheDocument();
    expect(getAccountRoles).toHaveBeenLastCalledWith(ACCOUNT_ID, {
      offset: 1,
      limit: 100,
      role: backup.roleArn,
    });
    expect(within(reach).queryByTestId('aws-role-hops-more-Backup')).toBeNull();

    fireEvent.click(within(reach).getByTestId('aws-roles-outbound-more'));
    expect(await within(reach).findByText('Archive')).toBeInTheDocument();
    expect(getAccountRoles).toHaveBeenLastCalledWith(ACCOUNT_ID, {
      offset: 2,
      limit: 100,
      list: 'reaching-elsewhere',
    });
    expect(within(reach).queryByTestId('aws-roles-outbound-more')).toBeNull();
  });
});
