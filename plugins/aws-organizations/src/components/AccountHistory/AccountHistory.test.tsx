import { fireEvent, screen } from '@testing-library/react';
import { accountEntity, history } from '../../__testUtils__/data';
import {
  mockAwsApi,
  pending,
  renderWithApis,
  responseError,
} from '../../__testUtils__/testUtils';
import { AccountHistory } from './AccountHistory';

describe('AccountHistory', () => {
  it('shows the change log as a timeline and loads older pages', async () => {
    const getAccountHistory = jest
      .fn()
      .mockResolvedValueOnce({
        items: history,
        totalCount: 3,
        offset: 0,
        limit: 50,
      })
      .mockResolvedValueOnce({
        items: [
          {
            id: 'c-0',
            detectedAt: '2024-01-01T00:00:00.000Z',
            kind: 'account.created',
            accountId: '123456789012',
            subjectId: '123456789012',
            summary: 'payments-prod created',
          },
        ],
        totalCount: 3,
        offset: 2,
        limit: 50,
      });
    const api = mockAwsApi({ getAccountHistory });
    await renderWithApis(<AccountHistory />, { api, entity: accountEntity });
    expect(getAccountHistory).toHaveBeenCalledWith('123456789012', {
      offset: 0,
      limit: 50,
    });
    const entries = screen.getAllByTestId('aws-history-entry');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toHaveTextContent(
      'payments-prod moved from Staging to Prod',
    );
    expect(entries[0]).toHaveTextContent('account.moved');
    fireEvent.click(screen.getByRole('button', { name: 'Load older changes' }));
    expect(
      await screen.findByText('payments-prod created'),
    ).toBeInTheDocument();
    expect(getAccountHistory).toHaveBeenLastCalledWith('123456789012', {
      offset: 2,
      limit: 50,
    });
    expect(
      screen.queryByRole('button', { name: 'Load older changes' }),
    ).toBeNull();
  });

  it('shows an empty state', async () => {
    const api = mockAwsApi({
      getAccountHistory: jest.fn(async () => ({
        items: [],
        totalCount: 0,
        offset: 0,
        limit: 50,
      })),
    });
    await renderWithApis(<AccountHistory />, { api, entity: accountEntity });
    expect(await screen.findByText('No changes recorded')).toBeInTheDocument();
  });

  it('shows progress, then errors', async () => {
    await renderWithApis(<AccountHistory />, {
      api: mockAwsApi({ getAccountHistory: jest.fn(() => pending()) }),
      entity: accountEntity,
    });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    const error = await responseError(500, 'boom');
    await renderWithApis(<AccountHistory />, {
      api: mockAwsApi({
        getAccountHistory: jest.fn(() => Promise.reject(error)),
      }),
      entity: accountEntity,
    });
    expect(await screen.findByTestId('aws-error')).toBeInTheDocument();
  });

  it('shows the restricted panel on 403', async () => {
    const error = await responseError(403);
    await renderWithApis(<AccountHistory />, {
      api: mockAwsApi({
        getAccountHistory: jest.fn(() => Promise.reject(error)),
      }),
      entity: accountEntity,
    });
    expect(await screen.findByTestId('aws-restricted')).toHaveTextContent(
      "this account's history",
    );
  });
});
