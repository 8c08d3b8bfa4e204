import {
  AccountRoleReach as AccountRoleReachAnswer,
  RoleReachEntry,
} from '@aws-governance/plugin-aws-organizations-common';
import { useState } from 'react';
import {
  Progress,
  Table,
  TableColumn,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { PrincipalLink } from '../common/PrincipalLink';
import { withRowIds } from '../common/rowIds';
import { NO_WRAP } from '../common/cellStyles';
import { pluralize } from '../common/format';
import { REACH_PAGE, usePagedReach } from './usePagedReach';
import { usePagedRoles } from './usePagedRoles';
import { AccountRolesTables } from './AccountRolesTables';
import {
  DecisionChip,
  pathKey,
  pathSummary,
  ReachPathDetails,
} from './ReachPath';
import { pagedTableOptions } from '../common/tableOptions';

function Holders(props: { entry: RoleReachEntry }) {
  return (
    <>
      {props.entry.holders.map((h, i) => (
        <span key={`${h.principal.type}:${h.principal.id}`}>
          {i > 0 && ', '}
          <PrincipalLink principal={h.principal} />
          {h.principal.type === 'GROUP' ? ' (group)' : ''}
        </span>
      ))}
    </>
  );
}

function Incomplete(props: { count: number }) {
  if (props.count === 0) return null;
  return (
    <WarningPanel
      severity="warning"
      title={`The roles of ${props.count} other account${
        props.count === 1 ? ' are' : 's are'
      } unknown`}
      message="Roles there may lead here too: the ways in shown may be incomplete."
    />
  );
}

function ReachTable(props: { reach: AccountRoleReachAnswer }) {
  const { reach } = props;
  const columns: TableColumn<RoleReachEntry>[] = [
    {
      title: reach.restricted ? 'Groups' : 'Who',
      render: e => <Holders entry={e} />,
    },
    {
      title: 'Path',
      render: e => pathSummary(e.path, reach.accountNames),
    },
    {
      title: 'Decision',
      cellStyle: NO_WRAP,
      render: e => <DecisionChip decision={e.path.decision} />,
    },
  ];
  return (
    <Table<RoleReachEntry>
      title={
        reach.restricted
          ? 'Groups that reach this account through roles'
          : 'Who reaches this account through roles'
      }
      subtitle={`${pluralize(reach.totalCount, 'way in', 'ways in')} (${
        reach.decisions.allowed
      } allowed, ${
        reach.decisions.indeterminate
      } indeterminate): Identity Center permission sets whose role may assume a role here, up to ${
        reach.maxDepth
      } role hops${
        reach.entries.length < reach.totalCount
          ? `; ${reach.entries.length} loaded`
          : ''
      }`}
      options={pagedTableOptions(reach.entries.length, 20, { search: false })}
      columns={columns}
      data={withRowIds(reach.entries, e => pathKey(e.path))}
      detailPanel={({ rowData }: { rowData: RoleReachEntry }) => (
        <Box p={2}>
          <ReachPathDetails
            path={rowData.path}
            accountNames={reach.accountNames}
          />
          {rowData.holders.some(h => h.members) && (
            <Typography variant="body2">
              Members:{' '}
              {rowData.holders
                .flatMap(h => h.members ?? [])
                .map(m => m.displayName ?? m.userName)
                .join(', ') || 'none'}
            </Typography>
          )}
        </Box>
      )}
    />
  );
}

/**
 * Where the ways in start, one level below the OU looked at: a large
 * answer is read by OU first, and an OU opened on demand.
 */
function Sources(props: {
  reach: AccountRoleReachAnswer;
  onOpen: (unitId: string | undefined) => void;
}) {
  const { reach, onOpen } = props;
  if (reach.totalCount === 0 && !reach.fromUnit) return null;
  return (
    <Box mt={1} mb={1} data-testid="aws-role-reach-sources">
      <Typography variant="subtitle2">
        Where the ways in start
        {reach.fromUnit ? ' (in the OU opened)' : ''}:
      </Typography>
      {reach.fromUnit && (
        <Chip
          size="small"
          label="All of the organization"
          onClick={() => onOpen(undefined)}
          variant="outlined"
        />
      )}{' '}
      {reach.sources.map(source => (
        <Chip
          key={source.id}
          size="small"
          label={`${source.name}: ${source.paths}`}
          onClick={source.kind === 'unit' ? () => onOpen(source.id) : undefined}
          clickable={source.kind === 'unit'}
          data-testid={`aws-role-reach-source-${source.id}`}
          style={{ marginRight: 4, marginBottom: 4 }}
        />
      ))}
      {reach.sourcesOmitted.count > 0 && (
        <Typography variant="caption">
          and {reach.sourcesOmitted.count} more (
          {pluralize(reach.sourcesOmitted.paths, 'way in', 'ways in')})
        </Typography>
      )}
    </Box>
  );
}

/**
 * The account's reach through IAM roles, beside its Identity Center
 * assignments: who reaches it through roles (each way with its path,
 * loaded a page at a time and counted by the OU it starts in), the roles
 * others can assume here and the roles here that reach elsewhere.
 */
export function AccountRoleReach(props: { accountId: string }) {
  const api = useApi(awsOrganizationsApiRef);
  const [fromUnit, setFromUnit] = useState<string>();
  const paged = usePagedReach<RoleReachEntry, AccountRoleReachAnswer>(
    offset =>
      api.getAccountRoleReach(props.accountId, {
        offset,
        limit: REACH_PAGE,
        fromUnit,
      }),
    [api, props.accountId, fromUnit],
  );
  const roles = usePagedRoles(props.accountId);
  const error = paged.error ?? roles.error;
  if (error) {
    return (
      <ApiErrorPanel
        error={error}
        subject="who reaches this account through roles"
      />
    );
  }
  if (!paged.answer || !roles.answer) return <Progress />;
  const reach = paged.answer;
  if (reach.status === 'not-configured') {
    return (
      <Box mt={2} data-testid="aws-role-reach-not-configured">
        <Typography variant="body2" color="textSecondary">
          Reach through IAM roles is not shown: no roles source is configured
          (awsOrganizations roles reader).
        </Typography>
      </Box>
    );
  }
  return (
    <Box mt={3} data-testid="aws-role-reach">
      {reach.status === 'unknown' && (
        <WarningPanel
          severity="warning"
          title="The roles of this account are unknown"
          message={`${
            reach.reason ?? ''
          }. No one can be said to reach it through roles, or not.`}
        />
      )}
      <Incomplete count={reach.incomplete.count} />
      {reach.status === 'known' && (
        <>
          <Sources reach={reach} onOpen={setFromUnit} />
          <ReachTable reach={reach} />
          {paged.moreError && (
            <ApiErrorPanel error={paged.moreError} subject="more ways in" />
          )}
          {paged.more && (
            <Button
              disabled={paged.loadingMore}
              onClick={paged.more}
              data-testid="aws-role-reach-more"
            >
              Load more ways in ({reach.entries.length} of {reach.totalCount})
            </Button>
          )}
        </>
      )}
      {roles.answer.status === 'known' && <AccountRolesTables roles={roles} />}
    </Box>
  );
}
