import {
  awsOrganizationsReviewAdminPermission,
  CampaignProgress,
  ReviewCampaign,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  Content,
  ContentHeader,
  Link,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { formatDateTime } from '../common/format';
import { campaignPath } from './reviewPaths';
import { ReviewProgressBar } from './ReviewProgressBar';
import { StartCampaignDialog } from './StartCampaignDialog';

const PAGE_SIZE = 20;

/** Active, overdue or closed, as a chip; overdue stands out in red. */
export function CampaignStatusChip(props: { campaign: ReviewCampaign }) {
  const { campaign } = props;
  if (campaign.overdue) {
    return (
      <Chip
        size="small"
        label="Overdue"
        color="secondary"
        data-testid="aws-campaign-overdue"
      />
    );
  }
  return (
    <Chip
      size="small"
      variant="outlined"
      label={campaign.status === 'active' ? 'Active' : 'Closed'}
    />
  );
}

/**
 * Teams shown at first; the rest behind "Show all" (a campaign over the
 * whole organization at L has hundreds of teams, each row a link and a
 * progress bar, all rendered before the reviewer queue).
 */
export const TEAMS_SHOWN = 10;

/**
 * Per team: its share of the campaign; the unowned accounts' share last.
 * The first TEAMS_SHOWN teams and the unowned accounts, the rest on demand.
 */
export function TeamProgressList(props: {
  progress: CampaignProgress;
  dense?: boolean;
}) {
  const { progress } = props;
  const [all, setAll] = useState(false);
  if (progress.byTeam.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No items
      </Typography>
    );
  }
  // The unowned accounts' row stays in sight: it waits for an admin.
  const shown = all
    ? progress.byTeam
    : [
        ...progress.byTeam.filter(t => t.teamRef).slice(0, TEAMS_SHOWN),
        ...progress.byTeam.filter(t => !t.teamRef),
      ];
  const hidden = progress.byTeam.length - shown.length;
  return (
    <Box data-testid="aws-team-progress">
      {shown.map(team => (
        <Box
          key={team.teamRef ?? '-'}
          display="flex"
          alignItems="center"
          mb={props.dense ? 0.5 : 1}
          data-testid="aws-team-progress-row"
        >
          <Box width={220} pr={2}>
            {team.teamRef ? (
              <EntityRefLink entityRef={team.teamRef} defaultKind="group" />
            ) : (
              <Typography variant="body2" color="textSecondary">
                Unowned accounts (an admin hands them over)
              </Typography>
            )}
          </Box>
          <Box flexGrow={1}>
            <ReviewProgressBar progress={team} overdue={progress.overdue} />
          </Box>
        </Box>
      ))}
      {hidden > 0 && (
        <Button
          size="small"
          onClick={() => setAll(true)}
          data-testid="aws-team-progress-all"
        >
          Show all {progress.byTeam.length} teams ({hidden} more)
        </Button>
      )}
    </Box>
  );
}

function CampaignTeams(props: { campaign: ReviewCampaign }) {
  const api = useApi(awsOrganizationsApiRef);
  const { campaign } = props;
  const progress = useAsync(
    () => api.getReviewCampaignProgress(campaign.id),
    [api, campaign.id, campaign.progress.pending],
  );
  if (progress.loading) return <Progress />;
  if (progress.error) {
    return (
      <Typography variant="body2" color="error">
        Could not load the teams' progress
      </Typography>
    );
  }
  return <TeamProgressList progress={progress.value!} dense />;
}

/**
 * The Reviews page's home: every campaign, newest first, with its progress
 * in all and, for active ones, per team; overdue campaigns stand out. An
 * admin (`aws-organizations.review.admin`) starts a campaign from here.
 */
export function CampaignList() {
  const api = useApi(awsOrganizationsApiRef);
  const navigate = useNavigate();
  const { allowed: isAdmin } = usePermission({
    permission: awsOrganizationsReviewAdminPermission,
  });
  const [offset, setOffset] = useState(0);
  const [starting, setStarting] = useState(false);
  const campaigns = useAsync(
    () => api.listReviewCampaigns({ offset, limit: PAGE_SIZE }),
    [api, offset],
  );
  let body;
  if (campaigns.loading) {
    body = <Progress />;
  } else if (campaigns.error) {
    body = (
      <ApiErrorPanel error={campaigns.error} subject="the review campaigns" />
    );
  } else if (campaigns.value!.totalCount === 0) {
    body = (
      <Typography data-testid="aws-no-campaigns">
        No access review yet.
        {isAdmin ? ' Start one: its items are the current grants.' : ''}
      </Typography>
    );
  } else {
    const page = campaigns.value!;
    body = (
      <Paper>
        <Table size="small" data-testid="aws-campaign-table">
          <TableHead>
            <TableRow>
              <TableCell>Campaign</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Started</TableCell>
              <TableCell>Due</TableCell>
              <TableCell>Progress</TableCell>
              <TableCell>Per team</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {page.items.map(campaign => (
              <TableRow
                key={campaign.id}
                data-testid="aws-campaign-row"
                style={
                  campaign.overdue
                    ? { background: 'rgba(244, 67, 54, 0.08)' }
                    : undefined
                }
              >
                <TableCell>
                  <Link to={campaignPath(campaign.id)}>{campaign.name}</Link>
                  {campaign.recurrence && (
                    <Typography
                      variant="caption"
                      color="textSecondary"
                      component="div"
                    >
                      {campaign.recurrence.interval}, cycle{' '}
                      {campaign.recurrence.cycle}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>
                  <CampaignStatusChip campaign={campaign} />
                </TableCell>
                <TableCell>{formatDateTime(campaign.startedAt)}</TableCell>
                <TableCell>{formatDateTime(campaign.dueAt)}</TableCell>
                <TableCell>
                  <ReviewProgressBar
                    progress={campaign.progress}
                    overdue={campaign.overdue}
                  />
                </TableCell>
                <TableCell style={{ minWidth: 380 }}>
                  {campaign.status === 'active' ? (
                    <CampaignTeams campaign={campaign} />
                  ) : (
                    <Typography variant="body2" color="textSecondary">
                      Closed {formatDateTime(campaign.closedAt)}
                    </Typography>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {page.totalCount > PAGE_SIZE && (
          <TablePagination
            component="div"
            count={page.totalCount}
            page={Math.floor(offset / PAGE_SIZE)}
            rowsPerPage={PAGE_SIZE}
            rowsPerPageOptions={[PAGE_SIZE]}
            onPageChange={(_e, p) => setOffset(p * PAGE_SIZE)}
          />
        )}
      </Paper>
    );
  }
  return (
    <Content>
      <ContentHeader title="Access reviews">
        {isAdmin && (
          <Button
            variant="contained"
            color="primary"
            startIcon={<AddIcon />}
            onClick={() => setStarting(true)}
            data-testid="aws-start-campaign"
          >
            Start a campaign
          </Button>
        )}
      </ContentHeader>
      <Typography variant="body2" color="textSecondary" paragraph>
        Each campaign pins the standing grants of one snapshot; the team that
        owns an account decides, per grant, to keep or revoke it.
      </Typography>
      {body}
      {isAdmin && (
        <StartCampaignDialog
          open={starting}
          onClose={() => setStarting(false)}
          onStarted={campaign => {
            setStarting(false);
            navigate(campaignPath(campaign.id));
          }}
        />
      )}
    </Content>
  );
}
