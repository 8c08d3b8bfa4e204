import {
  Page,
  RemediationEntry,
} from '@aws-governance/plugin-aws-organizations-common';
import { CodeSnippet } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { NO_WRAP } from '../common/cellStyles';
import { formatDateTime } from '../common/format';
import { useSnapshotAsync } from '../common/useSnapshot';

const PAGE_SIZE = 20;

/**
 * A campaign's remediation entries: each revocation says exactly what to
 * remove (account, permission set, principal) and the AWS CLI command that
 * removes it; a later sync that no longer finds the grant closes the entry.
 * Loads again when a new snapshot lands (a sync may have closed some).
 */
export function RemediationList(props: {
  campaignId: string;
  /** Changes when decisions were taken: the list loads again. */
  version?: number;
}) {
  const api = useApi(awsOrganizationsApiRef);
  const [offset, setOffset] = useState(0);
  const entries = useSnapshotAsync(
    (): Promise<Page<RemediationEntry>> =>
      api.listRemediations({
        campaignId: props.campaignId,
        offset,
        limit: PAGE_SIZE,
      }),
    [api, props.campaignId, offset, props.version],
  );
  let body;
  if (entries.loading) {
    body = <Typography>Loading the remediation entries…</Typography>;
  } else if (entries.error) {
    body = (
      <ApiErrorPanel error={entries.error} subject="the remediation entries" />
    );
  } else if (entries.value!.totalCount === 0) {
    body = (
      <Box p={2}>
        <Typography variant="body2" data-testid="aws-no-remediations">
          No revocation yet (or none in accounts you may see).
        </Typography>
      </Box>
    );
  } else {
    const page = entries.value!;
    body = (
      <>
        <Table size="small" data-testid="aws-remediations">
          <TableHead>
            <TableRow>
              <TableCell>Status</TableCell>
              <TableCell>Account</TableCell>
              <TableCell>Permission set</TableCell>
              <TableCell>Principal</TableCell>
              <TableCell>What to run</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {page.items.map(entry => (
              <TableRow
                key={entry.id}
                data-testid="aws-remediation"
                data-status={entry.status}
              >
                <TableCell>
                  <Chip
                    size="small"
                    label={entry.status === 'open' ? 'Open' : 'Closed'}
                    color={entry.status === 'open' ? 'secondary' : 'primary'}
                  />
                  <Typography
                    variant="caption"
                    component="div"
                    color="textSecondary"
                  >
                    {entry.status === 'open'
                      ? `revoked ${formatDateTime(entry.createdAt)}${
                          entry.openDays !== undefined
                            ? `, ${entry.openDays} days open`
                            : ''
                        }`
                      : `gone since the sync of ${formatDateTime(
                          entry.closedAt,
                        )}`}
                  </Typography>
                </TableCell>
                <TableCell
                  style={NO_WRAP}
                  data-testid="aws-remediation-account"
                >
                  {entry.accountName}
                  <Typography
                    variant="caption"
                    component="div"
                    color="textSecondary"
                  >
                    {entry.accountId}
                  </Typography>
                </TableCell>
                <TableCell style={NO_WRAP}>{entry.permissionSetName}</TableCell>
                <TableCell>
                  {entry.principalName}
                  <Typography
                    variant="caption"
                    component="div"
                    color="textSecondary"
                  >
                    {entry.principalType} {entry.principalId}
                  </Typography>
                </TableCell>
                <TableCell style={{ maxWidth: 560 }}>
                  {entry.status === 'open' ? (
                    <CodeSnippet
                      language="bash"
                      text={entry.command}
                      showCopyCodeButton
                      // Room for the copy button: the command does not run under it.
                      customStyle={{ whiteSpace: 'pre-wrap', paddingRight: 48 }}
                      wrapLongLines
                    />
                  ) : (
                    <Typography variant="body2" color="textSecondary">
                      Nothing: the assignment is gone
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
      </>
    );
  }
  return <Paper data-testid="aws-remediation-panel">{body}</Paper>;
}
