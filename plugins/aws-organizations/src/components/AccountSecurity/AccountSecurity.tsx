import {
  AccountFindingCountsResponse,
  AccountFindingsResponse,
} from '@aws-governance/plugin-aws-organizations-common';
import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import { AccountIdGate } from '../common/AccountIdGate';
import { ApiErrorPanel, errorStatus } from '../common/ApiErrorPanel';
import { formatDateTime, pluralize } from '../common/format';
import { useSnapshotAsync } from '../common/useSnapshot';
import { FindingsTable } from '../Findings/FindingsTable';
import { FindingsTrend } from '../Findings/FindingsTrend';
import { CountsOnlyPanel, NotReadSources } from '../Findings/FindingsPanels';
import { SeverityCountsChips, countAll } from '../Findings/SeverityCounts';
import { SourceCounts } from './SourceCounts';

/** The findings the tab reads; the table shows the most severe first. */
const FINDINGS_LIMIT = 100;
/** The syncs the trend chart covers. */
const TREND_SYNCS = 30;

function Findings(props: { accountId: string }) {
  const api = useApi(awsOrganizationsApiRef);
  const { value, loading, error } = useSnapshotAsync(
    () => api.getAccountFindings(props.accountId, { limit: FINDINGS_LIMIT }),
    [api, props.accountId],
  );
  if (loading) return <Progress />;
  if (error) {
    // The permission said yes for counts, but no for findings (a policy
    // that changed since): the same calm "counts only" state.
    return errorStatus(error) === 403 ? (
      <CountsOnlyPanel />
    ) : (
      <ApiErrorPanel error={error} subject="this account's findings" />
    );
  }
  const page: AccountFindingsResponse = value!;
  return (
    <>
      <NotReadSources notConnected={page.notConnected} />
      <FindingsTable
        title="Top findings"
        subtitle={
          page.truncated
            ? `The ${
                page.findings.length
              } newest active findings, most severe first; read ${formatDateTime(
                page.readAt,
              )}`
            : `Most severe first; read ${formatDateTime(page.readAt)}`
        }
        findings={page.findings}
        emptyText={
          page.notConnected.length
            ? 'No finding could be read from the connected sources; the others are not connected (above).'
            : 'No active finding in this account.'
        }
      />
    </>
  );
}

function Trend(props: { accountId: string }) {
  const api = useApi(awsOrganizationsApiRef);
  const { value, loading, error } = useSnapshotAsync(
    () => api.getAccountFindingHistory(props.accountId, { limit: TREND_SYNCS }),
    [api, props.accountId],
  );
  if (loading) return <Progress />;
  if (error) {
    return <ApiErrorPanel error={error} subject="the findings trend" />;
  }
  return <FindingsTrend points={value!.points} slots={TREND_SYNCS} />;
}

function Overview(props: { counts: AccountFindingCountsResponse }) {
  const { counts } = props;
  const connected = Object.values(counts.sources).filter(
    s => s.status === 'connected',
  ).length;
  return (
    <Box data-testid="aws-findings-total">
      <Typography variant="h6" component="div" gutterBottom>
        {pluralize(countAll(counts.total), 'active finding')}
      </Typography>
      <SeverityCountsChips counts={counts.total} />
      <Typography variant="body2" color="textSecondary">
        From {connected} of {Object.keys(counts.sources).length} sources;
        counted at the sync of {formatDateTime(counts.readAt)}.
      </Typography>
    </Box>
  );
}

function Security(props: { accountId: string }) {
  const api = useApi(awsOrganizationsApiRef);
  const { value, loading, error } = useSnapshotAsync(
    () => api.getAccountFindingCounts(props.accountId),
    [api, props.accountId],
  );
  if (loading) return <Progress />;
  if (error) {
    return (
      <ApiErrorPanel error={error} subject="this account's security findings" />
    );
  }
  const counts = value!;
  if (!counts.configured) {
    return (
      <div data-testid="aws-signals-not-configured">
        <EmptyState
          missing="info"
          title="AWS's detectors are not connected"
          description="Security Hub, IAM Access Analyzer, AWS Config and the organization trail are read when awsOrganizations.signals configures them (the backend README). Until then this account's findings are unknown, not zero."
        />
      </div>
    );
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={6}>
        <InfoCard title="Security findings">
          <Overview counts={counts} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard
          title="Trend"
          subheader={`Active findings at each of the last syncs (up to ${TREND_SYNCS})`}
        >
          <Trend accountId={props.accountId} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="By source">
          <SourceCounts counts={counts} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        {counts.mayReadFindings ? (
          <Findings accountId={props.accountId} />
        ) : (
          <CountsOnlyPanel />
        )}
      </Grid>
    </Grid>
  );
}

/**
 * An account's Security tab: active findings of AWS's detectors by
 * severity and source (each source's status, "not connected" with why),
 * their trend across syncs, and the top findings with links to the AWS
 * console for those who may read them (counts only for the others).
 */
export function AccountSecurity() {
  return (
    <AccountIdGate>
      {accountId => <Security accountId={accountId} />}
    </AccountIdGate>
  );
}
