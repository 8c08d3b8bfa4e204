import {
  AccountRoles,
  AccountRolesList,
  AssumableRoleView,
  OutboundRoleView,
  RoleHop,
} from '@aws-governance/plugin-aws-organizations-common';
import { useApi } from '@backstage/core-plugin-api';
import { useCallback, useEffect, useState } from 'react';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import { useSnapshotAsync } from '../common/useSnapshot';

/** Roles (and hops of one role) loaded per request: the route answers at most 500. */
export const ROLES_PAGE = 100;

interface Extra {
  assumable: AssumableRoleView[];
  reachingElsewhere: OutboundRoleView[];
  /** Hops loaded beyond a role's first ones, by role ARN. */
  hops: Record<string, RoleHop[]>;
  accountNames: Record<string, string>;
}

const NONE: Extra = {
  assumable: [],
  reachingElsewhere: [],
  hops: {},
  accountNames: {},
};

/**
 * `GET /accounts/:id/roles` loaded a page at a time: the first page of
 * both lists (again when a new snapshot lands), then `more(list)` appends
 * the next page of one list and `moreHops(role)` the next hops of one
 * role. At L a shared-services account's roles hop into hundreds of
 * accounts each; the browser holds only what was asked for.
 */
export function usePagedRoles(accountId: string) {
  const api = useApi(awsOrganizationsApiRef);
  const first = useSnapshotAsync(
    () => api.getAccountRoles(accountId, { offset: 0, limit: ROLES_PAGE }),
    [api, accountId],
  );
  const [extra, setExtra] = useState<Extra>(NONE);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<Error>();
  useEffect(() => {
    setExtra(NONE);
    setMoreError(undefined);
  }, [first.value]);

  const base = first.value;
  const answer: AccountRoles | undefined = base && {
    ...base,
    assumable: [...base.assumable, ...extra.assumable],
    reachingElsewhere: [
      ...base.reachingElsewhere,
      ...extra.reachingElsewhere,
    ].map(r =>
      extra.hops[r.roleArn]
        ? { ...r, hops: [...r.hops, ...extra.hops[r.roleArn]] }
        : r,
    ),
    accountNames: { ...base.accountNames, ...extra.accountNames },
  };

  const load = useCallback(
    async (step: () => Promise<(previous: Extra) => Extra>) => {
      setLoadingMore(true);
      setMoreError(undefined);
      try {
        const apply = await step();
        setExtra(previous => apply(previous));
      } catch (e) {
        setMoreError(e as Error);
      } finally {
        setLoadingMore(false);
      }
    },
    [],
  );

  const loadedAssumable = answer?.assumable.length ?? 0;
  const loadedOutbound = answer?.reachingElsewhere.length ?? 0;
  const more = (list: AccountRolesList) =>
    load(async () => {
      const next = await api.getAccountRoles(accountId, {
        offset: list === 'assumable' ? loadedAssumable : loadedOutbound,
        limit: ROLES_PAGE,
        list,
      });
      return previous => ({
        ...previous,
        assumable: [...previous.assumable, ...next.assumable],
        reachingElsewhere: [
          ...previous.reachingElsewhere,
          ...next.reachingElsewhere,
        ],
        accountNames: { ...previous.accountNames, ...next.accountNames },
      });
    });
  const moreHops = (role: OutboundRoleView) =>
    load(async () => {
      const next = await api.getAccountRoles(accountId, {
        offset: role.hops.length,
        limit: ROLES_PAGE,
        role: role.roleArn,
      });
      const hops = next.reachingElsewhere[0]?.hops ?? [];
      return previous => ({
        ...previous,
        hops: {
          ...previous.hops,
          [role.roleArn]: [...(previous.hops[role.roleArn] ?? []), ...hops],
        },
        accountNames: { ...previous.accountNames, ...next.accountNames },
      });
    });

  return {
    answer,
    error: first.error,
    moreAssumable:
      answer && loadedAssumable < answer.assumableCount
        ? () => more('assumable')
        : undefined,
    moreOutbound:
      answer && loadedOutbound < answer.reachingElsewhereCount
        ? () => more('reaching-elsewhere')
        : undefined,
    moreHops,
    loadingMore,
    moreError,
  };
}
