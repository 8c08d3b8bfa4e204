import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import { AccountIdGate } from '../common/AccountIdGate';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { formatDateTime, pluralize } from '../common/format';
import { useSnapshotAsync } from '../common/useSnapshot';
import { campaignPath, REVIEWS_PATH } from './reviewPaths';
import { ReviewProgressBar } from './ReviewProgressBar';

function AccountReviews(props: { accountId: string }) {
  const api = useApi(awsOrganizationsApiRef);
  const summary = useSnapshotAsync(
    () => api.getAccountReviews(props.accountId),
    [api, props.accountId],
  );
  if (summary.loading) return <Progress />;
  if (summary.error) {
    return (
      <ApiErrorPanel
        error={summary.error}
        subject="the access reviews of this account"
      />
    );
  }
  const { lastReview, openItems, openRemediations } = summary.value!;
  if (!lastReview) {
    return (
      <Typography variant="body2" data-testid="aws-account-never-reviewed">
        No access review has covered this account yet.{' '}
        <Link to={REVIEWS_PATH}>Access reviews</Link>
      </Typography>
    );
  }
  return (
    <Box data-testid="aws-account-reviews">
      <Typography variant="subtitle2">
        Last review:{' '}
        <Link to={campaignPath(lastReview.campaignId)}>
          {lastReview.campaignName}
        </Link>{' '}
        ({lastReview.status})
      </Typography>
      <Typography variant="body2" color="textSecondary">
        Started {formatDateTime(lastReview.startedAt)}, due{' '}
        {formatDateTime(lastReview.dueAt)}
        {lastReview.completedAt
          ? `, completed ${formatDateTime(lastReview.completedAt)}`
          : ''}
      </Typography>
      <Box my={1}>
        <ReviewProgressBar progress={lastReview.progress} />
      </Box>
      <Typography variant="body2" data-testid="aws-account-open-items">
        {pluralize(openItems, 'open item')} in active campaigns,{' '}
        {pluralize(
          openRemediations,
          'open remediation entry',
          'open remediation entries',
        )}
      </Typography>
    </Box>
  );
}

/**
 * For an AWS account entity: its last access review (the newest campaign
 * with items of the account, and the account's share of it), its pending
 * items in active campaigns and its open remediation entries.
 */
export function AccountReviewsCard() {
  return (
    <InfoCard title="Access reviews">
      <AccountIdGate>
        {accountId => <AccountReviews accountId={accountId} />}
      </AccountIdGate>
    </InfoCard>
  );
}
