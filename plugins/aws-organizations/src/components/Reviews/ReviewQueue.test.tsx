import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  campaign,
  itemsPage,
  keptItem,
  otherTeamItem,
  privilegedItem,
  readOnlyItem,
} from '../../__testUtils__/reviewData';
import { syncStatus } from '../../__testUtils__/data';
import {
  mockAwsApi,
  renderWithApis,
  responseError,
} from '../../__testUtils__/testUtils';
import { ReviewQueue } from './ReviewQueue';

const decided = { decisions: [], remediations: [] };

function queueApi(
  items = [privilegedItem, readOnlyItem, otherTeamItem, keptItem],
) {
  return mockAwsApi({
    getSyncStatus: jest.fn(async () => syncStatus),
    listReviewItems: jest.fn(async () => itemsPage(items)),
    decideReviewItems: jest.fn(async () => decided),
    handOverReviewItems: jest.fn(async () => decided),
  });
}

const rowOf = (id: string) =>
  screen
    .getAllByTestId('aws-review-item')
    .find(row => row.getAttribute('data-item-id') === id)!;

describe('ReviewQueue', () => {
  it('lists the items with their decisions, and says why an item cannot be decided', async () => {
    const api = queueApi();
    await renderWithApis(
      <ReviewQueue campaignId={campaign.id} campaign={campaign} />,
      { api },
    );
    expect(await screen.findAllByTestId('aws-review-item')).toHaveLength(4);
    expect(api.listReviewItems).toHaveBeenCalledWith('7', {
      offset: 0,
      limit: 50,
    });
    expect(rowOf('101')).toHaveTextContent('Privileged');
    expect(rowOf('101')).toHaveTextContent('group, 3 members');
    expect(
      within(rowOf('101')).getByRole('button', { name: 'Revoke' }),
    ).toBeEnabled();
    // Another team's item: no action, and why not.
    expect(
      within(rowOf('103')).queryByRole('button', { name: 'Keep' }),
    ).toBeNull();
    expect(rowOf('103')).toHaveTextContent(
      'Assigned to group:default/checkout: only that team',
    );
    expect(within(rowOf('103')).getByRole('checkbox')).toBeDisabled();
    // A decided item: its decision, who and why.
    expect(rowOf('104')).toHaveTextContent('Kept');
    expect(rowOf('104')).toHaveTextContent('by user:default/priya.patel');
    expect(rowOf('104')).toHaveTextContent('needed for on-call');
    expect(rowOf('104')).toHaveTextContent('Decided (a decision is final)');
  });

  it('requires a reason to keep a privileged item, then records the keep', async () => {
    const api = queueApi();
    const onDecided = jest.fn();
    await renderWithApis(
      <ReviewQueue
        campaignId={campaign.id}
        campaign={campaign}
        onDecided={onDecided}
      />,
      { api },
    );
    await screen.findAllByTestId('aws-review-item');
    await userEvent.click(
      within(rowOf('101')).getByRole('button', { name: 'Keep' }),
    );
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent('Required: keeping 1 privileged grant');
    const submit = within(dialog).getByTestId('aws-decision-submit');
    expect(submit).toBeDisabled();
    await userEvent.type(
      within(dialog).getByLabelText(/Reason/),
      'on-call payments engineers',
    );
    expect(submit).toBeEnabled();
    await userEvent.click(submit);
    await waitFor(() =>
      expect(api.decideReviewItems).toHaveBeenCalledWith({
        itemIds: ['101'],
        decision: 'keep',
        reason: 'on-call payments engineers',
      }),
    );
    expect(await screen.findByTestId('aws-review-message')).toHaveTextContent(
      'Kept 1 item.',
    );
    expect(onDecided).toHaveBeenCalled();
    // The page is asked for again, to show the decision.
    expect(api.listReviewItems).toHaveBeenCalledTimes(2);
  });

  it('revokes the selected items at once, with an optional reason', async () => {
    const api = queueApi();
    await renderWithApis(
      <ReviewQueue campaignId={campaign.id} campaign={campaign} />,
      { api },
    );
    await screen.findAllByTestId('aws-review-item');
    // Select all: only the items the caller may decide.
    await userEvent.click(
      screen.getByLabelText('Select every item you may decide on this page'),
    );
    expect(screen.getByTestId('aws-review-bulk')).toHaveTextContent(
      '4 items, 2 selected',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Revoke selected' }),
    );
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent('Revoke 2 items');
    await userEvent.click(within(dialog).getByTestId('aws-decision-submit'));
    await waitFor(() =>
      expect(api.decideReviewItems).toHaveBeenCalledWith({
        itemIds: ['101', '102'],
        decision: 'revoke',
      }),
    );
  });

  it('hands an item over to another team', async () => {
    const api = queueApi();
    await renderWithApis(
      <ReviewQueue campaignId={campaign.id} campaign={campaign} />,
      { api },
    );
    await screen.findAllByTestId('aws-review-item');
    await userEvent.click(
      within(rowOf('102')).getByRole('button', { name: 'Hand over' }),
    );
    const dialog = screen.getByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/Team/), 'platform');
    await userEvent.type(within(dialog).getByLabelText(/Reason/), 'theirs');
    await userEvent.click(within(dialog).getByTestId('aws-decision-submit'));
    await waitFor(() =>
      expect(api.handOverReviewItems).toHaveBeenCalledWith({
        itemIds: ['102'],
        toTeamRef: 'platform',
        reason: 'theirs',
      }),
    );
  });

  it("shows the backend's refusal in the dialog and records nothing else", async () => {
    const refusal = await responseError(
      403,
      'You may not decide review item 101',
    );
    const api = queueApi();
    api.decideReviewItems.mockRejectedValue(refusal);
    await renderWithApis(
      <ReviewQueue campaignId={campaign.id} campaign={campaign} />,
      { api },
    );
    await screen.findAllByTestId('aws-review-item');
    await userEvent.click(
      within(rowOf('102')).getByRole('button', { name: 'Revoke' }),
    );
    await userEvent.click(screen.getByTestId('aws-decision-submit'));
    expect(await screen.findByTestId('aws-decision-error')).toHaveTextContent(
      'You may not decide review item 101',
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('asks the server for the filtered page (mine, state, privileged, search)', async () => {
    const api = queueApi();
    await renderWithApis(
      <ReviewQueue campaignId={campaign.id} campaign={campaign} />,
      { api },
    );
    await screen.findAllByTestId('aws-review-item');
    await userEvent.click(screen.getByLabelText("Only my teams' items"));
    fireEvent.change(screen.getByLabelText('State'), {
      target: { value: 'pending' },
    });
    fireEvent.change(screen.getByLabelText('Permission sets'), {
      target: { value: 'true' },
    });
    await userEvent.type(screen.getByLabelText('Search items'), 'payments');
    await waitFor(() =>
      expect(api.listReviewItems).toHaveBeenLastCalledWith('7', {
        mine: true,
        state: 'pending',
        privileged: true,
        q: 'payments',
        offset: 0,
        limit: 50,
      }),
    );
  });

  it('pages on the server: thousands of items render one page', async () => {
    // The server answers a page (fewer rows here than a real page, to keep
    // jsdom quick): the queue renders that page, never all 5,000.
    const many = Array.from({ length: 20 }, (_, i) => ({
      ...readOnlyItem,
      id: String(1000 + i),
    }));
    const api = queueApi();
    api.listReviewItems.mockImplementation(async (_id, query) => ({
      items: many,
      totalCount: 5000,
      offset: query?.offset ?? 0,
      limit: 50,
    }));
    await renderWithApis(
      <ReviewQueue campaignId={campaign.id} campaign={campaign} />,
      { api },
    );
    expect(await screen.findAllByTestId('aws-review-item')).toHaveLength(20);
    expect(screen.getByTestId('aws-review-bulk')).toHaveTextContent(
      '5,000 items',
    );
    await userEvent.click(screen.getByRole('button', { name: /next page/i }));
    await waitFor(() =>
      expect(api.listReviewItems).toHaveBeenLastCalledWith('7', {
        offset: 50,
        limit: 50,
      }),
    );
  });
});
