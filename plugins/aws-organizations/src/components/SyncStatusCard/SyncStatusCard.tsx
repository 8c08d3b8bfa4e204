import {
  awsOrganizationsSyncTriggerPermission,
  SyncRun,
  SyncStatus,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  InfoCard,
  Progress,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import SyncIcon from '@material-ui/icons/Sync';
import { useState } from 'react';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import {
  ApiErrorPanel,
  errorMessage,
  errorStatus,
} from '../common/ApiErrorPanel';
import {
  formatCount,
  formatDateTime,
  formatDuration,
  pluralize,
} from '../common/format';
import { useSnapshotWatch } from '../common/useSnapshot';

function RunStatus(props: { run: SyncRun }) {
  switch (props.run.status) {
    case 'succeeded':
      return <StatusOK>Succeeded</StatusOK>;
    case 'running':
      return <StatusPending>Running</StatusPending>;
    case 'incomplete':
      return <StatusWarning>Incomplete</StatusWarning>;
    default:
      return <StatusError>Failed</StatusError>;
  }
}

export function RunProgress(props: { run: SyncRun }) {
  const { progress } = props.run;
  const determinate =
    progress?.total !== undefined &&
    progress.done !== undefined &&
    progress.total > 0;
  return (
    <Box my={1} data-testid="aws-sync-progress">
      <Typography variant="body2">
        Syncing{progress ? `: ${progress.phase}` : '…'}
        {determinate ? ` (${progress!.done} of ${progress!.total})` : ''}
      </Typography>
      <LinearProgress
        variant={determinate ? 'determinate' : 'indeterminate'}
        value={
          determinate ? (progress!.done! / progress!.total!) * 100 : undefined
        }
      />
    </Box>
  );
}

/** The events line: the last event applied, and the last full read. */
function EventsDetails(props: { events: NonNullable<SyncStatus['events']> }) {
  const { lastEvent, secondsSinceFullReconciliation, queue } = props.events;
  return (
    <Typography variant="body2" data-testid="aws-sync-events">
      Changes from CloudTrail events:{' '}
      {lastEvent
        ? `last applied ${lastEvent.eventName} (${formatDateTime(
            lastEvent.appliedAt,
          )})`
        : 'none applied yet'}
      {secondsSinceFullReconciliation !== undefined
        ? `; last full read ${formatDuration(
            secondsSinceFullReconciliation * 1000,
          )} ago`
        : ''}
      {queue && !queue.readable
        ? `; the events queue cannot be read (${
            queue.error ?? 'error'
          }), full reads keep the data current`
        : ''}
    </Typography>
  );
}

function StatusDetails(props: { status: SyncStatus }) {
  const { lastAttempt, lastSuccess, snapshotReadAt } = props.status;
  const unmapped =
    props.status.unmappedPrincipalCount ??
    props.status.unmappedPrincipals.length;
  const firstSync = !props.status.snapshotEtag && (
    <Typography variant="body2" data-testid="aws-first-sync">
      Waiting for the first sync: the organization appears here by itself when
      it finishes, no reload needed.
    </Typography>
  );
  if (!lastAttempt) {
    return (
      <>
        <Typography variant="body2">
          The organization has not been synced yet; the first sync runs on the
          backend&apos;s schedule (by default shortly after it starts) or when
          someone selects Sync now.
        </Typography>
        {firstSync}
      </>
    );
  }
  // The status carries the first few messages and their whole counts.
  const errorCount = lastAttempt.errorCount ?? lastAttempt.errors.length;
  const warningCount = lastAttempt.warningCount ?? lastAttempt.warnings.length;
  return (
    <>
      {firstSync}
      <Typography variant="body2" component="div">
        Last attempt: <RunStatus run={lastAttempt} /> ({lastAttempt.trigger}),
        started {formatDateTime(lastAttempt.startedAt)}
        {lastAttempt.finishedAt
          ? `, took ${formatDuration(lastAttempt.durationMs)}`
          : ''}
      </Typography>
      <Typography variant="body2" data-testid="aws-sync-last-success">
        Last successful sync:{' '}
        {lastSuccess
          ? formatDateTime(lastSuccess.finishedAt ?? lastSuccess.startedAt)
          : 'never'}
        {snapshotReadAt
          ? ` (organization read ${formatDateTime(snapshotReadAt)})`
          : ''}
      </Typography>
      {props.status.events && <EventsDetails events={props.status.events} />}
      {lastAttempt.status === 'running' && <RunProgress run={lastAttempt} />}
      {errorCount > 0 && (
        <Box mt={1} data-testid="aws-sync-errors">
          <WarningPanel
            severity="error"
            title={`The last sync reported ${pluralize(errorCount, 'error')}`}
          >
            <ul>
              {lastAttempt.errors.map(e => (
                <li key={e}>{e}</li>
              ))}
              {errorCount > lastAttempt.errors.length && (
                <li>
                  and {formatCount(errorCount - lastAttempt.errors.length)} more
                  (all of them in the backend's log)
                </li>
              )}
            </ul>
          </WarningPanel>
        </Box>
      )}
      {warningCount > 0 && (
        <Typography variant="body2" color="textSecondary">
          {pluralize(warningCount, 'warning')} in the last sync.
        </Typography>
      )}
      {unmapped > 0 && (
        <Typography variant="body2" color="textSecondary">
          {pluralize(unmapped, 'Identity Center principal')}{' '}
          {unmapped === 1 ? 'maps' : 'map'} to no catalog entity.
        </Typography>
      )}
    </>
  );
}

/**
 * Sync status: last attempt and success, errors, and "Sync now" with
 * progress for those allowed to trigger a sync. The status comes from the
 * page's snapshot watcher, which polls it (fast while a sync runs, with
 * backoff when idle), so this card and the views beside it agree.
 */
export function SyncStatusCard(props: { pollIntervalMs?: number }) {
  const api = useApi(awsOrganizationsApiRef);
  const { status, error, watcher } = useSnapshotWatch({
    fastMs: props.pollIntervalMs,
  });
  const { allowed } = usePermission({
    permission: awsOrganizationsSyncTriggerPermission,
  });
  const [triggerMessage, setTriggerMessage] = useState<string>();
  const [triggering, setTriggering] = useState(false);
  const running = status?.lastAttempt?.status === 'running';

  const syncNow = async () => {
    setTriggering(true);
    setTriggerMessage(undefined);
    const before = status?.lastAttempt?.id;
    try {
      await api.triggerSync();
      setTriggerMessage('Sync started.');
      watcher.expectNewRun(before);
    } catch (e) {
      const code = errorStatus(e);
      if (code === 409) {
        setTriggerMessage('A sync is already running.');
        watcher.expectNewRun(before);
      } else if (code === 403) {
        setTriggerMessage('You are not allowed to start a sync.');
      } else {
        setTriggerMessage(`Could not start a sync: ${errorMessage(e)}`);
      }
    } finally {
      setTriggering(false);
    }
  };

  let body;
  if (error && !status) {
    body = <ApiErrorPanel error={error} subject="the sync status" />;
  } else if (!status) {
    body = <Progress />;
  } else {
    body = <StatusDetails status={status} />;
  }

  return (
    <InfoCard
      title="Sync status"
      action={
        allowed ? (
          <Box mt={1} mr={1}>
            <Button
              variant="outlined"
              color="primary"
              startIcon={<SyncIcon />}
              onClick={syncNow}
              disabled={triggering || running}
              data-testid="aws-sync-now"
            >
              Sync now
            </Button>
          </Box>
        ) : undefined
      }
    >
      <div data-testid="aws-sync-status">
        {body}
        {triggerMessage && (
          <Typography variant="body2" data-testid="aws-sync-message">
            {triggerMessage}
          </Typography>
        )}
      </div>
    </InfoCard>
  );
}
