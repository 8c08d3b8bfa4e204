import { useApi } from '@backstage/core-plugin-api';
import { DependencyList, useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import {
  SnapshotWatch,
  SnapshotWatcher,
  snapshotWatcherFor,
  SnapshotWatcherOptions,
} from '../../api/SnapshotWatcher';

/**
 * The shared watcher of the current snapshot and its state; re-renders when
 * the state changes.
 */
export function useSnapshotWatch(
  options?: SnapshotWatcherOptions,
): SnapshotWatch & { watcher: SnapshotWatcher } {
  const api = useApi(awsOrganizationsApiRef);
  const watcher = snapshotWatcherFor(api, options);
  const [state, setState] = useState(watcher.state);
  useEffect(() => {
    setState(watcher.state);
    return watcher.subscribe(() => setState(watcher.state));
  }, [watcher]);
  return { ...state, watcher };
}

/**
 * `useAsync` that loads again when a new snapshot lands. While it reloads,
 * the previous value stays in sight (no spinner flashing over the data).
 */
export function useSnapshotAsync<T>(
  load: () => Promise<T>,
  deps: DependencyList,
) {
  const { generation } = useSnapshotWatch();
  const state = useAsync(load, [...deps, generation]);
  return state.loading && state.value !== undefined
    ? { ...state, loading: false }
    : state;
}
