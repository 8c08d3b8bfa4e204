import {
  TrustMap as TrustMapAnswer,
  TrustMapEdge,
  TrustMapNode,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  InfoCard,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { pluralize } from '../common/format';
import { NO_WRAP } from '../common/cellStyles';
import { withRowIds } from '../common/rowIds';
import { useSnapshotAsync } from '../common/useSnapshot';
import { pagedTableOptions } from '../common/tableOptions';

function NodeLabel(props: {
  node: TrustMapNode | undefined;
  id: string;
  onExpand: (id: string) => void;
}) {
  const { node, id } = props;
  if (!node) return <>{id}</>;
  return (
    <Box display="flex" alignItems="center" style={{ gap: 4 }}>
      {node.external ? (
        <Chip
          size="small"
          color="secondary"
          label={node.name}
          data-testid="aws-trust-map-external"
        />
      ) : (
        <Typography variant="body2" component="span">
          {node.name}
          {node.kind === 'unit' && ` (${pluralize(node.accounts, 'account')})`}
        </Typography>
      )}
      {node.expandable && (
        <Button
          size="small"
          onClick={() => props.onExpand(node.id)}
          aria-label={`Expand ${node.name}`}
        >
          Expand
        </Button>
      )}
    </Box>
  );
}

function conditions(e: TrustMapEdge): string {
  const parts = [
    e.externalIdRequired > 0 && `${e.externalIdRequired} with external id`,
    e.mfaRequired > 0 && `${e.mfaRequired} with MFA`,
    e.organizationRestricted > 0 &&
      `${e.organizationRestricted} limited to the organization`,
  ].filter(Boolean);
  return parts.length > 0
    ? `${e.trustEdges} statements: ${parts.join(', ')}`
    : `${e.trustEdges} statements, no such condition`;
}

/**
 * The organization's trust map: which OUs and accounts have roles that
 * principals of which others may assume (accounts outside the
 * organization and anyone highlighted), aggregated by OU; expand an OU to
 * see its children, collapse to go back.
 */
export function TrustMap() {
  const api = useApi(awsOrganizationsApiRef);
  const [expanded, setExpanded] = useState<string[]>([]);
  const { value, loading, error } = useSnapshotAsync(
    () => api.getTrustMap({ expand: expanded }),
    [api, expanded.join(',')],
  );
  const expand = (id: string) =>
    setExpanded(current => (current.includes(id) ? current : [...current, id]));
  const collapse = (id: string) =>
    setExpanded(current => current.filter(e => e !== id));
  let body;
  if (loading && !value) body = <Progress />;
  else if (error) {
    body = <ApiErrorPanel error={error} subject="the trust map" />;
  } else {
    const map: TrustMapAnswer = value!;
    if (map.status === 'not-configured') {
      body = (
        <Typography variant="body2" color="textSecondary">
          No roles source is configured: the trust between accounts is not
          known.
        </Typography>
      );
    } else {
      const nodes = new Map(map.nodes.map(n => [n.id, n]));
      const columns: TableColumn<TrustMapEdge>[] = [
        {
          title: 'Principals of',
          render: e => (
            <NodeLabel node={nodes.get(e.from)} id={e.from} onExpand={expand} />
          ),
        },
        {
          title: 'May assume roles in',
          render: e => (
            <NodeLabel node={nodes.get(e.to)} id={e.to} onExpand={expand} />
          ),
        },
        { title: 'Roles', field: 'roles', type: 'numeric', cellStyle: NO_WRAP },
        { title: 'Conditions', render: conditions },
      ];
      body = (
        <>
          {expanded.length > 0 && (
            <Box mb={1} data-testid="aws-trust-map-expanded">
              <Typography variant="body2" component="span">
                Expanded:{' '}
              </Typography>
              {expanded.map(id => (
                <Chip
                  key={id}
                  size="small"
                  label={id === 'external' ? 'Outside the organization' : id}
                  onDelete={() => collapse(id)}
                />
              ))}
            </Box>
          )}
          {map.unknownAccounts > 0 && (
            <Typography variant="body2" color="error" paragraph>
              The roles of {pluralize(map.unknownAccounts, 'account')} are
              unknown: trust into them is not on the map.
            </Typography>
          )}
          <Table<TrustMapEdge>
            options={pagedTableOptions(map.edges.length, 25, {
              search: false,
              toolbar: false,
            })}
            columns={columns}
            data={withRowIds(map.edges, e => `${e.from}>${e.to}`)}
            emptyContent={
              <Box p={2}>
                <Typography variant="body2">
                  No role trusts a principal of another account.
                </Typography>
              </Box>
            }
          />
        </>
      );
    }
  }
  return (
    <InfoCard
      title="Trust map"
      subheader="Which OUs and accounts may assume roles in which, from the trust policies; outside principals highlighted"
    >
      <div data-testid="aws-trust-map">{body}</div>
    </InfoCard>
  );
}
