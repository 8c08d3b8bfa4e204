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
import { useCallback, useEffect, useState } from 'react';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import {
  ApiErrorPanel,
  errorMessage,
  errorStatus,
} from '../common/ApiErrorPanel';
import { formatDateTime, formatDuration } from '../common/format';

/** Reads after a trigger before giving up waiting for the new attempt. */
const MAX_WAITING_READS = 30;

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

function RunProgress(props: { run: SyncRun }) {
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

function StatusDetails(props: { status: SyncStatus }) {
  const { lastAttempt, lastSuccess, snapshotReadAt } = props.status;
  const unmapped =
    props.status.unmappedPrincipalCount ??
    props.status.unmappedPrincipals.length;
  if (!lastAttempt) {
    return (
      <Typography variant="body2">
        The organization has not been synced yet.
      </Typography>
    );
  }
  return (
    <>
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
      {lastAttempt.status === 'running' && <RunProgress run={lastAttempt} />}
      {lastAttempt.errors.length > 0 && (
        <Box mt={1} data-testid="aws-sync-errors">
          <WarningPanel
            severity="error"
            title={`The last sync reported ${lastAttempt.errors.length} error(s)`}
          >
            <ul>
              {lastAttempt.errors.map(e => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </WarningPanel>
        </Box>
      )}
      {lastAttempt.warnings.length > 0 && (
        <Typography variant="body2" color="textSecondary">
          {lastAttempt.warnings.length} warning(s) in the last sync.
        </Typography>
      )}
      {unmapped > 0 && (
        <Typography variant="body2" color="textSecondary">
          {unmapped} Identity Center principal(s) map to no catalog entity.
        </Typography>
      )}
    </>
  );
}

/**
 * Sync status: last attempt and success, errors, and "Sync now" with
 * progress for those allowed to trigger a sync.
 */
export function SyncStatusCard(props: { pollIntervalMs?: number }) {
  const pollIntervalMs = props.pollIntervalMs ?? 2000;
  const api = useApi(awsOrganizationsApiRef);
  const { allowed } = usePermission({
    permission: awsOrganizationsSyncTriggerPermission,
  });
  const [status, setStatus] = useState<SyncStatus>();
  const [error, setError] = useState<Error>();
  const [triggerMessage, setTriggerMessage] = useState<string>();
  // After a trigger: the id of the attempt before it, until a newer attempt
  // shows up (or a bounded number of reads passed).
  const [waitingForRun, setWaitingForRun] = useState(false);
  const [baseline, setBaseline] = useState<{ id?: string; reads: number }>();
  const [triggering, setTriggering] = useState(false);
  // Counts status reads, so that polling goes on even when a read returns
  // an identical status.
  const [reads, setReads] = useState(0);

  const refresh = useCallback(async () => {
    try {
      // The count only: the list grows with the Identity Store.
      const next = await api.getSyncStatus({ unmappedLimit: 0 });
      setStatus(next);
      setError(undefined);
      return next;
    } catch (e) {
      setError(e as Error);
      return undefined;
    } finally {
      setReads(n => n + 1);
    }
  }, [api]);

  useEffect(() => {
    refresh();
  }, [refresh]);

  const running = status?.lastAttempt?.status === 'running';
  const polling = running || waitingForRun;

  useEffect(() => {
    if (!polling) {
      return undefined;
    }
    const timer = setTimeout(async () => {
      const next = await refresh();
      const attempt = next?.lastAttempt;
      if (
        attempt?.status === 'running' ||
        (attempt && attempt.id !== baseline?.id) ||
        reads - (baseline?.reads ?? 0) > MAX_WAITING_READS
      ) {
        setWaitingForRun(false);
      }
    }, pollIntervalMs);
    return () => clearTimeout(timer);
  }, [polling, reads, refresh, pollIntervalMs, baseline]);

  const syncNow = async () => {
    setTriggering(true);
    setTriggerMessage(undefined);
    setBaseline({ id: status?.lastAttempt?.id, reads });
    try {
      await api.triggerSync();
      setTriggerMessage('Sync started.');
      setWaitingForRun(true);
    } catch (e) {
      const code = errorStatus(e);
      if (code === 409) {
        setTriggerMessage('A sync is already running.');
        setWaitingForRun(true);
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
