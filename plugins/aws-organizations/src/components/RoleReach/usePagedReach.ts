import { DependencyList, useCallback, useEffect, useState } from 'react';
import { useSnapshotAsync } from '../common/useSnapshot';

/** Ways loaded per request: the routes answer at most 500. */
export const REACH_PAGE = 100;

/** What a paged role-reach answer has in common. */
interface PagedAnswer<E> {
  entries: E[];
  totalCount: number;
  accountNames: Record<string, string>;
}

/**
 * A role-reach answer loaded a page at a time: the first page (again when
 * a new snapshot lands or `deps` change), then `more()` appends the next
 * one. At L an account can have thousands of ways in; the browser holds
 * only what was asked for.
 */
export function usePagedReach<E, A extends PagedAnswer<E>>(
  load: (offset: number) => Promise<A>,
  deps: DependencyList,
) {
  const first = useSnapshotAsync(() => load(0), deps);
  const [extra, setExtra] = useState<{
    entries: E[];
    accountNames: Record<string, string>;
  }>({ entries: [], accountNames: {} });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<Error>();
  useEffect(() => {
    setExtra({ entries: [], accountNames: {} });
    setMoreError(undefined);
  }, [first.value]);

  const answer = first.value;
  const entries = answer ? [...answer.entries, ...extra.entries] : [];
  const loaded = entries.length;
  const more = useCallback(async () => {
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const next = await load(loaded);
      setExtra(previous => ({
        entries: [...previous.entries, ...next.entries],
        accountNames: { ...previous.accountNames, ...next.accountNames },
      }));
    } catch (e) {
      setMoreError(e as Error);
    } finally {
      setLoadingMore(false);
    }
    // `load` changes with `deps`, which reset the pages anyway.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded, ...deps]);

  return {
    answer: answer && {
      ...answer,
      entries,
      accountNames: { ...answer.accountNames, ...extra.accountNames },
    },
    loading: first.loading,
    error: first.error,
    more: answer && loaded < answer.totalCount ? more : undefined,
    loadingMore,
    moreError,
  };
}
