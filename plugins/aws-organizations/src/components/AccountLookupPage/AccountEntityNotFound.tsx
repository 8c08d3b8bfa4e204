import { WarningPanel } from '@backstage/core-components';
import { useRouteRefParams } from '@backstage/core-plugin-api';
import {
  entityRouteRef,
  useAsyncEntity,
} from '@backstage/plugin-catalog-react';
import { useEffect } from 'react';
import { AccountNotInCatalog, useAccountLookup } from './AccountLookup';

/** The name the catalog module gives an account entity. */
const ACCOUNT_ENTITY_NAME = /^aws-account-(\d{12})$/;

function AccountEntityLookup(props: {
  accountId: string;
  catalogPollMs?: number;
}) {
  const { refresh } = useAsyncEntity();
  const lookup = useAccountLookup(props.accountId, props.catalogPollMs);
  const found = lookup.catalog.found;
  // The catalog has it now: the entity page loads it again and shows it.
  useEffect(() => {
    if (found) refresh?.();
  }, [found, refresh]);
  return <AccountNotInCatalog accountId={props.accountId} lookup={lookup} />;
}

/**
 * What an entity page shows for an entity the catalog lacks, for the legacy
 * `EntityLayout`'s `NotFoundComponent`: for an AWS account entity
 * (`resource`, `aws-account-<12 digits>`) that the catalog has not
 * ingested yet, why and when to expect it (and the page shows the entity by
 * itself once the catalog has it); for anything else the catalog's usual
 * message.
 */
export function AccountEntityNotFound(props: { catalogPollMs?: number } = {}) {
  const { kind, name } = useRouteRefParams(entityRouteRef);
  const match =
    kind.toLocaleLowerCase('en-US') === 'resource'
      ? ACCOUNT_ENTITY_NAME.exec(name)
      : null;
  if (!match) {
    return (
      <WarningPanel title="Entity not found">
        There is no {kind} with the requested kind, namespace, and name.
      </WarningPanel>
    );
  }
  return (
    <AccountEntityLookup
      accountId={match[1]}
      catalogPollMs={props.catalogPollMs}
    />
  );
}
