import {
  awsOrganizationsReviewAdminPermission,
  ReviewCampaign,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  Content,
  ContentHeader,
  InfoCard,
  Link,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import { ApiErrorPanel, errorMessage } from '../common/ApiErrorPanel';
import { formatDateTime } from '../common/format';
import { downloadUrl } from '../common/download';
import { CampaignStatusChip, TeamProgressList } from './CampaignList';
import { RemediationList } from './RemediationList';
import { REVIEWS_PATH } from './reviewPaths';
import { ReviewProgressBar } from './ReviewProgressBar';
import { ReviewQueue } from './ReviewQueue';

function scopeText(campaign: ReviewCampaign): string {
  const { scope } = campaign;
  const where = [
    ...(scope.organizationalUnitIds.length
      ? [`OUs ${scope.organizationalUnitIds.join(', ')}`]
      : []),
    ...(scope.accountIds.length
      ? [`accounts ${scope.accountIds.join(', ')}`]
      : []),
  ];
  return `${where.length ? where.join(' and ') : 'the whole organization'}; ${
    scope.permissionSets === 'privileged'
      ? 'privileged permission sets only'
      : 'every permission set'
  }${scope.roleReach ? '; with role reach' : ''}`;
}

/** The evidence downloads (CSV and JSON, with their content hash): admins. */
function EvidenceLinks(props: { campaignId: string }) {
  const api = useApi(awsOrganizationsApiRef);
  const { allowed } = usePermission({
    permission: awsOrganizationsReviewAdminPermission,
  });
  const [state, download] = useAsyncFn(
    async (format: 'csv' | 'json') => {
      downloadUrl(
        await api.getDownloadUrl({
          kind: 'review-evidence',
          campaignId: props.campaignId,
          format,
        }),
      );
    },
    [api, props.campaignId],
  );
  if (!allowed) {
    return (
      <Typography variant="body2" color="textSecondary">
        The evidence export is for review admins
        (aws-organizations.review.admin).
      </Typography>
    );
  }
  return (
    <Box data-testid="aws-evidence">
      <Button
        startIcon={<GetAppIcon />}
        variant="outlined"
        onClick={() => download('csv')}
        disabled={state.loading}
        data-testid="aws-evidence-csv"
      >
        Evidence (CSV)
      </Button>{' '}
      <Button
        startIcon={<GetAppIcon />}
        variant="outlined"
        onClick={() => download('json')}
        disabled={state.loading}
        data-testid="aws-evidence-json"
      >
        Evidence (JSON)
      </Button>
      <Typography variant="caption" component="div" color="textSecondary">
        Every item, its decision, who decided, when, the reason and whether the
        revocation happened, with the snapshot and a content hash.
      </Typography>
      {state.error && (
        <Typography variant="body2" color="error">
          Could not download the evidence: {errorMessage(state.error)}
        </Typography>
      )}
    </Box>
  );
}

/** What the campaign covers, when it is due, its progress, the evidence. */
function CampaignSummary(props: { campaign: ReviewCampaign }) {
  const { campaign: current } = props;
  return (
    <Box data-testid="aws-campaign-summary">
      <Box mb={1}>
        <CampaignStatusChip campaign={current} />
      </Box>
      <Typography variant="body2">
        Due {formatDateTime(current.dueAt)}
        {current.overdue ? ' (overdue)' : ''}
      </Typography>
      <Typography variant="body2">
        Started {formatDateTime(current.startedAt)} by {current.startedBy}, from
        the snapshot read {formatDateTime(current.snapshot.readAt)}
      </Typography>
      <Typography variant="body2">Scope: {scopeText(current)}</Typography>
      {current.recurrence && (
        <Typography variant="body2">
          Recurs {current.recurrence.interval} (cycle {current.recurrence.cycle}
          {current.recurrence.nextStartAt
            ? `, next ${formatDateTime(current.recurrence.nextStartAt)}`
            : ''}
          )
        </Typography>
      )}
      <Box my={2}>
        <ReviewProgressBar
          progress={current.progress}
          overdue={current.overdue}
        />
      </Box>
      <EvidenceLinks campaignId={current.id} />
    </Box>
  );
}

/**
 * One campaign: what it covers, its progress in all and per team, the
 * reviewer queue, the remediation entries of its revocations and the
 * evidence export.
 */
export function CampaignPage() {
  const { campaignId = '' } = useParams();
  const api = useApi(awsOrganizationsApiRef);
  // Decisions change the counts: load them again after each.
  const [version, setVersion] = useState(0);
  const campaign = useAsync(
    () => api.getReviewCampaign(campaignId),
    [api, campaignId, version],
  );
  const progress = useAsync(
    () => api.getReviewCampaignProgress(campaignId),
    [api, campaignId, version],
  );
  // While the counts load again, the previous answer stays in sight.
  const current = campaign.value;

  if (campaign.error) {
    return (
      <Content>
        <ApiErrorPanel
          error={campaign.error}
          subject={`review campaign ${campaignId}`}
        />
      </Content>
    );
  }
  // The queue and the remediations ask for their own data at once, beside
  // the campaign's request, not after it: they need only the id.
  return (
    <Content>
      <ContentHeader title={current?.name ?? `Review campaign ${campaignId}`}>
        <Link to={REVIEWS_PATH}>All campaigns</Link>
      </ContentHeader>
      <Grid container spacing={2}>
        <Grid item xs={12} md={5}>
          <InfoCard title="Campaign">
            {current ? <CampaignSummary campaign={current} /> : <Progress />}
          </InfoCard>
        </Grid>
        <Grid item xs={12} md={7}>
          <InfoCard title="Progress per team">
            {progress.error && (
              <ApiErrorPanel
                error={progress.error}
                subject="the campaign's progress"
              />
            )}
            {!progress.error &&
              (progress.value ? (
                <TeamProgressList progress={progress.value} />
              ) : (
                <Progress />
              ))}
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <Typography variant="h6" gutterBottom>
            Review queue
          </Typography>
          <ReviewQueue
            campaignId={campaignId}
            campaign={current}
            onDecided={() => setVersion(v => v + 1)}
          />
        </Grid>
        <Grid item xs={12}>
          <Typography variant="h6" gutterBottom>
            Remediation
          </Typography>
          <RemediationList campaignId={campaignId} version={version} />
        </Grid>
      </Grid>
    </Content>
  );
}
