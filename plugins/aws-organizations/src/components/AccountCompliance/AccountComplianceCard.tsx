import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { useSnapshotAsync } from '../common/useSnapshot';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import { AccountIdGate } from '../common/AccountIdGate';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { SeverityChip } from '../common/ComplianceStatusLabel';
import { ComplianceOverview, sortResults } from './AccountCompliance';

function Card(props: { accountId: string }) {
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
  const failing = sortResults(value!.results).filter(
    r => r.status === 'fail' || r.status === 'warn',
  );
  return (
    <>
      <ComplianceOverview summary={value!.summary} />
      {failing.length === 0 ? (
        <Typography variant="body2">Every rule passes.</Typography>
      ) : (
        <List dense>
          {failing.map(r => (
            <ListItem key={r.rule.id}>
              <ListItemText primary={r.rule.title} secondary={r.message} />
              <SeverityChip severity={r.rule.severity} />
            </ListItem>
          ))}
        </List>
      )}
    </>
  );
}

/** The compliance of an AWS account entity, as a card. */
export function AccountComplianceCard() {
  return (
    <InfoCard title="AWS compliance">
      <AccountIdGate>
        {accountId => <Card accountId={accountId} />}
      </AccountIdGate>
    </InfoCard>
  );
}
