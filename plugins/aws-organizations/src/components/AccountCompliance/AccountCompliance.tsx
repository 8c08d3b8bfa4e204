import {
  ComplianceSummary,
  RuleResult,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  EmptyState,
  InfoCard,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useSnapshotAsync } from '../common/useSnapshot';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import { AccountIdGate } from '../common/AccountIdGate';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import {
  ComplianceStatusLabel,
  SeverityChip,
} from '../common/ComplianceStatusLabel';
import { formatDateTime } from '../common/format';
import { withRowIds } from '../common/rowIds';
import { NO_WRAP } from '../common/cellStyles';

const STATUS_ORDER = { fail: 0, warn: 1, unknown: 2, pass: 3 };
const SEVERITY_ORDER = { critical: 0, high: 1, medium: 2, low: 3 };

/** Failing first, then the most severe. */
export function sortResults(results: RuleResult[]): RuleResult[] {
  return [...results].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      SEVERITY_ORDER[a.rule.severity] - SEVERITY_ORDER[b.rule.severity] ||
      a.rule.title.localeCompare(b.rule.title),
  );
}

const columns: TableColumn<RuleResult>[] = [
  {
    title: 'Status',
    cellStyle: NO_WRAP,
    field: 'status',
    width: '140px',
    render: r => <ComplianceStatusLabel status={r.status} />,
  },
  {
    title: 'Severity',
    field: 'rule.severity',
    width: '100px',
    render: r => <SeverityChip severity={r.rule.severity} />,
  },
  {
    title: 'Rule',
    field: 'rule.title',
    render: r => (
      <>
        <Typography variant="body2">
          <strong>{r.rule.title}</strong>
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {r.message}
        </Typography>
      </>
    ),
  },
  {
    title: 'Evidence',
    render: r =>
      r.evidence.length ? (
        <ul style={{ margin: 0, paddingLeft: 16 }}>
          {r.evidence.map((e, i) => (
            <li key={i}>
              <Typography variant="body2">{e.description}</Typography>
            </li>
          ))}
        </ul>
      ) : (
        '—'
      ),
  },
  {
    title: 'Remediation',
    render: r =>
      r.status === 'pass' ? (
        '—'
      ) : (
        <Typography variant="body2">{r.rule.remediation}</Typography>
      ),
  },
];

/** Overall status with counts per status. */
export function ComplianceOverview(props: { summary: ComplianceSummary }) {
  const { summary } = props;
  return (
    <Box
      display="flex"
      alignItems="center"
      data-testid="aws-compliance-overall"
    >
      <Typography variant="h6" component="div">
        <ComplianceStatusLabel status={summary.status} />
      </Typography>
      <Box ml={3}>
        <Typography variant="body2" color="textSecondary">
          {summary.counts.pass} passed · {summary.counts.fail} failed ·{' '}
          {summary.counts.warn} warnings · {summary.counts.unknown} unknown
        </Typography>
      </Box>
    </Box>
  );
}

function Compliance(props: { accountId: string }) {
  const api = useApi(awsOrganizationsApiRef);
  const { value, loading, error } = useSnapshotAsync(
    () => api.getAccountCompliance(props.accountId),
    [api, props.accountId],
  );
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ApiErrorPanel error={error} subject="this account's compliance" />;
  }
  const compliance = value!;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard
          title="Compliance"
          subheader={`Evaluated ${formatDateTime(compliance.evaluatedAt)}`}
        >
          <ComplianceOverview summary={compliance.summary} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        {compliance.results.length === 0 ? (
          <EmptyState
            missing="data"
            title="No compliance rule applies"
            description="No rule has been evaluated for this account yet."
          />
        ) : (
          <Table<RuleResult>
            title="Rules"
            options={{ paging: false, padding: 'dense' }}
            columns={columns}
            data={withRowIds(sortResults(compliance.results), r => r.rule.id)}
          />
        )}
      </Grid>
    </Grid>
  );
}

/** An account's rule results with severity, evidence and remediation. */
export function AccountCompliance() {
  return (
    <AccountIdGate>
      {accountId => <Compliance accountId={accountId} />}
    </AccountIdGate>
  );
}
