import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';
import {
  accountDetail,
  accountEntity,
  serviceEntity,
} from '../../__testUtils__/data';
import {
  mockAwsApi,
  pending,
  renderWithApis,
  responseError,
} from '../../__testUtils__/testUtils';
import { AccountOverview } from './AccountOverview';

const catalogApi = catalogApiMock({ entities: [serviceEntity] });

function render(api = mockAwsApi(), entity = accountEntity) {
  return renderWithApis(<AccountOverview />, {
    api,
    entity,
    extraApis: [[catalogApiRef, catalogApi]],
  });
}

describe('AccountOverview', () => {
  it('shows path, owner, state, tags, services and sign-in links', async () => {
    const api = mockAwsApi({ getAccount: jest.fn(async () => accountDetail) });
    await render(api);
    expect(api.getAccount).toHaveBeenCalledWith('123456789012');
    const path = await screen.findByTestId('aws-account-path');
    expect(path).toHaveTextContent('Root');
    expect(path).toHaveTextContent('Workloads');
    expect(path).toHaveTextContent('Prod');
    expect(screen.getByText('Workloads').closest('a')).toHaveAttribute(
      'href',
      '/catalog/default/resource/aws-ou-ab12-work0001',
    );
    expect(screen.getByText('payments').closest('a')).toHaveAttribute(
      'href',
      '/catalog/default/group/payments',
    );
    expect(screen.getByText('Active')).toBeInTheDocument();
    expect(
      screen.getByText('aws+payments-prod@example.com'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('aws-account-tags')).toHaveTextContent(
      'cost-center: cc-42',
    );
    expect(
      screen.getByRole('link', { name: /AWS access portal/ }),
    ).toHaveAttribute('href', 'https://d-123.awsapps.com/start');
    expect(screen.getByRole('link', { name: /AWS console/ })).toHaveAttribute(
      'href',
      'https://123456789012.signin.aws.amazon.com/console',
    );
    expect(await screen.findByTestId('aws-hosted-services')).toHaveTextContent(
      'payments-api',
    );
  });

  it('says when the owner is the last known one because the tags could not be read', async () => {
    const api = mockAwsApi({
      getAccount: jest.fn(async () => ({
        ...accountDetail,
        owner: {
          ...accountDetail.owner,
          stale: {
            reason: 'ListTagsForResource failed: ServiceException',
            since: '2026-11-30T10:00:00.000Z',
          },
        },
      })),
    });
    await render(api);
    expect(await screen.findByTestId('aws-owner-stale')).toHaveTextContent(
      /Last known owner, as read .*2026.*ListTagsForResource failed: ServiceException/,
    );
    expect(screen.getByText('payments').closest('a')).toHaveAttribute(
      'href',
      '/catalog/default/group/payments',
    );
  });

  it("names the catalog's fallback owner, as the header does, when no tag names one", async () => {
    const api = mockAwsApi({
      getAccount: jest.fn(async () => ({
        ...accountDetail,
        owner: { source: 'none' as const, resolvable: false },
      })),
    });
    await render(api, {
      ...accountEntity,
      spec: { ...accountEntity.spec, owner: 'group:default/platform' },
    });
    expect(await screen.findByTestId('aws-owner-fallback')).toHaveTextContent(
      'platform (fallback owner: no owner tag on the account or its OUs)',
    );
    expect(screen.queryByText('No owner')).toBeNull();
  });

  it('shows progress while loading', async () => {
    await render(mockAwsApi({ getAccount: jest.fn(() => pending()) }));
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('says when no service runs in the account', async () => {
    const api = mockAwsApi({ getAccount: jest.fn(async () => accountDetail) });
    await render(api, { ...accountEntity, relations: [] });
    expect(
      await screen.findByText(/No catalog entity declares/),
    ).toBeInTheDocument();
  });

  it('shows a not-found panel for an account the backend does not know', async () => {
    const error = await responseError(404, 'Unknown account');
    await render(
      mockAwsApi({ getAccount: jest.fn(async () => Promise.reject(error)) }),
    );
    expect(await screen.findByTestId('aws-not-found')).toHaveTextContent(
      'Unknown account',
    );
  });

  it('shows the backend error otherwise', async () => {
    const error = await responseError(500, 'database down');
    await render(
      mockAwsApi({ getAccount: jest.fn(async () => Promise.reject(error)) }),
    );
    expect(await screen.findByTestId('aws-error')).toBeInTheDocument();
  });

  it('explains a malformed account id annotation without calling the backend', async () => {
    const api = mockAwsApi();
    await render(api, {
      ...accountEntity,
      metadata: {
        ...accountEntity.metadata,
        annotations: { 'amazonaws.com/account-id': '12345' },
      },
    });
    expect(
      screen.getByText(/expected a 12-digit AWS account id/),
    ).toBeInTheDocument();
    expect(api.getAccount).not.toHaveBeenCalled();
  });

  it('shows the restricted panel when the account is denied', async () => {
    const error = await responseError(403);
    await render(
      mockAwsApi({ getAccount: jest.fn(async () => Promise.reject(error)) }),
    );
    expect(await screen.findByTestId('aws-restricted')).toHaveTextContent(
      'You do not have permission to view this account',
    );
  });

  it('marks the management account and offers only the console without an access portal', async () => {
    const api = mockAwsApi({
      getAccount: jest.fn(async () => ({
        ...accountDetail,
        isManagementAccount: true,
        accessPortalUrl: undefined,
        tags: null,
      })),
    });
    await render(api);
    expect(
      screen.getByText('Management account of the organization'),
    ).toBeInTheDocument();
    expect(screen.getByText('Unknown (not readable)')).toBeInTheDocument();
    expect(screen.queryByText(/access portal/)).toBeNull();
    expect(
      screen.getByRole('link', { name: /Open the AWS console/ }),
    ).toHaveAttribute('href', accountDetail.consoleUrl);
  });
});
