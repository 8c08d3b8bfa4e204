import { fireEvent, screen, within } from '@testing-library/react';
import {
  ACCOUNT_ID,
  groupEntity,
  serviceEntity,
} from '../../__testUtils__/data';
import {
  accountRoleReach,
  principalRoleReach,
} from '../../__testUtils__/roleReachData';
import { mockAwsApi, renderWithApis } from '../../__testUtils__/testUtils';
import { GroupRoleReachCard } from './GroupRoleReachCard';
import { ServiceRoleReachCard } from './ServiceRoleReachCard';

describe('GroupRoleReachCard', () => {
  it('lists the accounts the team reaches through roles, with the path', async () => {
    const api = mockAwsApi({
      getPrincipalRoleReach: jest.fn(async () => principalRoleReach),
    });
    await renderWithApis(<GroupRoleReachCard />, { api, entity: groupEntity });
    expect(api.getPrincipalRoleReach).toHaveBeenCalledWith(
      { kind: 'group', namespace: 'default', name: 'payments' },
      { offset: 0, limit: 100 },
    );
    const row = screen.getByText('payments-prod').closest('tr')!;
    expect(within(row).getByText('payments-prod').closest('a')).toHaveAttribute(
      'href',
      `/catalog/default/resource/aws-account-${ACCOUNT_ID}`,
    );
    expect(
      within(row).getByText('DevOps in shared-tools → Deploy in payments-prod'),
    ).toBeInTheDocument();
    fireEvent.click(within(row).getAllByRole('button')[0]);
    expect(await screen.findByTestId('aws-reach-path')).toHaveTextContent(
      'Trust policy: allowed',
    );
  });

  it('says when the team reaches nothing through roles', async () => {
    const api = mockAwsApi({
      getPrincipalRoleReach: jest.fn(async () => ({
        ...principalRoleReach,
        entries: [],
        totalCount: 0,
      })),
    });
    await renderWithApis(<GroupRoleReachCard />, { api, entity: groupEntity });
    expect(screen.getByTestId('aws-group-role-reach-none')).toBeInTheDocument();
  });
});

describe('ServiceRoleReachCard', () => {
  it('shows who reaches the account the service runs in', async () => {
    const api = mockAwsApi({
      getAccountRoleReach: jest.fn(async () => accountRoleReach),
    });
    await renderWithApis(<ServiceRoleReachCard />, {
      api,
      entity: serviceEntity,
    });
    expect(api.getAccountRoleReach).toHaveBeenCalledWith(ACCOUNT_ID, {
      limit: 10,
    });
    const account = screen.getByTestId(`aws-service-role-reach-${ACCOUNT_ID}`);
    expect(within(account).getByText('devops')).toBeInTheDocument();
    expect(account).toHaveTextContent(
      'DevOps in shared-tools → Deploy in payments-prod',
    );
    expect(account).not.toHaveTextContent(/more ways in/);
  });

  it('shows the first ways in and says how many more the Access tab has', async () => {
    const api = mockAwsApi({
      getAccountRoleReach: jest.fn(async () => ({
        ...accountRoleReach,
        totalCount: 25,
      })),
    });
    await renderWithApis(<ServiceRoleReachCard />, {
      api,
      entity: serviceEntity,
    });
    expect(
      screen.getByTestId(`aws-service-role-reach-${ACCOUNT_ID}`),
    ).toHaveTextContent("24 more ways in: see the account's Access tab.");
  });

  it('says when no one reaches it', async () => {
    const api = mockAwsApi({
      getAccountRoleReach: jest.fn(async () => ({
        ...accountRoleReach,
        entries: [],
        totalCount: 0,
      })),
    });
    await renderWithApis(<ServiceRoleReachCard />, {
      api,
      entity: serviceEntity,
    });
    expect(
      screen.getByText('No one reaches this account through roles.'),
    ).toBeInTheDocument();
  });
});
