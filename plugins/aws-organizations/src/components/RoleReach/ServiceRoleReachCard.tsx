import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { PrincipalLink } from '../common/PrincipalLink';
import { pluralize } from '../common/format';
import { useSnapshotAsync } from '../common/useSnapshot';
import { workloadAccountIds } from '../ServiceAccountsCard/ServiceAccountsCard';
import { DecisionChip, pathKey, pathSummary } from './ReachPath';

/** Ways in shown per account on the card; the Access tab has them all. */
const SHOWN = 10;

function AccountReach(props: { accountId: string }) {
  const api = useApi(awsOrganizationsApiRef);
  const { value, loading, error } = useSnapshotAsync(
    () => api.getAccountRoleReach(props.accountId, { limit: SHOWN }),
    [api, props.accountId],
  );
  if (loading) return <Progress />;
  if (error) {
    return (
      <ApiErrorPanel error={error} subject={`account ${props.accountId}`} />
    );
  }
  const reach = value!;
  const name = reach.accountNames[reach.accountId] ?? reach.accountId;
  let body;
  if (reach.status === 'not-configured') {
    body = 'No roles source is configured.';
  } else if (reach.status === 'unknown') {
    body = `The roles of this account are unknown: ${reach.reason ?? ''}`;
  } else if (reach.entries.length === 0) {
    body = reach.restricted
      ? 'No group reaches this account through roles.'
      : 'No one reaches this account through roles.';
  }
  return (
    <Box py={1} data-testid={`aws-service-role-reach-${reach.accountId}`}>
      <Typography variant="subtitle2">{name}</Typography>
      {body ? (
        <Typography variant="body2" color="textSecondary">
          {body}
        </Typography>
      ) : (
        reach.entries.map(e => (
          <Box key={pathKey(e.path)} mb={0.5}>
            {/* A div: the decision chip is one (no <div> inside a <p>). */}
            <Typography variant="body2" component="div">
              {e.holders.map((h, i) => (
                <span key={h.principal.id}>
                  {i > 0 && ', '}
                  <PrincipalLink principal={h.principal} />
                </span>
              ))}
              {' — '}
              {pathSummary(e.path, reach.accountNames)}{' '}
              <DecisionChip decision={e.path.decision} />
            </Typography>
          </Box>
        ))
      )}
      {reach.totalCount > reach.entries.length && (
        <Typography variant="caption" color="textSecondary">
          {pluralize(
            reach.totalCount - reach.entries.length,
            'more way in',
            'more ways in',
          )}
          : see the account's Access tab.
        </Typography>
      )}
    </Box>
  );
}

/**
 * Card for a service: who can reach the AWS accounts it runs in through
 * IAM roles, each with its path (team level without
 * aws-organizations.access.read).
 */
export function ServiceRoleReachCard() {
  const { entity } = useEntity();
  const ids = workloadAccountIds(entity);
  return (
    <InfoCard title="Who reaches its AWS accounts through roles">
      {ids.length === 0 ? (
        <Typography variant="body2">
          This entity names no AWS account it runs in.
        </Typography>
      ) : (
        ids.map(id => <AccountReach key={id} accountId={id} />)
      )}
    </InfoCard>
  );
}
