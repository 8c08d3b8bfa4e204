import { Entity } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import {
  ACCOUNT_ID,
  accountDetail,
  accountEntity,
  syncStatus,
} from '../../__testUtils__/data';
import {
  mockAwsApi,
  renderWithApis,
  responseError,
} from '../../__testUtils__/testUtils';
import { AccountLookup } from './AccountLookup';

/** A catalog whose answer for the account can change during a test. */
function catalog(initial: Entity | undefined) {
  const state = { entity: initial };
  const api = {
    getEntityByRef: jest.fn(async (ref: string) =>
      ref === `resource:default/aws-account-${ACCOUNT_ID}`
        ? state.entity
        : undefined,
    ),
  };
  return { state, api };
}

async function render(
  api: ReturnType<typeof mockAwsApi>,
  catalogApi: { getEntityByRef: jest.Mock },
  accountId = ACCOUNT_ID,
) {
  return renderWithApis(
    <Routes>
      <Route
        path="/accounts/:accountId"
        element={<AccountLookup catalogPollMs={20} />}
      />
      <Route
        path="/catalog/:namespace/:kind/:name"
        element={<div data-testid="entity-page">entity page</div>}
      />
    </Routes>,
    {
      api,
      extraApis: [[catalogApiRef, catalogApi]],
      routeEntries: [`/accounts/${accountId}`],
    },
  );
}

const aws = (overrides: Parameters<typeof mockAwsApi>[0] = {}) =>
  mockAwsApi({
    getSyncStatus: jest.fn(async () => syncStatus),
    getAccount: jest.fn(async () => accountDetail),
    ...overrides,
  });

describe('AccountLookup', () => {
  it('opens the catalog page of an account the catalog has', async () => {
    const { api } = catalog(accountEntity);
    await render(aws(), api);
    expect(await screen.findByTestId('entity-page')).toBeInTheDocument();
    expect(api.getEntityByRef).toHaveBeenCalledWith(accountDetail.entityRef);
  });

  it('says an account is in the organization but not in the catalog yet, and opens its page once it is', async () => {
    const { state, api } = catalog(undefined);
    await render(aws(), api);
    const notice = await screen.findByTestId('aws-account-not-in-catalog');
    expect(notice).toHaveTextContent(
      'Account 123456789012 is not in the catalog yet',
    );
    expect(notice).toHaveTextContent(
      'payments-prod (123456789012) is in the AWS organization as last synced',
    );
    expect(notice).toHaveTextContent(
      'right after a sync lands and on the catalog module',
    );
    // What the organization says of it, and the sync status beside it.
    expect(
      screen.getByText('Path: Root / Workloads / Prod'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('aws-sync-status')).toBeInTheDocument();
    // The catalog catches up: the page opens the entity by itself.
    state.entity = accountEntity;
    expect(
      await screen.findByTestId('entity-page', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
  });

  it('says an account is not in the last snapshot and that the next sync reads it', async () => {
    const missing = await responseError(404, 'No account 999999999999');
    const { api } = catalog(undefined);
    await render(
      aws({ getAccount: jest.fn(() => Promise.reject(missing)) }),
      api,
      '999999999999',
    );
    const notice = await screen.findByTestId('aws-account-not-in-catalog');
    expect(notice).toHaveTextContent(
      'No account 999999999999 in the AWS organization as last synced',
    );
    expect(notice).toHaveTextContent('appears after the next sync');
    expect(api.getEntityByRef).toHaveBeenCalledWith(
      'resource:default/aws-account-999999999999',
    );
  });

  it('says the organization has not been synced yet', async () => {
    const noSnapshot = await responseError(503, 'No complete snapshot');
    const { api } = catalog(undefined);
    await render(
      aws({ getAccount: jest.fn(() => Promise.reject(noSnapshot)) }),
      api,
    );
    expect(
      await screen.findByTestId('aws-account-not-in-catalog'),
    ).toHaveTextContent('has not been synced yet');
  });

  it('refuses what is not an account id, asking nothing', async () => {
    const { api } = catalog(undefined);
    const mock = aws();
    await render(mock, api, 'abc');
    expect(await screen.findByTestId('aws-invalid-request')).toHaveTextContent(
      "'abc' is not an AWS account id",
    );
    expect(mock.getAccount).not.toHaveBeenCalled();
    expect(api.getEntityByRef).not.toHaveBeenCalled();
  });
});
