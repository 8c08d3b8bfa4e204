import {
  Content,
  ContentHeader,
  InfoCard,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useCallback, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import { AccessReportButton } from '../AccessReportButton/AccessReportButton';
import {
  AccountFilters,
  AccountSearch,
  NO_FILTERS,
} from '../AccountSearch/AccountSearch';
import { ComplianceCharts } from '../ComplianceCharts/ComplianceCharts';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { formatDateTime } from '../common/format';
import { OrgTree } from '../OrgTree/OrgTree';
import { useOrganizationTree } from '../OrgTree/useOrganizationTree';
import { SyncStatusCard } from '../SyncStatusCard/SyncStatusCard';

/**
 * The org explorer's content: sync status, compliance charts, the OU tree
 * and the account search.
 */
export function OrgExplorer(props: { pollIntervalMs?: number }) {
  const api = useApi(awsOrganizationsApiRef);
  const [filters, setFilters] = useState<AccountFilters>(NO_FILTERS);
  // Stable, so that the (memoized) tree does not render again on filters.
  const selectUnit = useCallback(
    (ou: string) => setFilters(current => ({ ...current, ou })),
    [],
  );
  const tree = useOrganizationTree(api);
  const summary = useAsync(() => api.getComplianceSummary(), [api]);

  return (
    <Content>
      <ContentHeader title="Organization">
        <AccessReportButton />
      </ContentHeader>
      <Grid container spacing={3}>
        <Grid item xs={12} md={5}>
          <SyncStatusCard pollIntervalMs={props.pollIntervalMs} />
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
                Compliance evaluated {formatDateTime(summary.value.evaluatedAt)}
                : {summary.value.accounts.pass} compliant,{' '}
                {summary.value.accounts.fail} non-compliant,{' '}
                {summary.value.accounts.warn} with warnings,{' '}
                {summary.value.accounts.unknown} unknown.
              </Typography>
              <ComplianceCharts summary={summary.value} />
            </>
          )}
        </Grid>
        <Grid item xs={12}>
          <AccountSearch
            tree={tree.root}
            owners={(summary.value?.byOwner ?? []).map(o => o.ref).sort()}
            filters={filters}
            onFiltersChange={setFilters}
          />
        </Grid>
      </Grid>
    </Content>
  );
}
