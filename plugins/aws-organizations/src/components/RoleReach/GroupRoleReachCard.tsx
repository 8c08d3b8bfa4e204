import {
  PrincipalRoleReach,
  PrincipalRoleReachEntry,
} from '@aws-governance/plugin-aws-organizations-common';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  Table,
  TableColumn,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { NO_WRAP } from '../common/cellStyles';
import { pluralize } from '../common/format';
import { withRowIds } from '../common/rowIds';
import { REACH_PAGE, usePagedReach } from './usePagedReach';
import {
  DecisionChip,
  pathKey,
  pathSummary,
  ReachPathDetails,
} from './ReachPath';
import { pagedTableOptions } from '../common/tableOptions';

/** The accounts a team reaches through IAM roles, each with its path. */
export function GroupRoleReach(props: { entityRef: string }) {
  const api = useApi(awsOrganizationsApiRef);
  const ref = parseEntityRef(props.entityRef);
  const paged = usePagedReach<PrincipalRoleReachEntry, PrincipalRoleReach>(
    offset =>
      api.getPrincipalRoleReach(
        { kind: 'group', namespace: ref.namespace, name: ref.name },
        { offset, limit: REACH_PAGE },
      ),
    [api, props.entityRef],
  );
  const { error } = paged;
  if (error) {
    return (
      <ApiErrorPanel
        error={error}
        subject="the accounts this team reaches through roles"
      />
    );
  }
  if (!paged.answer) return <Progress />;
  const reach = paged.answer;
  if (reach.status === 'not-configured') {
    return (
      <Typography variant="body2" color="textSecondary">
        No roles source is configured: reach through IAM roles is not known.
      </Typography>
    );
  }
  const columns: TableColumn<PrincipalRoleReachEntry>[] = [
    {
      title: 'Account',
      cellStyle: NO_WRAP,
      field: 'accountName',
      render: e => (
        <EntityRefLink entityRef={e.entityRef} title={e.accountName} />
      ),
    },
    { title: 'Path', render: e => pathSummary(e.path, reach.accountNames) },
    {
      title: 'Decision',
      cellStyle: NO_WRAP,
      render: e => <DecisionChip decision={e.path.decision} />,
    },
  ];
  return (
    <>
      {reach.incomplete.count > 0 && (
        <WarningPanel
          severity="warning"
          title={`The roles of ${pluralize(
            reach.incomplete.count,
            'account',
          )} are unknown`}
          message="The team may reach more accounts than shown."
        />
      )}
      {reach.entries.length === 0 ? (
        <Typography variant="body2" data-testid="aws-group-role-reach-none">
          This team reaches no account through IAM roles.
        </Typography>
      ) : (
        <Table<PrincipalRoleReachEntry>
          title="Reached through roles"
          subtitle={`${pluralize(reach.accountCount, 'account')}, ${pluralize(
            reach.totalCount,
            'way',
          )}${
            reach.entries.length < reach.totalCount
              ? `; ${reach.entries.length} loaded`
              : ''
          }`}
          options={pagedTableOptions(reach.entries.length, 10, {
            search: false,
          })}
          columns={columns}
          data={withRowIds(
            reach.entries,
            e => `${e.accountId}:${pathKey(e.path)}`,
          )}
          detailPanel={({ rowData }: { rowData: PrincipalRoleReachEntry }) => (
            <Box p={2}>
              <ReachPathDetails
                path={rowData.path}
                accountNames={reach.accountNames}
              />
            </Box>
          )}
        />
      )}
      {paged.moreError && (
        <ApiErrorPanel error={paged.moreError} subject="more accounts" />
      )}
      {paged.more && (
        <Button disabled={paged.loadingMore} onClick={paged.more}>
          Load more ({reach.entries.length} of {reach.totalCount})
        </Button>
      )}
    </>
  );
}

/**
 * Card for a Group: the AWS accounts the team reaches through IAM roles
 * (a permission set's role that may assume a role in another account),
 * each with its path. Team level: visible to everyone signed in.
 */
export function GroupRoleReachCard() {
  const { entity } = useEntity();
  return (
    <InfoCard title="AWS accounts reached through roles">
      <GroupRoleReach entityRef={stringifyEntityRef(entity)} />
    </InfoCard>
  );
}
