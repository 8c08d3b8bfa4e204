import { ReviewProgress } from '@aws-governance/plugin-aws-organizations-common';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';

/** "3 of 5 decided (2 kept, 1 revoked)". */
export function progressLabel(progress: ReviewProgress): string {
  const decided = progress.kept + progress.revoked;
  return `${decided} of ${progress.total} decided (${progress.kept} kept, ${progress.revoked} revoked)`;
}

/**
 * A campaign's (or a team's) progress: a bar of the decided share and the
 * counts in words (the bar's accessible label says them too).
 */
export function ReviewProgressBar(props: {
  progress: ReviewProgress;
  /** Red when the campaign is overdue and items are pending. */
  overdue?: boolean;
}) {
  const { progress, overdue } = props;
  const label = progressLabel(progress);
  return (
    <Box minWidth={160}>
      <LinearProgress
        variant="determinate"
        value={progress.percentDone}
        color={overdue && progress.pending > 0 ? 'secondary' : 'primary'}
        aria-label={label}
      />
      <Typography variant="caption" color="textSecondary">
        {progress.percentDone}% · {label}
      </Typography>
    </Box>
  );
}
