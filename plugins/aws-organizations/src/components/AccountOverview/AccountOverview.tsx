import {
  AccountDetail,
  AWS_RELATIONS,
} from '@aws-governance/plugin-aws-organizations-common';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Link,
  Progress,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  EntityRefLink,
  useEntity,
  useRelatedEntities,
} from '@backstage/plugin-catalog-react';
import Breadcrumbs from '@material-ui/core/Breadcrumbs';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { useSnapshotAsync } from '../common/useSnapshot';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import { organizationNodeEntityRef } from '../../entities';
import { AccountIdGate } from '../common/AccountIdGate';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { ComplianceStatusLabel } from '../common/ComplianceStatusLabel';
import { formatDateTime, formatState } from '../common/format';

function OwnerValue(props: {
  owner: AccountDetail['owner'];
  /** The entity's `spec.owner`: the catalog's fallback when none resolved. */
  catalogOwner?: string;
}) {
  const { owner, catalogOwner } = props;
  if (!owner.ref) {
    // The header shows the catalog's owner: say the same, and why.
    return catalogOwner ? (
      <Typography
        variant="body2"
        component="span"
        data-testid="aws-owner-fallback"
      >
        <EntityRefLink entityRef={catalogOwner} defaultKind="group" /> (fallback
        owner: no owner tag on the account or its OUs)
      </Typography>
    ) : (
      <Typography variant="body2">No owner</Typography>
    );
  }
  return (
    <>
      <EntityRefLink entityRef={owner.ref} defaultKind="group" />
      {owner.source !== 'account-tag' && (
        <Typography variant="caption" color="textSecondary">
          {' '}
          ({owner.source === 'ou-tag' ? 'inherited from the OU' : owner.source})
        </Typography>
      )}
      {owner.stale && (
        <Typography
          variant="caption"
          color="textSecondary"
          display="block"
          data-testid="aws-owner-stale"
        >
          {owner.stale.since
            ? `Last known owner, as read ${formatDateTime(owner.stale.since)}`
            : 'Not confirmed'}
          : the tags could not be read ({owner.stale.reason})
        </Typography>
      )}
    </>
  );
}

function TagList(props: { tags: AccountDetail['tags'] }) {
  if (props.tags === null) {
    return <>Unknown (not readable)</>;
  }
  const tags = Object.entries(props.tags);
  if (tags.length === 0) {
    return <>None</>;
  }
  return (
    <div data-testid="aws-account-tags">
      {tags.map(([key, tagValue]) => (
        <Chip key={key} size="small" label={`${key}: ${tagValue}`} />
      ))}
    </div>
  );
}

function PathBreadcrumbs(props: { account: AccountDetail; namespace: string }) {
  const { account, namespace } = props;
  return (
    <Breadcrumbs aria-label="Organization path" data-testid="aws-account-path">
      {account.path.map(node => (
        <EntityRefLink
          key={node.id}
          entityRef={organizationNodeEntityRef(node.id, namespace)}
          title={node.name}
        />
      ))}
      <Typography color="textPrimary">{account.name}</Typography>
    </Breadcrumbs>
  );
}

function HostedServices() {
  const { entity } = useEntity();
  const { entities, loading, error } = useRelatedEntities(entity, {
    type: AWS_RELATIONS.hosts,
  });
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ApiErrorPanel error={error} subject="the services" />;
  }
  if (!entities?.length) {
    return (
      <Typography variant="body2" color="textSecondary">
        No catalog entity declares that it runs in this account.
      </Typography>
    );
  }
  return (
    <List dense data-testid="aws-hosted-services">
      {entities.map(service => (
        <ListItem key={stringifyEntityRef(service)}>
          <EntityRefLink entityRef={service} />
        </ListItem>
      ))}
    </List>
  );
}

function Overview(props: { accountId: string }) {
  const { entity } = useEntity();
  const api = useApi(awsOrganizationsApiRef);
  const { value, loading, error } = useSnapshotAsync(
    () => api.getAccount(props.accountId),
    [api, props.accountId],
  );
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ApiErrorPanel error={error} subject="this account" />;
  }
  const account = value!;
  const namespace = entity.metadata.namespace ?? 'default';
  const metadata = {
    'Account id': account.id,
    Path: <PathBreadcrumbs account={account} namespace={namespace} />,
    Owner: (
      <OwnerValue
        owner={account.owner}
        catalogOwner={
          typeof entity.spec?.owner === 'string' ? entity.spec.owner : undefined
        }
      />
    ),
    State: formatState(account.state),
    Email: account.email,
    Joined: `${formatDateTime(account.joinedTimestamp)} (${
      account.joinedMethod === 'CREATED' ? 'created' : 'invited'
    })`,
    Compliance: <ComplianceStatusLabel status={account.compliance.status} />,
    ...(account.isManagementAccount
      ? { Role: 'Management account of the organization' }
      : {}),
    Tags: <TagList tags={account.tags} />,
  };
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={8}>
        <InfoCard title="AWS account">
          <StructuredMetadataTable metadata={metadata} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={4}>
        <InfoCard title="Sign in">
          <List dense>
            {account.accessPortalUrl && (
              <ListItem>
                <Link to={account.accessPortalUrl}>
                  Sign in through the AWS access portal
                </Link>
              </ListItem>
            )}
            <ListItem>
              <Link to={account.consoleUrl}>Open the AWS console</Link>
            </ListItem>
          </List>
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Services running in this account">
          <HostedServices />
        </InfoCard>
      </Grid>
    </Grid>
  );
}

/**
 * The overview of an AWS account entity: path, owner, state, tags, hosted
 * services and sign-in links.
 */
export function AccountOverview() {
  return (
    <AccountIdGate>
      {accountId => <Overview accountId={accountId} />}
    </AccountIdGate>
  );
}
