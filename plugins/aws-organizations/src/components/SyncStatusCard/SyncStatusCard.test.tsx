import { fireEvent, screen, waitFor } from '@testing-library/react';
import { syncStatus } from '../../__testUtils__/data';
import {
  mockAwsApi,
  pending,
  renderWithApis,
  responseError,
} from '../../__testUtils__/testUtils';
import { SyncStatusCard } from './SyncStatusCard';

const running = {
  ...syncStatus,
  lastAttempt: {
    ...syncStatus.lastAttempt!,
    id: 'run-3',
    status: 'running' as const,
    finishedAt: undefined,
    progress: { phase: 'listing accounts', done: 20, total: 80 },
  },
};

const finished = {
  ...syncStatus,
  lastAttempt: { ...syncStatus.lastAttempt!, id: 'run-3' },
};

describe('SyncStatusCard', () => {
  it('shows the last sync and hides "Sync now" without permission', async () => {
    const api = mockAwsApi({ getSyncStatus: jest.fn(async () => syncStatus) });
    await renderWithApis(<SyncStatusCard />, { api, permission: 'DENY' });
    expect(await screen.findByText('Succeeded')).toBeInTheDocument();
    expect(screen.getByTestId('aws-sync-last-success')).toHaveTextContent(
      'Last successful sync:',
    );
    expect(screen.queryByRole('button', { name: /Sync now/ })).toBeNull();
  });

  it('triggers a sync and polls the status until it finishes', async () => {
    const getSyncStatus = jest
      .fn()
      .mockResolvedValueOnce(syncStatus)
      .mockResolvedValueOnce(running)
      .mockResolvedValueOnce(running)
      .mockResolvedValue(finished);
    const api = mockAwsApi({
      getSyncStatus,
      triggerSync: jest.fn(async () => undefined),
    });
    await renderWithApis(<SyncStatusCard pollIntervalMs={10} />, { api });
    fireEvent.click(await screen.findByRole('button', { name: /Sync now/ }));
    expect(await screen.findByTestId('aws-sync-progress')).toHaveTextContent(
      'Syncing: listing accounts (20 of 80)',
    );
    expect(screen.getByRole('button', { name: /Sync now/ })).toBeDisabled();
    await waitFor(() =>
      expect(screen.queryByTestId('aws-sync-progress')).toBeNull(),
    );
    expect(api.triggerSync).toHaveBeenCalledTimes(1);
    expect(getSyncStatus.mock.calls.length).toBeGreaterThanOrEqual(4);
    const callsWhenDone = getSyncStatus.mock.calls.length;
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(getSyncStatus).toHaveBeenCalledTimes(callsWhenDone);
  });

  it('says when a sync is already running (409)', async () => {
    const error = await responseError(409, 'running');
    const api = mockAwsApi({
      getSyncStatus: jest.fn(async () => syncStatus),
      triggerSync: jest.fn(() => Promise.reject(error)),
    });
    await renderWithApis(<SyncStatusCard pollIntervalMs={60000} />, { api });
    fireEvent.click(await screen.findByRole('button', { name: /Sync now/ }));
    expect(await screen.findByTestId('aws-sync-message')).toHaveTextContent(
      'A sync is already running.',
    );
  });

  it('lists the errors of the last attempt', async () => {
    const api = mockAwsApi({
      getSyncStatus: jest.fn(async () => ({
        ...syncStatus,
        lastAttempt: {
          ...syncStatus.lastAttempt!,
          status: 'failed' as const,
          errors: ['AccessDenied on ListAccounts'],
        },
      })),
    });
    await renderWithApis(<SyncStatusCard />, { api });
    expect(await screen.findByTestId('aws-sync-errors')).toHaveTextContent(
      'AccessDenied on ListAccounts',
    );
  });

  it('shows progress and errors of the status itself', async () => {
    await renderWithApis(<SyncStatusCard />, {
      api: mockAwsApi({ getSyncStatus: jest.fn(() => pending()) }),
    });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows the restricted panel when the status is denied', async () => {
    const error = await responseError(403);
    await renderWithApis(<SyncStatusCard />, {
      api: mockAwsApi({ getSyncStatus: jest.fn(() => Promise.reject(error)) }),
    });
    expect(await screen.findByTestId('aws-restricted')).toBeInTheDocument();
  });

  it('stops polling when the new sync finished before the first poll', async () => {
    const getSyncStatus = jest
      .fn()
      .mockResolvedValueOnce(syncStatus)
      .mockResolvedValue(finished);
    const api = mockAwsApi({
      getSyncStatus,
      triggerSync: jest.fn(async () => undefined),
    });
    await renderWithApis(<SyncStatusCard pollIntervalMs={10} />, { api });
    fireEvent.click(await screen.findByRole('button', { name: /Sync now/ }));
    await waitFor(() => expect(getSyncStatus).toHaveBeenCalledTimes(2));
    await new Promise(resolve => setTimeout(resolve, 60));
    expect(getSyncStatus).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId('aws-sync-message')).toHaveTextContent(
      'Sync started.',
    );
  });
});
