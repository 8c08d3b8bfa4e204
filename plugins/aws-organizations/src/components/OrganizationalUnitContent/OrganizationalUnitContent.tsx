import {
  ANNOTATION_AWS_ORGANIZATIONAL_UNIT_ID,
  awsEntityRefs,
  OrgTreeNode,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  InfoCard,
  Progress,
  Table,
  TableColumn,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useSnapshotAsync } from '../common/useSnapshot';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import { organizationNodeEntityRef } from '../../entities';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { ComplianceCountsBar } from '../common/ComplianceCountsBar';
import { ComplianceStatusLabel } from '../common/ComplianceStatusLabel';
import { formatState, pluralize } from '../common/format';
import { findNode } from '../common/tree';
import { NO_WRAP } from '../common/cellStyles';
import { pagedTableOptions } from '../common/tableOptions';

type AccountRow = NonNullable<OrgTreeNode['accounts']>[number];

function unitColumns(namespace: string): TableColumn<OrgTreeNode>[] {
  return [
    {
      title: 'Organizational unit',
      field: 'name',
      render: u => (
        <EntityRefLink
          entityRef={organizationNodeEntityRef(u.id, namespace)}
          title={u.name}
        />
      ),
    },
    { title: 'Accounts', field: 'accountCount', type: 'numeric' },
    {
      title: 'Non-compliant',
      cellStyle: NO_WRAP,
      field: 'compliance.fail',
      type: 'numeric',
    },
    {
      title: 'Compliance',
      cellStyle: NO_WRAP,
      render: u => <ComplianceCountsBar counts={u.compliance} />,
    },
  ];
}

function accountColumns(namespace: string): TableColumn<AccountRow>[] {
  return [
    {
      title: 'Account',
      cellStyle: NO_WRAP,
      field: 'name',
      render: a => (
        <EntityRefLink
          entityRef={awsEntityRefs(namespace).account(a.id)}
          title={a.name}
        />
      ),
    },
    { title: 'Account id', cellStyle: NO_WRAP, field: 'id' },
    { title: 'State', field: 'state', render: a => formatState(a.state) },
    {
      title: 'Compliance',
      cellStyle: NO_WRAP,
      field: 'status',
      render: a => <ComplianceStatusLabel status={a.status} />,
    },
  ];
}

/**
 * An OU (or the root) entity: its child OUs and accounts with their
 * compliance rollup, from the organization tree.
 */
export function OrganizationalUnitContent() {
  const { entity } = useEntity();
  const api = useApi(awsOrganizationsApiRef);
  const unitId =
    entity.metadata.annotations?.[ANNOTATION_AWS_ORGANIZATIONAL_UNIT_ID];
  const namespace = entity.metadata.namespace ?? 'default';
  const { value, loading, error } = useSnapshotAsync(
    async () => (unitId ? api.getOrganizationTree() : undefined),
    [api, unitId],
  );
  if (!unitId) {
    return (
      <WarningPanel
        defaultExpanded
        title="No organizational unit id"
        message={`The entity has no ${ANNOTATION_AWS_ORGANIZATIONAL_UNIT_ID} annotation.`}
      />
    );
  }
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ApiErrorPanel error={error} subject="the organization tree" />;
  }
  const node = findNode(value!, unitId);
  if (!node) {
    return (
      <WarningPanel
        defaultExpanded
        title="Not in the organization"
        message={`The last sync did not see ${unitId} in the organization.`}
      />
    );
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard title={node.name} subheader={node.id}>
          <div data-testid="aws-ou-rollup">
            <Typography variant="body1">
              {pluralize(node.accountCount, 'account')} in this unit and below:{' '}
              {node.compliance.pass} compliant, {node.compliance.fail}{' '}
              non-compliant, {node.compliance.warn} with warnings,{' '}
              {node.compliance.unknown} unknown.
            </Typography>
            <ComplianceCountsBar counts={node.compliance} width="100%" />
          </div>
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <Table<OrgTreeNode>
          title="Child organizational units"
          options={pagedTableOptions(node.children.length, 20)}
          columns={unitColumns(namespace)}
          data={node.children}
          emptyContent={
            <Typography variant="body2" style={{ padding: 16 }}>
              No child organizational units.
            </Typography>
          }
        />
      </Grid>
      <Grid item xs={12}>
        <Table<AccountRow>
          title="Accounts directly in this unit"
          options={pagedTableOptions((node.accounts ?? []).length, 20)}
          columns={accountColumns(namespace)}
          data={node.accounts ?? []}
          emptyContent={
            <Typography variant="body2" style={{ padding: 16 }}>
              No accounts directly in this unit.
            </Typography>
          }
        />
      </Grid>
    </Grid>
  );
}
