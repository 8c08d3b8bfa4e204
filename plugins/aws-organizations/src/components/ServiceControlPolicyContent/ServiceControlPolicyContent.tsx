import {
  ANNOTATION_AWS_POLICY_ID,
  AWS_ENTITY_NAME_PREFIX,
  OrgTreeNode,
  summarizeScp,
} from '@aws-governance/plugin-aws-organizations-common';
import { parseEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { useSnapshotAsync } from '../common/useSnapshot';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import { PolicyDocument } from '../AccountGuardrails/PolicyDocument';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { accountIdsBelow, findNode } from '../common/tree';

interface ScpSpec {
  awsManaged?: boolean;
  document?: unknown;
  documentParseError?: string;
  targets?: string[];
}

/**
 * The account ids an SCP affects: its account targets, and every account
 * below its OU and root targets.
 */
export function affectedAccountIds(
  targets: string[],
  tree: OrgTreeNode,
): Set<string> {
  const ids = new Set<string>();
  for (const target of targets) {
    const { name } = parseEntityRef(target, { defaultKind: 'resource' });
    if (name.startsWith(AWS_ENTITY_NAME_PREFIX.account)) {
      ids.add(name.slice(AWS_ENTITY_NAME_PREFIX.account.length));
      continue;
    }
    let unitId: string | undefined;
    if (name.startsWith(AWS_ENTITY_NAME_PREFIX.organizationRoot)) {
      unitId = `r-${name.slice(
        AWS_ENTITY_NAME_PREFIX.organizationRoot.length,
      )}`;
    } else if (name.startsWith(AWS_ENTITY_NAME_PREFIX.organizationalUnit)) {
      unitId = `ou-${name.slice(
        AWS_ENTITY_NAME_PREFIX.organizationalUnit.length,
      )}`;
    }
    const node = unitId ? findNode(tree, unitId) : undefined;
    if (node) {
      accountIdsBelow(node).forEach(id => ids.add(id));
    }
  }
  return ids;
}

function AffectedAccounts(props: { targets: string[] }) {
  const api = useApi(awsOrganizationsApiRef);
  const { value, loading, error } = useSnapshotAsync(
    () => api.getOrganizationTree(),
    [api],
  );
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ApiErrorPanel error={error} subject="the organization tree" />;
  }
  const count = affectedAccountIds(props.targets, value!).size;
  return (
    <Typography
      variant="h4"
      component="p"
      data-testid="aws-scp-affected-accounts"
    >
      {count} {count === 1 ? 'account' : 'accounts'}
    </Typography>
  );
}

/**
 * A service control policy entity: its document, plain-language summary,
 * targets and the number of accounts it affects.
 */
export function ServiceControlPolicyContent() {
  const { entity } = useEntity();
  const spec = (entity.spec ?? {}) as ScpSpec;
  const targets = spec.targets ?? [];
  const name = entity.metadata.title ?? entity.metadata.name;
  const summary = spec.documentParseError
    ? undefined
    : summarizeScp(
        typeof spec.document === 'string'
          ? spec.document
          : JSON.stringify(spec.document ?? {}),
      );
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={8}>
        <InfoCard
          title="What it does"
          subheader={entity.metadata.annotations?.[ANNOTATION_AWS_POLICY_ID]}
        >
          {spec.awsManaged && <Chip size="small" label="AWS managed" />}
          <div data-testid="aws-scp-summary">
            {summary?.ok ? (
              <ul>
                {summary.statements.map(statement => (
                  <li key={statement.statementIndex}>
                    <Typography variant="body2">
                      {statement.sid ? `${statement.sid}: ` : ''}
                      {statement.sentence}
                    </Typography>
                  </li>
                ))}
              </ul>
            ) : (
              <Typography variant="body2">
                {name} cannot be summarized
                {summary && !summary.ok ? `: ${summary.error}` : ''}.
              </Typography>
            )}
          </div>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={4}>
        <InfoCard title="Affected accounts">
          <AffectedAccounts targets={targets} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={8}>
        <InfoCard title="Policy document">
          <PolicyDocument
            content={spec.document ?? ''}
            parseError={spec.documentParseError}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={4}>
        <InfoCard title="Attached to">
          {targets.length === 0 ? (
            <Typography variant="body2">The policy is not attached.</Typography>
          ) : (
            <List dense data-testid="aws-scp-targets">
              {targets.map(target => (
                <ListItem key={target}>
                  <EntityRefLink entityRef={target} defaultKind="resource" />
                </ListItem>
              ))}
            </List>
          )}
        </InfoCard>
      </Grid>
    </Grid>
  );
}
