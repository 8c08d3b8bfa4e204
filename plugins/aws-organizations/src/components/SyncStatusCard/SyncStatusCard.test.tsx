import { act, fireEvent, screen } from '@testing-library/react';
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

  it('shows the last event applied and the time since the last full read', async () => {
    const api = mockAwsApi({
      getSyncStatus: jest.fn(async () => ({
        ...syncStatus,
        events: {
          topic: 'aws-organizations-cloudtrail',
          duplicatesSkipped: 0,
          lastEvent: {
            eventId: 'e-1',
            source: 'aws.organizations',
            eventName: 'MoveAccount',
            eventTime: '2026-12-02T08:40:00Z',
            outcome: 'applied',
            appliedAt: '2026-12-02T08:40:05Z',
          },
          secondsSinceFullReconciliation: 125,
          queue: {
            checkedAt: '2026-12-02T08:41:00Z',
            readable: false,
            error: 'AccessDenied',
          },
        },
      })),
    });
    await renderWithApis(<SyncStatusCard />, { api, permission: 'DENY' });
    const line = await screen.findByTestId('aws-sync-events');
    expect(line).toHaveTextContent('last applied MoveAccount');
    expect(line).toHaveTextContent('last full read 2 min 5 s ago');
    expect(line).toHaveTextContent(
      'the events queue cannot be read (AccessDenied)',
    );
  });

  // Polling runs on jest's fake clock: each poll happens when the test moves
  // the clock, so the counts are exact whatever the machine's load.
  const POLL_MS = 5_000;
  const poll = () =>
    act(async () => {
      await jest.advanceTimersByTimeAsync(POLL_MS);
    });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('triggers a sync and follows it until it finishes', async () => {
    jest.useFakeTimers();
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
    await renderWithApis(<SyncStatusCard pollIntervalMs={POLL_MS} />, {
      api,
    });
    const syncNow = await screen.findByRole('button', { name: /Sync now/ });
    await act(async () => {
      fireEvent.click(syncNow);
    });
    // The trigger reads the status at once.
    await act(async () => {
      await jest.advanceTimersByTimeAsync(0);
    });
    expect(screen.getByTestId('aws-sync-progress')).toHaveTextContent(
      'Syncing: listing accounts (20 of 80)',
    );
    expect(screen.getByRole('button', { name: /Sync now/ })).toBeDisabled();
    await poll();
    await poll();
    expect(screen.queryByTestId('aws-sync-progress')).toBeNull();
    expect(screen.getByRole('button', { name: /Sync now/ })).toBeEnabled();
    expect(api.triggerSync).toHaveBeenCalledTimes(1);
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

  it('counts all the messages of a run whose status carries the first few', async () => {
    const api = mockAwsApi({
      getSyncStatus: jest.fn(async () => ({
        ...syncStatus,
        lastAttempt: {
          ...syncStatus.lastAttempt!,
          status: 'failed' as const,
          errors: ['AccessDenied on ListAccounts'],
          errorCount: 3,
          warnings: ['ListRoles failed: AccessDenied'],
          warningCount: 4999,
        },
      })),
    });
    await renderWithApis(<SyncStatusCard />, { api });
    const errors = await screen.findByTestId('aws-sync-errors');
    expect(errors).toHaveTextContent('The last sync reported 3 errors');
    expect(errors).toHaveTextContent('and 2 more');
    expect(screen.getByText(/warnings in the last sync/)).toHaveTextContent(
      '4,999 warnings in the last sync.',
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

  it('says the first sync is awaited, calmly, while there is no snapshot', async () => {
    const api = mockAwsApi({
      getSyncStatus: jest.fn(async () => ({
        ...running,
        lastSuccess: undefined,
        snapshotReadAt: undefined,
        snapshotEtag: undefined,
      })),
    });
    await renderWithApis(<SyncStatusCard />, { api });
    expect(await screen.findByTestId('aws-first-sync')).toHaveTextContent(
      'Waiting for the first sync',
    );
    expect(screen.getByTestId('aws-sync-progress')).toBeInTheDocument();
    expect(screen.queryByTestId('aws-error')).toBeNull();
  });
});
