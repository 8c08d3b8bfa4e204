import { ReactNode } from 'react';
import {
  AWS_ENTITY_NAME_PREFIX,
  AWS_RELATIONS,
  getAwsAccountIdAnnotation,
  isValidAwsAccountId,
} from '@aws-governance/plugin-aws-organizations-common';
import { Entity } from '@backstage/catalog-model';
import { InfoCard, Progress, WarningPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  EntityRefLink,
  getEntityRelations,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Divider from '@material-ui/core/Divider';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { useSnapshotAsync } from '../common/useSnapshot';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import { sortResults } from '../AccountCompliance/AccountCompliance';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import {
  ComplianceStatusLabel,
  SeverityChip,
} from '../common/ComplianceStatusLabel';
import { formatState } from '../common/format';

/**
 * The account ids an entity runs in: its `amazonaws.com/account-id`
 * annotation and its `runsIn` relations to account entities.
 */
export function workloadAccountIds(entity: Entity): string[] {
  const ids = new Set<string>();
  const annotated = getAwsAccountIdAnnotation(entity);
  if (annotated) {
    ids.add(annotated);
  }
  for (const ref of getEntityRelations(entity, AWS_RELATIONS.runsIn)) {
    const id = ref.name.slice(AWS_ENTITY_NAME_PREFIX.account.length);
    if (
      ref.name.startsWith(AWS_ENTITY_NAME_PREFIX.account) &&
      isValidAwsAccountId(id)
    ) {
      ids.add(id);
    }
  }
  return [...ids].sort();
}

function AccountCompliance(props: { accountId: string }) {
  const api = useApi(awsOrganizationsApiRef);
  const { value, loading, error } = useSnapshotAsync(async () => {
    const [account, compliance] = await Promise.all([
      api.getAccount(props.accountId),
      api.getAccountCompliance(props.accountId),
    ]);
    return { account, compliance };
  }, [api, props.accountId]);
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <ApiErrorPanel error={error} subject={`account ${props.accountId}`} />
    );
  }
  const { account, compliance } = value!;
  const failing = sortResults(compliance.results).filter(
    r => r.status === 'fail' || r.status === 'warn',
  );
  return (
    <Box data-testid={`aws-workload-account-${account.id}`} py={1}>
      <Box display="flex" alignItems="center" justifyContent="space-between">
        <Box>
          <Typography variant="subtitle1">
            <EntityRefLink entityRef={account.entityRef} title={account.name} />
          </Typography>
          <Typography variant="caption" color="textSecondary">
            {account.id} · {formatState(account.state)} ·{' '}
            {account.path.map(p => p.name).join(' / ')}
          </Typography>
        </Box>
        <ComplianceStatusLabel status={compliance.summary.status} />
      </Box>
      {failing.length > 0 && (
        <List dense>
          {failing.map(r => (
            <ListItem key={r.rule.id}>
              <ListItemText primary={r.rule.title} secondary={r.message} />
              <SeverityChip severity={r.rule.severity} />
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
}

/**
 * The card shell of a service's AWS accounts: the accounts of its
 * `amazonaws.com/account-id` annotation, one `renderAccount` each, or why
 * there are none (an invalid id, no annotation).
 */
export function WorkloadAccountsCard(props: {
  title: string;
  renderAccount: (accountId: string) => ReactNode;
}) {
  const { entity } = useEntity();
  let ids: string[] = [];
  let problem: string | undefined;
  try {
    ids = workloadAccountIds(entity);
  } catch (e) {
    problem = (e as Error).message;
  }
  return (
    <InfoCard title={props.title}>
      {problem && (
        <WarningPanel
          defaultExpanded
          title="Invalid AWS account id"
          message={problem}
        />
      )}
      {!problem && ids.length === 0 && (
        <Typography variant="body2">
          This entity does not say which AWS account it runs in. Add the
          amazonaws.com/account-id annotation.
        </Typography>
      )}
      {ids.map((id, i) => (
        <Box key={id}>
          {i > 0 && <Divider />}
          {props.renderAccount(id)}
        </Box>
      ))}
    </InfoCard>
  );
}

/**
 * For a service (or any entity with `amazonaws.com/account-id`): the AWS
 * accounts it runs in, their compliance and failing rules.
 */
export function ServiceAccountsCard() {
  return (
    <WorkloadAccountsCard
      title="AWS accounts"
      renderAccount={id => <AccountCompliance accountId={id} />}
    />
  );
}
