import {
  AccessGrant,
  GroupMemberView,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  EmptyState,
  Progress,
  Table,
  TableColumn,
  WarningPanel,
} from '@backstage/core-components';
import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useSnapshotAsync } from '../common/useSnapshot';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import { AccountIdGate } from '../common/AccountIdGate';
import { ApiErrorPanel, errorMessage } from '../common/ApiErrorPanel';
import { downloadUrl } from '../common/download';
import { PrincipalLink } from '../common/PrincipalLink';
import { withRowIds } from '../common/rowIds';
import { NO_WRAP } from '../common/cellStyles';
import { AccountRoleReach } from '../RoleReach/AccountRoleReach';
import { pagedTableOptions } from '../common/tableOptions';

function via(grant: AccessGrant): string {
  if (grant.via === 'direct') {
    return 'Direct';
  }
  return grant.group ? `Group ${grant.group.name}` : 'Group';
}

function Members(props: { members: GroupMemberView[] }) {
  if (props.members.length === 0) {
    return (
      <Box p={2}>
        <Typography variant="body2">The group has no members.</Typography>
      </Box>
    );
  }
  return (
    <List dense data-testid="aws-group-members">
      {props.members.map(member => (
        <ListItem key={member.userId}>
          {member.ref ? (
            <EntityRefLink
              entityRef={member.ref}
              title={member.displayName ?? member.userName}
            />
          ) : (
            <Typography variant="body2">
              {member.displayName ?? member.userName}
            </Typography>
          )}
        </ListItem>
      ))}
    </List>
  );
}

const columns: TableColumn<AccessGrant>[] = [
  {
    title: 'Principal',
    field: 'principal.name',
    render: g => <PrincipalLink principal={g.principal} />,
  },
  {
    title: 'Type',
    field: 'principal.type',
    render: g => (g.principal.type === 'GROUP' ? 'Group' : 'User'),
  },
  {
    title: 'Permission set',
    cellStyle: NO_WRAP,
    field: 'permissionSet.name',
    render: g => (
      <EntityRefLink
        entityRef={g.permissionSet.entityRef}
        title={g.permissionSet.name}
      />
    ),
  },
  {
    title: 'Privileged',
    field: 'permissionSet.privileged',
    render: g =>
      g.permissionSet.privileged ? (
        <Tooltip title={g.permissionSet.privilegeReasons.join('; ')}>
          <Chip size="small" color="secondary" label="Privileged" />
        </Tooltip>
      ) : (
        'No'
      ),
  },
  {
    title: 'Via',
    render: g => via(g),
    customSort: (a, b) => via(a).localeCompare(via(b)),
  },
];

function Access(props: { accountId: string }) {
  const api = useApi(awsOrganizationsApiRef);
  const [exportError, setExportError] = useState<Error>();
  const { value, loading, error } = useSnapshotAsync(
    () => api.getAccountAccess(props.accountId),
    [api, props.accountId],
  );
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <ApiErrorPanel error={error} subject="who has access to this account" />
    );
  }
  const access = value!;
  if (access.identityCenter === 'not-enabled') {
    return (
      <EmptyState
        missing="info"
        title="IAM Identity Center is not enabled"
        description="The organization has no IAM Identity Center instance, so no access is managed through permission sets."
      />
    );
  }
  const unavailable = access.identityCenter === 'unavailable' && (
    <WarningPanel
      defaultExpanded
      severity="warning"
      title="Identity Center could not be read"
      message="The last sync could not read IAM Identity Center; the access shown may be out of date."
    />
  );
  // Without aws-organizations.access.read the backend answers at team
  // level: group grants, no members, no user grants.
  const teamLevel = access.restricted && (
    <Box mb={2} data-testid="aws-access-team-level">
      <WarningPanel
        severity="info"
        title="Team-level view: which groups reach this account"
        defaultExpanded
        message="Who holds grants individually — users assigned directly and the members of each group — needs the aws-organizations.access.read permission. Ask the AWS platform team if you need it."
      />
    </Box>
  );
  if (access.grants.length === 0) {
    return (
      <>
        {unavailable}
        {teamLevel}
        <EmptyState
          missing="data"
          title={
            access.restricted
              ? 'No group is assigned to this account'
              : 'No one is assigned to this account'
          }
          description={
            access.restricted
              ? 'No Identity Center group holds a permission set in this account.'
              : 'No Identity Center user or group holds a permission set in this account.'
          }
        />
      </>
    );
  }
  // The server writes the export (the same columns and format as the
  // organization's access report, as this caller may see it); the browser
  // downloads it under the server's dated file name.
  const exportCsv = () =>
    api
      .getDownloadUrl({ kind: 'account-access', accountId: props.accountId })
      .then(downloadUrl, setExportError);
  return (
    <>
      {unavailable}
      {teamLevel}
      <Table<AccessGrant>
        title={
          access.restricted
            ? 'Groups that can access this account'
            : 'Who can access this account'
        }
        subtitle={
          access.restricted
            ? 'Identity Center assignments of groups'
            : 'Identity Center assignments, with group members'
        }
        options={pagedTableOptions(access.grants.length, 20)}
        columns={columns}
        data={withRowIds(
          access.grants,
          g =>
            `${g.principal.type}:${g.principal.id}:${g.permissionSet.arn}:${
              g.via
            }:${g.group?.id ?? ''}`,
        )}
        detailPanel={
          access.restricted
            ? undefined
            : ({ rowData }: { rowData: AccessGrant }) =>
                rowData.members ? (
                  <Members members={rowData.members} />
                ) : (
                  <Box p={2}>
                    <Typography variant="body2">
                      {rowData.principal.type === 'USER'
                        ? `${rowData.principal.name} is a user; ${
                            rowData.via === 'group'
                              ? 'access comes through a group'
                              : 'the assignment is direct'
                          }.`
                        : 'Members are unknown.'}
                    </Typography>
                  </Box>
                )
        }
      />
      <Box mt={1}>
        <Button
          startIcon={<GetAppIcon />}
          onClick={exportCsv}
          data-testid="aws-access-export"
        >
          Export CSV
        </Button>
        {exportError && (
          <Typography variant="body2" color="error">
            Could not export the access: {errorMessage(exportError)}
          </Typography>
        )}
      </Box>
    </>
  );
}

/**
 * Who can reach an account: principals, permission sets, privilege, direct
 * or through a group, with group members and a CSV export; beside them,
 * who reaches it through IAM roles, each with its path.
 */
export function AccountAccess() {
  return (
    <AccountIdGate>
      {accountId => (
        <>
          <Access accountId={accountId} />
          <AccountRoleReach accountId={accountId} />
        </>
      )}
    </AccountIdGate>
  );
}
