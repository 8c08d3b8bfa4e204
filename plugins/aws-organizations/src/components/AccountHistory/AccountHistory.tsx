import { ChangeLogEntry } from '@aws-governance/plugin-aws-organizations-common';
import {
  CodeSnippet,
  EmptyState,
  InfoCard,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import Timeline from '@material-ui/lab/Timeline';
import TimelineConnector from '@material-ui/lab/TimelineConnector';
import TimelineContent from '@material-ui/lab/TimelineContent';
import TimelineDot from '@material-ui/lab/TimelineDot';
import TimelineItem from '@material-ui/lab/TimelineItem';
import TimelineOppositeContent from '@material-ui/lab/TimelineOppositeContent';
import TimelineSeparator from '@material-ui/lab/TimelineSeparator';
import { useCallback, useEffect, useState } from 'react';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import { AccountIdGate } from '../common/AccountIdGate';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { formatDateTime } from '../common/format';

const PAGE_SIZE = 50;

function dotColor(entry: ChangeLogEntry): 'primary' | 'secondary' | 'grey' {
  if (/removed|revoked|detached/.test(entry.kind)) {
    return 'secondary';
  }
  return /created|granted|attached|added/.test(entry.kind) ? 'primary' : 'grey';
}

function Entry(props: { entry: ChangeLogEntry; last: boolean }) {
  const { entry, last } = props;
  const diff = entry.details?.diff;
  return (
    <TimelineItem data-testid="aws-history-entry">
      <TimelineOppositeContent style={{ flex: 0.25 }}>
        <Typography variant="body2" color="textSecondary">
          {formatDateTime(entry.detectedAt)}
        </Typography>
      </TimelineOppositeContent>
      <TimelineSeparator>
        <TimelineDot color={dotColor(entry)} />
        {!last && <TimelineConnector />}
      </TimelineSeparator>
      <TimelineContent>
        <Typography variant="body1">{entry.summary}</Typography>
        <Chip size="small" label={entry.kind} />
        {typeof diff === 'string' && (
          <Box mt={1}>
            <CodeSnippet text={diff} language="diff" />
          </Box>
        )}
      </TimelineContent>
    </TimelineItem>
  );
}

function History(props: { accountId: string }) {
  const api = useApi(awsOrganizationsApiRef);
  const [entries, setEntries] = useState<ChangeLogEntry[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error>();

  const load = useCallback(
    async (offset: number) => {
      setLoading(true);
      setError(undefined);
      try {
        const page = await api.getAccountHistory(props.accountId, {
          offset,
          limit: PAGE_SIZE,
        });
        setEntries(previous =>
          offset === 0 ? page.items : [...previous, ...page.items],
        );
        setTotal(page.totalCount);
      } catch (e) {
        setError(e as Error);
      } finally {
        setLoading(false);
      }
    },
    [api, props.accountId],
  );

  useEffect(() => {
    load(0);
  }, [load]);

  if (error && entries.length === 0) {
    return <ApiErrorPanel error={error} subject="this account's history" />;
  }
  if (loading && entries.length === 0) {
    return <Progress />;
  }
  if (entries.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No changes recorded"
        description="Changes to this account appear here once a sync detects them."
      />
    );
  }
  return (
    <InfoCard title="History" subheader={`${total} changes`}>
      <Timeline align="left" data-testid="aws-history">
        {entries.map((entry, i) => (
          <Entry key={entry.id} entry={entry} last={i === entries.length - 1} />
        ))}
      </Timeline>
      {error && <ApiErrorPanel error={error} subject="more history" />}
      {entries.length < total && (
        <Button disabled={loading} onClick={() => load(entries.length)}>
          Load older changes
        </Button>
      )}
    </InfoCard>
  );
}

/** An account's change log as a timeline, newest first, paged. */
export function AccountHistory() {
  return (
    <AccountIdGate>
      {accountId => <History accountId={accountId} />}
    </AccountIdGate>
  );
}
