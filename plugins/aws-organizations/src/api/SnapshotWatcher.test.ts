import { SyncStatus } from '@aws-governance/plugin-aws-organizations-common';
import { syncStatus } from '../__testUtils__/data';
import { mockAwsApi } from '../__testUtils__/testUtils';
import { SnapshotWatcher } from './SnapshotWatcher';

const withEtag = (etag?: string, attemptId = 'run-2'): SyncStatus => ({
  ...syncStatus,
  lastAttempt: { ...syncStatus.lastAttempt!, id: attemptId },
  snapshotEtag: etag,
});

// The clock is jest's: every read happens when the test moves it, so the
// counts are exact whatever the machine's load.
const advance = (ms: number) => jest.advanceTimersByTimeAsync(ms);

describe('SnapshotWatcher', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('backs off while nothing changes and counts a new snapshot once', async () => {
    const getSyncStatus = jest.fn(async () => withEtag('e1'));
    const watcher = new SnapshotWatcher(mockAwsApi({ getSyncStatus }), {
      fastMs: 1000,
      idleMaxMs: 8000,
    });
    const listener = jest.fn();
    watcher.subscribe(listener);
    await advance(0);
    expect(getSyncStatus).toHaveBeenCalledTimes(1);
    expect(watcher.state.status?.snapshotEtag).toBe('e1');
    // The first status is no new snapshot: views loaded it already.
    expect(watcher.state.generation).toBe(0);
    // Pauses of 1, 2, 4, then 8 s (the maximum), and 8 s again.
    for (const [ms, calls] of [
      [1000, 2],
      [1999, 2],
      [1, 3],
      [4000, 4],
      [8000, 5],
      [8000, 6],
    ]) {
      await advance(ms);
      expect(getSyncStatus).toHaveBeenCalledTimes(calls);
    }
    expect(listener).toHaveBeenCalledTimes(1);

    getSyncStatus.mockResolvedValue(withEtag('e2', 'run-3'));
    await advance(8000);
    expect(watcher.state.generation).toBe(1);
    expect(listener).toHaveBeenCalledTimes(2);
    // A change starts the pauses short again.
    await advance(1000);
    expect(getSyncStatus).toHaveBeenCalledTimes(8);
    expect(watcher.state.generation).toBe(1);
  });

  it('polls fast until the first snapshot lands, then counts it', async () => {
    const getSyncStatus = jest.fn(async () => withEtag(undefined));
    const watcher = new SnapshotWatcher(mockAwsApi({ getSyncStatus }), {
      fastMs: 1000,
    });
    watcher.subscribe(() => {});
    await advance(0);
    await advance(1000);
    await advance(1000);
    await advance(1000);
    expect(getSyncStatus).toHaveBeenCalledTimes(4);
    expect(watcher.state.generation).toBe(0);
    getSyncStatus.mockResolvedValue(withEtag('e1'));
    await advance(1000);
    expect(watcher.state.generation).toBe(1);
  });

  it('polls fast after a trigger until a newer attempt shows up', async () => {
    const getSyncStatus = jest.fn(async () => withEtag('e1', 'run-2'));
    const watcher = new SnapshotWatcher(mockAwsApi({ getSyncStatus }), {
      fastMs: 1000,
      idleMaxMs: 60_000,
    });
    watcher.subscribe(() => {});
    await advance(0);
    await advance(1000);
    await advance(2000);
    expect(getSyncStatus).toHaveBeenCalledTimes(3);
    watcher.expectNewRun('run-2');
    await advance(0);
    await advance(1000);
    await advance(1000);
    // Read at once, then every second: the new attempt is not there yet.
    expect(getSyncStatus).toHaveBeenCalledTimes(6);
    getSyncStatus.mockResolvedValue(withEtag('e1', 'run-3'));
    await advance(1000);
    expect(watcher.state.status?.lastAttempt?.id).toBe('run-3');
    // Seen: back to backing off (1 s after the change, then 2 s).
    await advance(1000);
    expect(getSyncStatus).toHaveBeenCalledTimes(8);
    await advance(1000);
    expect(getSyncStatus).toHaveBeenCalledTimes(8);
    await advance(1000);
    expect(getSyncStatus).toHaveBeenCalledTimes(9);
  });

  it('keeps the last status on errors, backs off, and stops without listeners', async () => {
    const getSyncStatus = jest.fn(async () => withEtag('e1'));
    const watcher = new SnapshotWatcher(mockAwsApi({ getSyncStatus }), {
      fastMs: 1000,
      idleMaxMs: 4000,
    });
    const unsubscribe = watcher.subscribe(() => {});
    await advance(0);
    getSyncStatus.mockRejectedValue(new Error('offline'));
    await advance(1000);
    expect(watcher.state.error?.message).toBe('offline');
    expect(watcher.state.status?.snapshotEtag).toBe('e1');
    await advance(2000);
    await advance(4000);
    expect(getSyncStatus).toHaveBeenCalledTimes(4);
    getSyncStatus.mockResolvedValue(withEtag('e1'));
    await advance(4000);
    expect(watcher.state.error).toBeUndefined();
    unsubscribe();
    await advance(60_000);
    expect(getSyncStatus).toHaveBeenCalledTimes(5);
  });

  it('reads at once when the tab becomes visible again', async () => {
    const getSyncStatus = jest.fn(async () => withEtag('e1'));
    const watcher = new SnapshotWatcher(mockAwsApi({ getSyncStatus }), {
      fastMs: 1000,
      idleMaxMs: 60_000,
    });
    watcher.subscribe(() => {});
    await advance(0);
    await advance(1000);
    await advance(2000);
    expect(getSyncStatus).toHaveBeenCalledTimes(3);
    document.dispatchEvent(new Event('visibilitychange'));
    await advance(0);
    expect(getSyncStatus).toHaveBeenCalledTimes(4);
  });
});
