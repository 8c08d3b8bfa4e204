import {
  AsyncEntityProvider,
  catalogApiRef,
} from '@backstage/plugin-catalog-react';
import { screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import {
  ACCOUNT_ID,
  accountDetail,
  accountEntity,
  syncStatus,
} from '../../__testUtils__/data';
import { mockAwsApi, renderWithApis } from '../../__testUtils__/testUtils';
import { AccountEntityNotFound } from './AccountEntityNotFound';

async function render(path: string, catalog: { entity?: unknown }) {
  const refresh = jest.fn();
  const catalogApi = {
    getEntityByRef: jest.fn(async () => catalog.entity),
  };
  const api = mockAwsApi({
    getSyncStatus: jest.fn(async () => syncStatus),
    getAccount: jest.fn(async () => accountDetail),
  });
  await renderWithApis(
    <Routes>
      <Route
        path="/catalog/:namespace/:kind/:name"
        element={
          <AsyncEntityProvider loading={false} refresh={refresh}>
            <AccountEntityNotFound catalogPollMs={20} />
          </AsyncEntityProvider>
        }
      />
    </Routes>,
    {
      api,
      extraApis: [[catalogApiRef, catalogApi]],
      routeEntries: [path],
    },
  );
  return { refresh, api, catalogApi };
}

describe('AccountEntityNotFound', () => {
  it("on an account's entity page, says the catalog lacks it yet and reloads the entity once it has it", async () => {
    const catalog: { entity?: unknown } = {};
    const { refresh } = await render(
      `/catalog/default/resource/aws-account-${ACCOUNT_ID}`,
      catalog,
    );
    expect(
      await screen.findByTestId('aws-account-not-in-catalog'),
    ).toHaveTextContent('is in the AWS organization as last synced');
    expect(refresh).not.toHaveBeenCalled();
    catalog.entity = accountEntity;
    await waitFor(() => expect(refresh).toHaveBeenCalled(), {
      timeout: 10_000,
    });
  });

  it("says the catalog's usual words for any other entity, asking nothing", async () => {
    const { api, catalogApi } = await render(
      '/catalog/default/component/payments-api',
      {},
    );
    expect(
      await screen.findByText(
        'There is no component with the requested kind, namespace, and name.',
      ),
    ).toBeInTheDocument();
    expect(api.getAccount).not.toHaveBeenCalled();
    expect(catalogApi.getEntityByRef).not.toHaveBeenCalled();
  });
});
