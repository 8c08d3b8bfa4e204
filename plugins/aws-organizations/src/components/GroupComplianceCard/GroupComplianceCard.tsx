import {
  AccountSummary,
  ChangeLogEntry,
  ComplianceCounts,
} from '@aws-governance/plugin-aws-organizations-common';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { ComplianceCountsBar } from '../common/ComplianceCountsBar';
import { formatCount, formatDateTime, pluralize } from '../common/format';
import { useSnapshotAsync } from '../common/useSnapshot';

/** Non-compliant accounts listed by name; the count says how many in all. */
const LISTED = 5;
/** The newest changes of the team's accounts listed. */
const RECENT = 5;

function Counts(props: { counts: ComplianceCounts }) {
  const { counts } = props;
  const total = counts.pass + counts.fail + counts.warn + counts.unknown;
  return (
    <Box data-testid="aws-group-compliance-counts">
      <Typography variant="h6" component="p">
        {formatCount(counts.fail)} of {pluralize(total, 'account')}{' '}
        non-compliant
      </Typography>
      <Box my={1}>
        <ComplianceCountsBar counts={counts} width="100%" />
      </Box>
      <Typography variant="body2" color="textSecondary">
        {formatCount(counts.pass)} compliant,{' '}
        {pluralize(counts.warn, 'warning')}, {formatCount(counts.unknown)}{' '}
        unknown
      </Typography>
    </Box>
  );
}

function NonCompliant(props: { accounts: AccountSummary[]; total: number }) {
  const { accounts, total } = props;
  if (total === 0) return null;
  return (
    <Box mt={2} data-testid="aws-group-non-compliant">
      <Typography variant="subtitle2">Non-compliant accounts</Typography>
      <List dense disablePadding>
        {accounts.map(account => (
          <ListItem key={account.id} disableGutters>
            <ListItemText
              primary={
                <EntityRefLink
                  entityRef={account.entityRef}
                  title={account.name}
                />
              }
              secondary={`fails ${pluralize(
                account.compliance.failingRules.length,
                'rule',
              )}`}
            />
          </ListItem>
        ))}
      </List>
      {total > accounts.length && (
        <Typography variant="body2" color="textSecondary">
          and {total - accounts.length} more (the AWS accounts card lists them
          all)
        </Typography>
      )}
    </Box>
  );
}

function ChangeList(props: { entries: ChangeLogEntry[]; total: number }) {
  const { entries, total } = props;
  if (total === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No change of the team's accounts recorded.
      </Typography>
    );
  }
  return (
    <>
      <List dense disablePadding>
        {entries.map(entry => (
          <ListItem key={entry.id} disableGutters>
            <ListItemText
              primary={entry.summary}
              secondary={`${formatDateTime(entry.detectedAt)} · account ${
                entry.accountId
              }`}
            />
          </ListItem>
        ))}
      </List>
      {total > entries.length && (
        <Typography variant="body2" color="textSecondary">
          and {pluralize(total - entries.length, 'older change')} (each
          account's History tab lists its own)
        </Typography>
      )}
    </>
  );
}

/**
 * The newest changes of the accounts the team owns (`GET /changes?owner=`),
 * on their own: a failure here leaves the compliance above in sight.
 */
function RecentChanges(props: { owner: string }) {
  const api = useApi(awsOrganizationsApiRef);
  const { value, loading, error } = useSnapshotAsync(
    () => api.listChanges({ owner: props.owner, limit: RECENT }),
    [api, props.owner],
  );
  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = (
      <ApiErrorPanel
        error={error}
        subject="the recent changes of the team's accounts"
      />
    );
  } else {
    body = <ChangeList entries={value!.items} total={value!.totalCount} />;
  }
  return (
    <Box mt={2} data-testid="aws-group-recent-changes">
      <Typography variant="subtitle2">Recent changes</Typography>
      {body}
    </Box>
  );
}

/**
 * For a Group: the compliance of the AWS accounts it owns at a glance (the
 * accounts per status and the non-compliant ones by name) and their recent
 * changes, for the side column of the team page. Follows the current
 * snapshot.
 */
export function GroupComplianceCard() {
  const { entity } = useEntity();
  const api = useApi(awsOrganizationsApiRef);
  const ref = stringifyEntityRef(entity);
  const { value, loading, error } = useSnapshotAsync(
    () =>
      Promise.all([
        api.listOwners({ ref }),
        api.listAccounts({ owner: ref, compliance: 'fail', limit: LISTED }),
      ]),
    [api, ref],
  );
  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = (
      <ApiErrorPanel
        error={error}
        subject="the compliance of the team's accounts"
      />
    );
  } else {
    const [owners, failing] = value!;
    const owned = owners.items[0];
    body = owned ? (
      <>
        <Counts counts={owned.counts} />
        <NonCompliant accounts={failing.items} total={failing.totalCount} />
        <RecentChanges owner={ref} />
      </>
    ) : (
      <Typography variant="body2">This team owns no AWS account.</Typography>
    );
  }
  return (
    <InfoCard title="AWS compliance">
      <div data-testid="aws-group-compliance">{body}</div>
    </InfoCard>
  );
}
