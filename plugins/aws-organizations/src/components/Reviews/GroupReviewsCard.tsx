import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { formatDateTime, pluralize } from '../common/format';
import { campaignPath } from './reviewPaths';
import { ReviewProgressBar } from './ReviewProgressBar';

/**
 * For a Group: its share of the active access review campaigns, the
 * pending items first in words, overdue campaigns marked.
 */
export function GroupReviewsCard() {
  const { entity } = useEntity();
  const api = useApi(awsOrganizationsApiRef);
  const ref = stringifyEntityRef(entity);
  const reviews = useAsync(() => api.getTeamReviews(ref), [api, ref]);
  let body;
  if (reviews.loading) {
    body = <Progress />;
  } else if (reviews.error) {
    body = <ApiErrorPanel error={reviews.error} subject="the team's reviews" />;
  } else if (reviews.value!.campaigns.length === 0) {
    body = (
      <Typography variant="body2" data-testid="aws-group-no-reviews">
        No active access review has items for this team.
      </Typography>
    );
  } else {
    body = reviews.value!.campaigns.map(campaign => (
      <Box key={campaign.campaignId} mb={2} data-testid="aws-group-review">
        <Typography variant="subtitle2">
          <Link to={campaignPath(campaign.campaignId)}>
            {campaign.campaignName}
          </Link>
        </Typography>
        <Typography
          variant="body2"
          color={campaign.overdue ? 'error' : 'textSecondary'}
        >
          {pluralize(campaign.progress.pending, 'item')} to review, due{' '}
          {formatDateTime(campaign.dueAt)}
          {campaign.overdue ? ' (overdue)' : ''}
        </Typography>
        <ReviewProgressBar
          progress={campaign.progress}
          overdue={campaign.overdue}
        />
      </Box>
    ));
  }
  return (
    <InfoCard title="Pending access reviews">
      <div data-testid="aws-group-reviews">{body}</div>
    </InfoCard>
  );
}
