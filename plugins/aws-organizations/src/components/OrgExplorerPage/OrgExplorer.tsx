import {
  Content,
  ContentHeader,
  InfoCard,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useCallback, useEffect, useRef, useState } from 'react';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import { AccessReportButton } from '../AccessReportButton/AccessReportButton';
import {
  AccountFilters,
  AccountSearch,
  NO_FILTERS,
} from '../AccountSearch/AccountSearch';
import { ComplianceCharts } from '../ComplianceCharts/ComplianceCharts';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { FindingsRollupCard } from '../FindingsRollup/FindingsRollup';
import { formatCount, formatDateTime } from '../common/format';
import { useSnapshotAsync, useSnapshotWatch } from '../common/useSnapshot';
import { OrgTree } from '../OrgTree/OrgTree';
import { useOrganizationTree } from '../OrgTree/useOrganizationTree';
import { SyncStatusCard } from '../SyncStatusCard/SyncStatusCard';
import { ExplorerData, explorerData } from './explorerData';
import { TrustMap } from '../TrustMap/TrustMap';
import { WhenVisible } from '../common/WhenVisible';
import { AfterPaint } from './AfterPaint';

/**
 * The org explorer's content: sync status, compliance charts, security
 * findings by OU, the OU tree and the account search.
 */
export function OrgExplorer(props: { pollIntervalMs?: number }) {
  const api = useApi(awsOrganizationsApiRef);
  const { status, error, watcher } = useSnapshotWatch({
    fastMs: props.pollIntervalMs,
  });
  // The first data of a snapshot is asked for the moment the status names
  // it, from the watcher's notification: not from the render that follows,
  // whose first pass over the whole explorer (about a second on a busy
  // machine) would hold the requests back until it is done.
  useEffect(
    () =>
      watcher.subscribe(() => {
        const etag = watcher.state.status?.snapshotEtag;
        if (etag) explorerData(api, etag);
      }),
    [api, watcher],
  );
  if (!status && !error) {
    // One cheap status read first: before the first sync, nothing else is
    // requested (and nothing fails).
    return (
      <Content>
        <Progress />
      </Content>
    );
  }
  // Before the first snapshot there is nothing to load: one calm state with
  // the sync's progress, which turns into the synced view by itself.
  if (status && !status.snapshotEtag) {
    return (
      <Content>
        <ContentHeader title="Organization" />
        <Grid container spacing={3}>
          <Grid item xs={12} md={6}>
            <SyncStatusCard pollIntervalMs={props.pollIntervalMs} />
          </Grid>
        </Grid>
      </Content>
    );
  }
  const etag = status?.snapshotEtag;
  // The first data, requested at once as soon as a snapshot is known (not
  // after the explorer rendered): memoized per snapshot, so this is done
  // once, and the views below take these answers.
  const first = etag ? explorerData(api, etag) : undefined;
  return <SyncedExplorer pollIntervalMs={props.pollIntervalMs} first={first} />;
}

function SyncedExplorer(props: {
  pollIntervalMs?: number;
  /** The first data of the current snapshot, already requested. */
  first?: ExplorerData;
}) {
  const { first } = props;
  const api = useApi(awsOrganizationsApiRef);
  const [filters, setFilters] = useState<AccountFilters>(NO_FILTERS);
  const accountsRef = useRef<HTMLDivElement>(null);
  // Stable, so that the (memoized) tree does not render again on filters.
  // Selecting a unit brings the accounts it filters into view.
  const selectUnit = useCallback((ou: string) => {
    setFilters(current => ({ ...current, ou }));
    accountsRef.current?.scrollIntoView?.({
      behavior: 'smooth',
      block: 'start',
    });
  }, []);
  const { generation } = useSnapshotWatch();
  const tree = useOrganizationTree(
    api,
    generation,
    first && (() => first.tree),
  );
  const summary = useSnapshotAsync(
    () => first?.summary ?? api.getComplianceSummary(),
    [api],
  );

  return (
    <Content>
      <ContentHeader title="Organization">
        <AccessReportButton />
      </ContentHeader>
      <Grid container spacing={3}>
        {/* Status and charts beside the tree: no empty area next to it.
            The tree and the first accounts page come first: these cards
            (much of the first render's work, and the findings request)
            render once those are painted. */}
        <Grid item xs={12} md={5} container spacing={3} direction="column">
          <AfterPaint ready={!tree.loading}>
            <Grid item>
              <SyncStatusCard pollIntervalMs={props.pollIntervalMs} />
            </Grid>
            <Grid item>
              {summary.loading && <Progress />}
              {summary.error && (
                <ApiErrorPanel
                  error={summary.error}
                  subject="the compliance summary"
                />
              )}
              {summary.value && (
                <>
                  <Typography variant="body2" color="textSecondary" paragraph>
                    Compliance evaluated{' '}
                    {formatDateTime(summary.value.evaluatedAt)}:{' '}
                    {formatCount(summary.value.accounts.pass)} compliant,{' '}
                    {formatCount(summary.value.accounts.fail)} non-compliant,{' '}
                    {formatCount(summary.value.accounts.warn)} with warnings,{' '}
                    {formatCount(summary.value.accounts.unknown)} unknown.
                  </Typography>
                  <ComplianceCharts summary={summary.value} stacked />
                </>
              )}
            </Grid>
            <Grid item>
              <FindingsRollupCard />
            </Grid>
          </AfterPaint>
        </Grid>
        <Grid item xs={12} md={7}>
          <InfoCard
            title="Organizational units"
            subheader="Select a unit to list its accounts"
          >
            {tree.loading && <Progress />}
            {tree.error && (
              <ApiErrorPanel
                error={tree.error}
                subject="the organization tree"
              />
            )}
            {tree.root && (
              <OrgTree
                root={tree.root}
                selected={filters.ou}
                onSelect={selectUnit}
                onLoadChildren={tree.loadChildren}
              />
            )}
            {tree.loadError && (
              <ApiErrorPanel
                error={tree.loadError}
                subject="the organizational units"
              />
            )}
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <div ref={accountsRef} data-testid="aws-explorer-accounts">
            <AccountSearch
              tree={tree.root}
              filters={filters}
              onFiltersChange={setFilters}
              firstPage={first?.firstAccounts}
            />
          </div>
        </Grid>
        <Grid item xs={12}>
          {/* Below the fold: asked for when it scrolls near, not with the
              first data (at 20,000 accounts it is the largest answer); and
              only once the tree is in, before which the short page would
              put it in view at once. */}
          {tree.root && (
            <WhenVisible data-testid="aws-trust-map-placeholder">
              <TrustMap />
            </WhenVisible>
          )}
        </Grid>
      </Grid>
    </Content>
  );
}
