import { AccountSummary } from '@aws-governance/plugin-aws-organizations-common';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useSnapshotAsync } from '../common/useSnapshot';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { ComplianceStatusLabel } from '../common/ComplianceStatusLabel';
import { formatState } from '../common/format';
import { PrincipalGrantsTable } from '../common/PrincipalGrantsTable';
import { NO_WRAP } from '../common/cellStyles';
import { pagedTableOptions } from '../common/tableOptions';

const OWNED_LIMIT = 100;

const ownedColumns: TableColumn<AccountSummary>[] = [
  {
    title: 'Account',
    cellStyle: NO_WRAP,
    field: 'name',
    render: a => <EntityRefLink entityRef={a.entityRef} title={a.name} />,
  },
  { title: 'Account id', cellStyle: NO_WRAP, field: 'id' },
  { title: 'State', field: 'state', render: a => formatState(a.state) },
  {
    title: 'Compliance',
    cellStyle: NO_WRAP,
    field: 'compliance.status',
    render: a => <ComplianceStatusLabel status={a.compliance.status} />,
  },
];

function OwnedAccounts(props: { owner: string }) {
  const api = useApi(awsOrganizationsApiRef);
  const { value, loading, error } = useSnapshotAsync(
    () => api.listAccounts({ owner: props.owner, limit: OWNED_LIMIT }),
    [api, props.owner],
  );
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <ApiErrorPanel error={error} subject="the accounts this team owns" />
    );
  }
  const page = value!;
  return (
    <Table<AccountSummary>
      title="Owned by this team"
      subtitle={
        page.totalCount > page.items.length
          ? `${page.items.length} of ${page.totalCount}`
          : undefined
      }
      options={pagedTableOptions(page.items.length, 10)}
      columns={ownedColumns}
      data={page.items}
      emptyContent={
        <Typography variant="body2" style={{ padding: 16 }}>
          This team owns no AWS account.
        </Typography>
      }
    />
  );
}

function ReachableAccounts(props: { namespace: string; name: string }) {
  const api = useApi(awsOrganizationsApiRef);
  const { value, loading, error } = useSnapshotAsync(
    () =>
      api.getPrincipalAccess({
        kind: 'group',
        namespace: props.namespace,
        name: props.name,
      }),
    [api, props.namespace, props.name],
  );
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <ApiErrorPanel error={error} subject="the accounts this team can reach" />
    );
  }
  return (
    <PrincipalGrantsTable
      title="Reachable by this team"
      access={value!}
      emptyText="This team holds no permission set in any AWS account."
    />
  );
}

/**
 * For a Group: the AWS accounts it owns and those it can reach through
 * Identity Center, with the permission sets.
 */
export function GroupAccountsCard() {
  const { entity } = useEntity();
  const namespace = entity.metadata.namespace ?? 'default';
  return (
    <InfoCard title="AWS accounts">
      <div data-testid="aws-group-owned">
        <OwnedAccounts owner={stringifyEntityRef(entity)} />
      </div>
      <Box mt={2} data-testid="aws-group-reachable">
        <ReachableAccounts namespace={namespace} name={entity.metadata.name} />
      </Box>
    </InfoCard>
  );
}
