import {
  AccountFindingCountsResponse,
  AccountFindingsResponse,
  awsEntityRefs,
  SecurityFinding,
} from '@aws-governance/plugin-aws-organizations-common';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import { ApiErrorPanel, errorStatus } from '../common/ApiErrorPanel';
import { useSnapshotAsync } from '../common/useSnapshot';
import { FindingsTable } from '../Findings/FindingsTable';
import { CountsOnlyPanel, NotReadSources } from '../Findings/FindingsPanels';
import {
  countAll,
  describeSeverityCounts,
  SeverityCountsBar,
} from '../Findings/SeverityCounts';
import { notConnectedReason, SOURCE_LABELS } from '../Findings/sources';
import { WorkloadAccountsCard } from '../ServiceAccountsCard/ServiceAccountsCard';

/** The resource tag naming the service a resource belongs to, by default. */
export const DEFAULT_SERVICE_TAG_KEY = 'service';

/** The account's findings the card filters by tag (the route's maximum). */
const FINDINGS_LIMIT = 500;

/** The findings on resources whose tag `tagKey` names the service. */
export function findingsOfService(
  findings: SecurityFinding[],
  tagKey: string,
  service: string,
): SecurityFinding[] {
  const wanted = service.toLocaleLowerCase('en-US');
  return findings.filter(
    f => f.resourceTags?.[tagKey]?.toLocaleLowerCase('en-US') === wanted,
  );
}

/** An account's counts, and its findings when the viewer may read them. */
interface Loaded {
  counts: AccountFindingCountsResponse;
  findings?: AccountFindingsResponse;
}

function AccountFindings(props: {
  accountId: string;
  tagKey: string;
  service: string;
}) {
  const { accountId, tagKey, service } = props;
  const api = useApi(awsOrganizationsApiRef);
  const { value, loading, error } =
    useSnapshotAsync(async (): Promise<Loaded> => {
      const counts = await api.getAccountFindingCounts(accountId);
      if (!counts.configured || !counts.mayReadFindings) return { counts };
      try {
        const findings = await api.getAccountFindings(accountId, {
          limit: FINDINGS_LIMIT,
        });
        return { counts, findings };
      } catch (e) {
        // Counts yes, findings no (a policy changed since): counts only.
        if (errorStatus(e) === 403) return { counts };
        throw e;
      }
    }, [api, accountId]);
  if (loading) return <Progress />;
  if (error) {
    return (
      <ApiErrorPanel
        error={error}
        subject={`the findings of account ${accountId}`}
      />
    );
  }
  const { counts, findings } = value!;
  const notConnected = Object.entries(counts.sources)
    .map(([source, status]) => ({
      source,
      reason: notConnectedReason(status),
    }))
    .filter(s => s.reason);
  const tagged = findings
    ? findingsOfService(findings.findings, tagKey, service)
    : [];
  return (
    <Box py={1} data-testid={`aws-service-findings-${accountId}`}>
      <Typography variant="subtitle1">
        <EntityRefLink
          entityRef={awsEntityRefs().account(accountId)}
          title={counts.accountName}
        />
      </Typography>
      {!counts.configured ? (
        <Typography variant="body2" color="textSecondary">
          AWS's detectors are not connected (awsOrganizations.signals): the
          account's findings are unknown.
        </Typography>
      ) : (
        <>
          <Box display="flex" alignItems="center" my={1}>
            <SeverityCountsBar counts={counts.total} />
            <Box ml={1}>
              <Typography variant="body2">
                The account: {countAll(counts.total)} active (
                {describeSeverityCounts(counts.total)})
              </Typography>
            </Box>
          </Box>
          {notConnected.map(s => (
            <Typography
              key={s.source}
              variant="caption"
              color="textSecondary"
              component="div"
              data-testid="aws-source-not-connected"
            >
              {SOURCE_LABELS[s.source as keyof typeof SOURCE_LABELS]}:{' '}
              {s.reason}
            </Typography>
          ))}
          {findings ? (
            <Box mt={1}>
              <NotReadSources notConnected={findings.notConnected} />
              <FindingsTable
                title={`On resources tagged ${tagKey}=${service}`}
                subtitle={
                  findings.truncated
                    ? `Among the account's ${findings.findings.length} newest findings`
                    : undefined
                }
                findings={tagged}
                pageSize={5}
                emptyText={`No active finding on a resource tagged ${tagKey}=${service}.`}
              />
            </Box>
          ) : (
            <CountsOnlyPanel />
          )}
        </>
      )}
    </Box>
  );
}

/**
 * For a service (or any entity with `amazonaws.com/account-id`): the
 * finding counts of the AWS accounts it runs in, and the findings on
 * resources whose tag `tagKey` (default `service`) names the entity, for
 * those who may read them.
 */
export function ServiceFindingsCard(props: { tagKey?: string }) {
  const { entity } = useEntity();
  const tagKey = props.tagKey || DEFAULT_SERVICE_TAG_KEY;
  return (
    <WorkloadAccountsCard
      title="AWS security findings"
      renderAccount={id => (
        <AccountFindings
          accountId={id}
          tagKey={tagKey}
          service={entity.metadata.name}
        />
      )}
    />
  );
}
