import {
  awsEntityRefs,
  FINDING_SEVERITIES,
  TeamAccountFindings,
  TeamFindingsResponse,
} from '@aws-governance/plugin-aws-organizations-common';
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
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { NO_WRAP } from '../common/cellStyles';
import { pluralize } from '../common/format';
import { withRowIds } from '../common/rowIds';
import { pagedTableOptions } from '../common/tableOptions';
import { useSnapshotAsync } from '../common/useSnapshot';
import { FindingsTable } from '../Findings/FindingsTable';
import { CountsOnlyPanel, NotReadSources } from '../Findings/FindingsPanels';
import {
  countAll,
  SeverityCountsBar,
  describeSeverityCounts,
} from '../Findings/SeverityCounts';

/** The catalog ref of an account entity (the catalog module's names). */
const accountRef = (accountId: string) => awsEntityRefs().account(accountId);

/** The findings the card reads across the team's accounts. */
const FINDINGS_LIMIT = 100;

/** The accounts with the most severe counts first; restricted counts last. */
function worstFirst(accounts: TeamAccountFindings[]) {
  const key = (a: TeamAccountFindings) =>
    FINDING_SEVERITIES.map(s => (a.total ? a.total[s] : -1));
  return [...accounts].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const i = ka.findIndex((v, j) => v !== kb[j]);
    return i >= 0 ? kb[i] - ka[i] : a.accountName.localeCompare(b.accountName);
  });
}

/**
 * The account columns; an account whose findings are not in the answer
 * is "counts only" (the viewer may not read them) unless the answer is
 * truncated, where it may also be beyond the accounts one page reads.
 */
function accountColumns(
  truncated: boolean,
): TableColumn<TeamAccountFindings>[] {
  return [
    {
      title: 'Account',
      field: 'accountName',
      cellStyle: NO_WRAP,
      render: a => (
        <EntityRefLink
          entityRef={accountRef(a.accountId)}
          title={a.accountName}
        />
      ),
    },
    {
      title: 'Active findings',
      render: a =>
        a.total ? (
          <Box display="flex" alignItems="center">
            <SeverityCountsBar counts={a.total} width={120} />
            <Box ml={1}>
              <Typography variant="caption">
                {countAll(a.total)}: {describeSeverityCounts(a.total)}
              </Typography>
            </Box>
          </Box>
        ) : (
          <Typography variant="caption" color="textSecondary">
            restricted
          </Typography>
        ),
    },
    {
      title: 'Findings',
      cellStyle: NO_WRAP,
      render: a =>
        a.findingsIncluded ? (
          'listed below'
        ) : (
          <Typography variant="caption" color="textSecondary">
            {truncated ? 'not listed' : 'counts only'}
          </Typography>
        ),
    },
  ];
}

function TeamFindings(props: { team: TeamFindingsResponse }) {
  const { team } = props;
  const names = new Map(team.accounts.map(a => [a.accountId, a.accountName]));
  const included = team.accounts.filter(a => a.findingsIncluded).length;
  if (team.accounts.length === 0) {
    return (
      <Typography variant="body2">This team owns no AWS account.</Typography>
    );
  }
  return (
    <>
      <Table<TeamAccountFindings>
        title="The team's accounts"
        options={pagedTableOptions(team.accounts.length, 10)}
        columns={accountColumns(team.truncated)}
        data={withRowIds(worstFirst(team.accounts), a => a.accountId)}
      />
      <Box mt={2}>
        <NotReadSources notConnected={team.notConnected} />
        {included === 0 ? (
          <CountsOnlyPanel subject="this team's accounts" />
        ) : (
          <FindingsTable
            title="Findings"
            subtitle={
              (team.truncated
                ? `The ${team.findings.length} most severe and newest, of the accounts with the most findings`
                : 'Most severe first') +
              (included < team.accounts.length
                ? `; of ${pluralize(
                    included,
                    'account',
                  )} whose findings you may see`
                : '')
            }
            findings={team.findings}
            accountLabel={id => (
              <EntityRefLink
                entityRef={accountRef(id)}
                title={names.get(id) ?? id}
              />
            )}
            emptyText="No active finding in the team's accounts."
          />
        )}
      </Box>
    </>
  );
}

/**
 * For a Group: the findings of AWS's detectors across the accounts the team
 * owns: each account's counts, and the findings of those the viewer may
 * see, each with a link to the AWS console.
 */
export function GroupFindingsCard() {
  const { entity } = useEntity();
  const api = useApi(awsOrganizationsApiRef);
  const namespace = entity.metadata.namespace ?? 'default';
  const name = entity.metadata.name;
  const { value, loading, error } = useSnapshotAsync(
    () => api.getTeamFindings({ namespace, name }, { limit: FINDINGS_LIMIT }),
    [api, namespace, name],
  );
  return (
    <InfoCard title="AWS security findings">
      <div data-testid="aws-group-findings">
        {loading && <Progress />}
        {error && (
          <ApiErrorPanel
            error={error}
            subject="the findings of this team's accounts"
          />
        )}
        {value && <TeamFindings team={value} />}
      </div>
    </InfoCard>
  );
}
