import {
  AccountDetail,
  awsEntityRefs,
  isValidAwsAccountId,
} from '@aws-governance/plugin-aws-organizations-common';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  Content,
  ContentHeader,
  InfoCard,
  Progress,
  WarningPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useEffect, useState } from 'react';
import { Navigate, useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import { ApiErrorPanel, errorStatus } from '../common/ApiErrorPanel';
import { ComplianceStatusLabel } from '../common/ComplianceStatusLabel';
import { formatDateTime, formatState } from '../common/format';
import { useSnapshotWatch } from '../common/useSnapshot';
import { SyncStatusCard } from '../SyncStatusCard/SyncStatusCard';

/** How often the page asks the catalog again while it lacks the account. */
const CATALOG_POLL_MS = 10_000;

/**
 * Whether the catalog holds the entity (once its ref is known), asked again
 * every `pollMs` until it does; `checks` counts the answers so far.
 */
function useCatalogEntity(entityRef: string | undefined, pollMs: number) {
  const catalogApi = useApi(catalogApiRef);
  const [state, setState] = useState<{
    found?: boolean;
    checks: number;
    error?: Error;
  }>({ checks: 0 });
  useEffect(() => {
    if (!entityRef) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = async () => {
      try {
        const entity = await catalogApi.getEntityByRef(entityRef);
        if (stopped) return;
        setState(s => ({ found: Boolean(entity), checks: s.checks + 1 }));
        if (entity) return;
      } catch (error) {
        if (stopped) return;
        setState(s => ({ ...s, error: error as Error, checks: s.checks + 1 }));
      }
      timer = setTimeout(check, pollMs);
    };
    check();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [catalogApi, entityRef, pollMs]);
  return state;
}

function AccountFacts(props: { account: AccountDetail }) {
  const { account } = props;
  return (
    <InfoCard title={account.name}>
      <Typography variant="body2">
        Account {account.id}, {formatState(account.state)}
      </Typography>
      <Typography variant="body2">
        Path: {account.path.map(p => p.name).join(' / ')}
      </Typography>
      <Typography variant="body2">
        Owner: {account.owner.ref ?? 'none'}
      </Typography>
      <Typography variant="body2" component="div">
        Compliance: <ComplianceStatusLabel status={account.compliance.status} />
      </Typography>
    </InfoCard>
  );
}

/**
 * What the organization says of an account the catalog lacks: in the last
 * snapshot but not in the catalog yet (the catalog module adds it on its
 * next refresh), not in the last snapshot (the next sync reads it), or no
 * snapshot yet.
 */
function NotInCatalog(props: {
  accountId: string;
  account?: AccountDetail;
  error?: Error;
  checks: number;
}) {
  const { status } = useSnapshotWatch();
  const read = status?.snapshotReadAt
    ? formatDateTime(status.snapshotReadAt)
    : undefined;
  let message;
  if (props.account) {
    message = (
      <>
        <Typography variant="body2" paragraph>
          {props.account.name} ({props.accountId}) is in the AWS organization as
          last synced{read ? ` (read ${read})` : ''}, but the catalog has no
          entity for it yet. The catalog adds the accounts of each new snapshot
          when it next refreshes the AWS entities: right after a sync lands and
          on the catalog module&apos;s schedule; a large organization takes a
          few minutes to process.
        </Typography>
        <Typography variant="body2">
          This page opens the account&apos;s catalog page by itself when it is
          there (checked {props.checks === 1 ? 'once' : `${props.checks} times`}{' '}
          so far).
        </Typography>
      </>
    );
  } else if (errorStatus(props.error) === 404) {
    message = (
      <Typography variant="body2">
        No account {props.accountId} in the AWS organization as last synced
        {read ? ` (read ${read})` : ''}. An account that joined since appears
        after the next sync, in the org explorer first and in the catalog when
        it next refreshes.
      </Typography>
    );
  } else if (errorStatus(props.error) === 503) {
    message = (
      <Typography variant="body2">
        The AWS organization has not been synced yet: account {props.accountId}{' '}
        appears here, then in the catalog, after the first sync.
      </Typography>
    );
  } else {
    message = (
      <ApiErrorPanel
        error={props.error!}
        subject={`account ${props.accountId}`}
      />
    );
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <div data-testid="aws-account-not-in-catalog">
          <WarningPanel
            severity="info"
            title={`Account ${props.accountId} is not in the catalog yet`}
            defaultExpanded
          >
            {message}
          </WarningPanel>
        </div>
      </Grid>
      {props.account && (
        <Grid item xs={12} md={6}>
          <AccountFacts account={props.account} />
        </Grid>
      )}
      <Grid item xs={12} md={6}>
        <SyncStatusCard />
      </Grid>
    </Grid>
  );
}

/**
 * The account as the backend knows it (again after each new snapshot) and
 * whether the catalog has its entity, asked every `pollMs` until it does.
 */
export function useAccountLookup(accountId: string, pollMs = CATALOG_POLL_MS) {
  const api = useApi(awsOrganizationsApiRef);
  const valid = isValidAwsAccountId(accountId);
  const { generation } = useSnapshotWatch();
  const account = useAsync(
    async () => (valid ? api.getAccount(accountId) : undefined),
    [api, accountId, valid, generation],
  );
  // The backend names the entity (its catalog namespace); an account it
  // lacks is looked for under the default one.
  const settled = valid && (account.value !== undefined || !!account.error);
  const entityRef = settled
    ? account.value?.entityRef ?? awsEntityRefs().account(accountId)
    : undefined;
  const catalog = useCatalogEntity(entityRef, pollMs);
  return { valid, account, entityRef, catalog };
}

/**
 * Why the catalog has no entity for the account yet and when to expect it,
 * with what the organization says of the account and the sync status;
 * a progress bar until the first catalog answer.
 */
export function AccountNotInCatalog(props: {
  accountId: string;
  lookup: ReturnType<typeof useAccountLookup>;
}) {
  const { account, catalog } = props.lookup;
  if (catalog.checks === 0) return <Progress />;
  return (
    <NotInCatalog
      accountId={props.accountId}
      account={account.value}
      error={account.error}
      checks={catalog.checks}
    />
  );
}

/**
 * `/aws-organizations/accounts/:accountId`: opens the account's catalog
 * page when the catalog has it; until then, what the organization says of
 * the account and when to expect it in the catalog.
 */
export function AccountLookup(props: { catalogPollMs?: number }) {
  const { accountId = '' } = useParams();
  const entityRoute = useRouteRef(entityRouteRef);
  const lookup = useAccountLookup(accountId, props.catalogPollMs);
  const { valid, entityRef, catalog } = lookup;

  if (!valid) {
    return (
      <Content>
        <div data-testid="aws-invalid-request">
          <WarningPanel
            severity="warning"
            title={`'${accountId.slice(
              0,
              40,
            )}' is not an AWS account id: an account id is 12 digits`}
          />
        </div>
      </Content>
    );
  }
  if (catalog.found && entityRef) {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    return <Navigate replace to={entityRoute({ kind, namespace, name })} />;
  }
  return (
    <Content>
      <ContentHeader title={`AWS account ${accountId}`} />
      <AccountNotInCatalog accountId={accountId} lookup={lookup} />
    </Content>
  );
}
