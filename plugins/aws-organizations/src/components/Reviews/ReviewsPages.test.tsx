import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import {
  accountEntity,
  groupEntity,
  syncStatus,
} from '../../__testUtils__/data';
import {
  campaign,
  itemsPage,
  overdueCampaign,
  progress,
  readOnlyItem,
  remediation,
} from '../../__testUtils__/reviewData';
import {
  mockAwsApi,
  renderWithApis,
  responseError,
} from '../../__testUtils__/testUtils';
import { AccountReviewsCard } from './AccountReviewsCard';
import { CampaignList } from './CampaignList';
import { CampaignPage } from './CampaignPage';
import { GroupReviewsCard } from './GroupReviewsCard';

const campaigns = {
  items: [campaign, overdueCampaign],
  totalCount: 2,
  offset: 0,
  limit: 20,
};

describe('CampaignList', () => {
  it('lists campaigns with their progress in all and per team; overdue ones stand out', async () => {
    const api = mockAwsApi({
      listReviewCampaigns: jest.fn(async () => campaigns),
      getReviewCampaignProgress: jest.fn(async (id: string) => ({
        ...progress,
        campaignId: id,
      })),
    });
    await renderWithApis(<CampaignList />, { api, permission: 'DENY' });
    const rows = await screen.findAllByTestId('aws-campaign-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Q3 access review');
    expect(within(rows[0]).getAllByRole('progressbar')[0]).toHaveAttribute(
      'aria-label',
      '2 of 4 decided (1 kept, 1 revoked)',
    );
    expect(within(rows[0]).queryByTestId('aws-campaign-overdue')).toBeNull();
    expect(
      within(rows[1]).getByTestId('aws-campaign-overdue'),
    ).toHaveTextContent('Overdue');
    expect(rows[1]).toHaveTextContent('quarterly, cycle 2');
    // Per team: the payments team, then the unowned accounts.
    const teams = await within(rows[0]).findAllByTestId(
      'aws-team-progress-row',
    );
    expect(teams[0]).toHaveTextContent('payments');
    expect(teams[0]).toHaveTextContent('2 of 3 decided');
    expect(teams[1]).toHaveTextContent('Unowned accounts');
    // Not an admin: no start button.
    expect(screen.queryByTestId('aws-start-campaign')).toBeNull();
  });

  it('lets an admin start a campaign with a scope, a due date and a recurrence', async () => {
    const api = mockAwsApi({
      listReviewCampaigns: jest.fn(async () => ({
        items: [],
        totalCount: 0,
        offset: 0,
        limit: 20,
      })),
      startReviewCampaign: jest.fn(async () => campaign),
      getOrganizationTree: jest.fn(async () => ({
        id: 'r-1',
        name: 'Root',
        type: 'ROOT',
        children: [],
      })) as any,
    });
    await renderWithApis(<CampaignList />, { api, permission: 'ALLOW' });
    expect(await screen.findByTestId('aws-no-campaigns')).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('aws-start-campaign'));
    const dialog = screen.getByRole('dialog');
    const start = within(dialog).getByRole('button', {
      name: 'Start campaign',
    });
    expect(start).toBeDisabled();
    await userEvent.type(within(dialog).getByLabelText(/Name/), 'Q4 review');
    await userEvent.click(within(dialog).getByLabelText('Privileged only'));
    const due = within(dialog).getByLabelText(/Due/);
    await userEvent.clear(due);
    await userEvent.type(due, '2027-01-15');
    await userEvent.selectOptions(
      within(dialog).getByLabelText('Recurrence'),
      'quarterly',
    );
    await userEvent.click(start);
    await waitFor(() => expect(api.startReviewCampaign).toHaveBeenCalled());
    const request = api.startReviewCampaign.mock.calls[0][0];
    expect(request).toEqual({
      name: 'Q4 review',
      scope: {
        organizationalUnitIds: [],
        accountIds: [],
        permissionSets: 'privileged',
      },
      dueAt: new Date(2027, 0, 15, 23, 59, 59).toISOString(),
      recurrence: { interval: 'quarterly' },
    });
  });
});

describe('CampaignPage', () => {
  function campaignApi() {
    return mockAwsApi({
      getSyncStatus: jest.fn(async () => syncStatus),
      getReviewCampaign: jest.fn(async () => campaign),
      getReviewCampaignProgress: jest.fn(async () => progress),
      listReviewItems: jest.fn(async () => itemsPage([readOnlyItem])),
      listRemediations: jest.fn(async () => ({
        items: [
          remediation,
          {
            ...remediation,
            id: '4',
            status: 'closed',
            closedAt: '2026-11-03T10:00:00Z',
          },
        ],
        totalCount: 2,
        offset: 0,
        limit: 20,
      })),
      getDownloadUrl: jest.fn(async () => 'http://backend/evidence.csv'),
    });
  }
  const render = (api: any, permission: 'ALLOW' | 'DENY') =>
    renderWithApis(
      <Routes>
        <Route
          path="/aws-organizations/reviews/:campaignId"
          element={<CampaignPage />}
        />
      </Routes>,
      {
        api,
        permission,
        routeEntries: ['/aws-organizations/reviews/7'],
      },
    );

  it("shows the campaign, its teams' progress, the queue and the remediation entries with their command", async () => {
    const api = campaignApi();
    await render(api, 'DENY');
    expect(await screen.findByTestId('aws-campaign-summary')).toHaveTextContent(
      'Scope: the whole organization; every permission set',
    );
    expect(api.getReviewCampaign).toHaveBeenCalledWith('7');
    expect(await screen.findAllByTestId('aws-review-item')).toHaveLength(1);
    const entries = await screen.findAllByTestId('aws-remediation');
    expect(entries[0]).toHaveAttribute('data-status', 'open');
    expect(entries[0]).toHaveTextContent(
      'aws sso-admin delete-account-assignment',
    );
    expect(entries[1]).toHaveAttribute('data-status', 'closed');
    expect(entries[1]).toHaveTextContent('Nothing: the assignment is gone');
    // An account id is not broken across lines ("7241083552 / 01").
    expect(
      within(entries[0]).getByTestId('aws-remediation-account'),
    ).toHaveStyle({ whiteSpace: 'nowrap' });
    // No admin: the evidence is not offered, and the page says why.
    expect(screen.queryByTestId('aws-evidence')).toBeNull();
    expect(
      screen.getByText(/evidence export is for review admins/),
    ).toBeInTheDocument();
  });

  it('offers the evidence downloads to admins', async () => {
    // The browser downloads the server's stream itself: a link is clicked.
    const clicked: HTMLAnchorElement[] = [];
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function recordClick(this: HTMLAnchorElement) {
        clicked.push(this);
      });
    const api = campaignApi();
    await render(api, 'ALLOW');
    await userEvent.click(await screen.findByTestId('aws-evidence-json'));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(api.getDownloadUrl).toHaveBeenCalledWith({
      kind: 'review-evidence',
      campaignId: '7',
      format: 'json',
    });
    expect(clicked[0].href).toBe('http://backend/evidence.csv');
    click.mockRestore();
  });

  it("asks for the queue's items at once, not after the campaign", async () => {
    const api = campaignApi();
    // The campaign never answers: the queue renders all the same.
    api.getReviewCampaign.mockReturnValue(new Promise(() => {}));
    await render(api, 'DENY');
    expect(await screen.findAllByTestId('aws-review-item')).toHaveLength(1);
    expect(api.listReviewItems).toHaveBeenCalledWith(
      '7',
      expect.objectContaining({ offset: 0 }),
    );
    expect(await screen.findAllByTestId('aws-remediation')).toHaveLength(2);
    expect(screen.queryByTestId('aws-campaign-summary')).toBeNull();
  });

  it('shows the first teams and the unowned accounts, the rest on demand', async () => {
    const api = campaignApi();
    const team = progress.byTeam[0];
    api.getReviewCampaignProgress.mockResolvedValue({
      ...progress,
      byTeam: [
        ...Array.from({ length: 12 }, (_, i) => ({
          ...team,
          teamRef: `group:default/team-${String(i).padStart(2, '0')}`,
        })),
        progress.byTeam[1],
      ],
    });
    await render(api, 'DENY');
    const rows = await screen.findAllByTestId('aws-team-progress-row');
    expect(rows).toHaveLength(11);
    expect(rows[9]).toHaveTextContent('team-09');
    expect(rows[10]).toHaveTextContent('Unowned accounts');
    await userEvent.click(
      screen.getByRole('button', { name: 'Show all 13 teams (2 more)' }),
    );
    const all = screen.getAllByTestId('aws-team-progress-row');
    expect(all).toHaveLength(13);
    expect(all[11]).toHaveTextContent('team-11');
    expect(screen.queryByTestId('aws-team-progress-all')).toBeNull();
  });

  it('says when the campaign does not exist', async () => {
    const api = campaignApi();
    const notFound = await responseError(404, 'No review campaign 7');
    api.getReviewCampaign.mockRejectedValue(notFound);
    await render(api, 'DENY');
    expect(await screen.findByTestId('aws-not-found')).toBeInTheDocument();
  });
});

describe('AccountReviewsCard', () => {
  it("shows the account's last review and its open items", async () => {
    const api = mockAwsApi({
      getSyncStatus: jest.fn(async () => syncStatus),
      getAccountReviews: jest.fn(async () => ({
        accountId: '123456789012',
        lastReview: {
          campaignId: '7',
          campaignName: 'Q3 access review',
          startedAt: campaign.startedAt,
          dueAt: campaign.dueAt,
          status: 'active' as const,
          progress: {
            total: 3,
            pending: 2,
            kept: 1,
            revoked: 0,
            percentDone: 33,
          },
        },
        openItems: 2,
        openRemediations: 1,
      })),
    });
    await renderWithApis(<AccountReviewsCard />, {
      api,
      entity: accountEntity,
    });
    const card = await screen.findByTestId('aws-account-reviews');
    expect(api.getAccountReviews).toHaveBeenCalledWith('123456789012');
    expect(
      within(card).getByRole('link', { name: 'Q3 access review' }),
    ).toHaveAttribute('href', '/aws-organizations/reviews/7');
    expect(screen.getByTestId('aws-account-open-items')).toHaveTextContent(
      '2 open items in active campaigns, 1 open remediation entry',
    );
  });

  it('says when no review covered the account', async () => {
    const api = mockAwsApi({
      getSyncStatus: jest.fn(async () => syncStatus),
      getAccountReviews: jest.fn(async () => ({
        accountId: '123456789012',
        openItems: 0,
        openRemediations: 0,
      })),
    });
    await renderWithApis(<AccountReviewsCard />, {
      api,
      entity: accountEntity,
    });
    expect(
      await screen.findByTestId('aws-account-never-reviewed'),
    ).toBeInTheDocument();
  });
});

describe('GroupReviewsCard', () => {
  it("lists the team's pending reviews, overdue ones marked", async () => {
    const api = mockAwsApi({
      getTeamReviews: jest.fn(async () => ({
        teamRef: 'group:default/payments',
        campaigns: [
          {
            campaignId: '6',
            campaignName: 'Q2 access review',
            dueAt: overdueCampaign.dueAt,
            overdue: true,
            progress: {
              total: 5,
              pending: 4,
              kept: 1,
              revoked: 0,
              percentDone: 20,
            },
          },
        ],
      })),
    });
    await renderWithApis(<GroupReviewsCard />, { api, entity: groupEntity });
    const review = await screen.findByTestId('aws-group-review');
    expect(api.getTeamReviews).toHaveBeenCalledWith('group:default/payments');
    expect(review).toHaveTextContent('4 items to review');
    expect(review).toHaveTextContent('(overdue)');
  });
});
