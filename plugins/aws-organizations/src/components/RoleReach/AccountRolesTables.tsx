import {
  AssumableRoleView,
  OutboundRoleView,
} from '@aws-governance/plugin-aws-organizations-common';
import { Table, TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { NO_WRAP } from '../common/cellStyles';
import { withRowIds } from '../common/rowIds';
import { pagedTableOptions } from '../common/tableOptions';
import { DecisionChip, roleName } from './ReachPath';
import { usePagedRoles } from './usePagedRoles';

function TrustChips(props: { role: AssumableRoleView }) {
  const { role } = props;
  if (role.unreadable) {
    return (
      <Typography variant="body2" color="error">
        Trust policy cannot be read: {role.unreadable}
      </Typography>
    );
  }
  return (
    <>
      {role.trusted.map(t => {
        const flags = [
          t.externalIdRequired && 'external id',
          t.mfaRequired && 'MFA',
          t.organizationRestricted && 'organization',
        ].filter(Boolean);
        return (
          <Box key={`${t.statementIndex}:${t.label}`} mb={0.5}>
            <Chip
              size="small"
              label={t.label}
              color={t.external ? 'secondary' : 'default'}
              data-testid={t.external ? 'aws-trust-external' : undefined}
            />{' '}
            <Typography variant="caption">
              {flags.length > 0
                ? `requires ${flags.join(', ')}`
                : 'no condition on external id, MFA or organization'}
            </Typography>
          </Box>
        );
      })}
    </>
  );
}

function MoreButton(props: {
  onClick?: () => void;
  disabled: boolean;
  testId: string;
  children: string;
}) {
  if (!props.onClick) return null;
  return (
    <Button
      size="small"
      disabled={props.disabled}
      onClick={props.onClick}
      data-testid={props.testId}
    >
      {props.children}
    </Button>
  );
}

/**
 * The roles here others can assume and the roles here that reach other
 * accounts, each list loaded a page at a time, and each outbound role's
 * hops beyond the first ones on demand.
 */
export function AccountRolesTables(props: {
  roles: ReturnType<typeof usePagedRoles>;
}) {
  const { answer, loadingMore } = props.roles;
  if (!answer) return null;
  const names = answer.accountNames;
  const assumableColumns: TableColumn<AssumableRoleView>[] = [
    { title: 'Role', field: 'roleName', cellStyle: NO_WRAP },
    { title: 'Trusted', render: r => <TrustChips role={r} /> },
    { title: 'Ways in', field: 'reachPaths', type: 'numeric' },
  ];
  const outboundColumns: TableColumn<OutboundRoleView>[] = [
    { title: 'Role', field: 'roleName', cellStyle: NO_WRAP },
    {
      title: 'May assume',
      render: r => (
        <>
          {r.hops.map(h => (
            <Box key={h.toRoleArn} mb={0.5}>
              {roleName(h.toRoleArn)} in {names[h.toAccountId] ?? h.toAccountId}{' '}
              <DecisionChip decision={h.decision} />
            </Box>
          ))}
          <MoreButton
            onClick={
              r.hops.length < r.hopCount
                ? () => props.roles.moreHops(r)
                : undefined
            }
            disabled={loadingMore}
            testId={`aws-role-hops-more-${r.roleName}`}
          >
            {`Show more (${r.hops.length} of ${r.hopCount} roles it may assume)`}
          </MoreButton>
        </>
      ),
    },
  ];
  return (
    <>
      {props.roles.moreError && (
        <ApiErrorPanel error={props.roles.moreError} subject="more roles" />
      )}
      <Box mt={2}>
        <Table<AssumableRoleView>
          title="Roles here others can assume"
          subtitle={`${
            answer.assumableCount
          } roles: trust policies naming other accounts, anyone or identity providers; outside principals highlighted${
            answer.assumable.length < answer.assumableCount
              ? `; ${answer.assumable.length} loaded`
              : ''
          }`}
          options={pagedTableOptions(answer.assumable.length, 20, {
            search: false,
          })}
          columns={assumableColumns}
          data={withRowIds(answer.assumable, r => r.roleArn)}
        />
        <MoreButton
          onClick={props.roles.moreAssumable}
          disabled={loadingMore}
          testId="aws-roles-assumable-more"
        >
          {`Load more roles (${answer.assumable.length} of ${answer.assumableCount})`}
        </MoreButton>
      </Box>
      <Box mt={2}>
        <Table<OutboundRoleView>
          title="Roles here that reach other accounts"
          subtitle={`${answer.reachingElsewhereCount} roles${
            answer.reachingElsewhere.length < answer.reachingElsewhereCount
              ? `; ${answer.reachingElsewhere.length} loaded`
              : ''
          }`}
          options={pagedTableOptions(answer.reachingElsewhere.length, 20, {
            search: false,
          })}
          columns={outboundColumns}
          data={withRowIds(answer.reachingElsewhere, r => r.roleArn)}
        />
        <MoreButton
          onClick={props.roles.moreOutbound}
          disabled={loadingMore}
          testId="aws-roles-outbound-more"
        >
          {`Load more roles (${answer.reachingElsewhere.length} of ${answer.reachingElsewhereCount})`}
        </MoreButton>
      </Box>
    </>
  );
}
