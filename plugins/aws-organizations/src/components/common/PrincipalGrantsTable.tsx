import { PrincipalAccess } from '@aws-governance/plugin-aws-organizations-common';
import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { formatState } from './format';
import { withRowIds } from './rowIds';
import { NO_WRAP } from './cellStyles';
import { pagedTableOptions } from './tableOptions';

type Grant = PrincipalAccess['grants'][number];

const columns: TableColumn<Grant>[] = [
  {
    title: 'Account',
    cellStyle: NO_WRAP,
    field: 'account.name',
    render: g => (
      <EntityRefLink entityRef={g.account.entityRef} title={g.account.name} />
    ),
  },
  { title: 'Account id', cellStyle: NO_WRAP, field: 'account.id' },
  {
    title: 'State',
    field: 'account.state',
    render: g => formatState(g.account.state),
  },
  {
    title: 'Permission set',
    cellStyle: NO_WRAP,
    field: 'permissionSet.name',
    render: g => (
      <>
        <EntityRefLink
          entityRef={g.permissionSet.entityRef}
          title={g.permissionSet.name}
        />{' '}
        {g.permissionSet.privileged && (
          <Chip size="small" color="secondary" label="Privileged" />
        )}
      </>
    ),
  },
  {
    title: 'Via',
    render: g =>
      g.via === 'direct' ? 'Direct' : `Group ${g.group?.name ?? ''}`.trim(),
  },
];

/** A principal's grants: account, permission set, privileged, via. */
export function PrincipalGrantsTable(props: {
  access: PrincipalAccess;
  title: string;
  emptyText: string;
}) {
  const { access } = props;
  return (
    <Table<Grant>
      title={props.title}
      options={pagedTableOptions(access.grants.length, 10, {
        search: access.grants.length > 10,
      })}
      columns={columns}
      data={withRowIds(
        access.grants,
        g =>
          `${g.account.id}:${g.permissionSet.arn}:${g.via}:${
            g.group?.id ?? ''
          }`,
      )}
      emptyContent={
        <Typography variant="body2" style={{ padding: 16 }}>
          {props.emptyText}
        </Typography>
      }
    />
  );
}
