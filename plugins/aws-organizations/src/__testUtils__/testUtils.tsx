import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { ReactElement } from 'react';
import { SWRConfig } from 'swr';
import {
  AwsOrganizationsApi,
  awsOrganizationsApiRef,
} from '../api/AwsOrganizationsApi';
import { rootRouteRef } from '../routes';

/** An AwsOrganizationsApi whose every method is a jest.fn, rejecting unless set. */
export function mockAwsApi(
  overrides: Partial<Record<keyof AwsOrganizationsApi, jest.Mock>> = {},
): jest.Mocked<AwsOrganizationsApi> {
  const methods: (keyof AwsOrganizationsApi)[] = [
    'getHealth',
    'getSyncStatus',
    'triggerSync',
    'listChanges',
    'listAccounts',
    'getAccount',
    'getAccountGuardrails',
    'getAccountAccess',
    'getAccountCompliance',
    'getAccountHistory',
    'getAccountFindingCounts',
    'getAccountFindings',
    'getAccountFindingHistory',
    'getTeamFindings',
    'getFindingsRollup',
    'getOrganizationTree',
    'getComplianceSummary',
    'listOwners',
    'simulate',
    'getPrincipalAccess',
    'getAccountRoleReach',
    'getAccountRoles',
    'getPrincipalRoleReach',
    'getTrustMap',
    'getDownloadUrl',
    'listReviewCampaigns',
    'startReviewCampaign',
    'getReviewCampaign',
    'getReviewCampaignProgress',
    'listReviewItems',
    'getReviewItem',
    'decideReviewItems',
    'handOverReviewItems',
    'listRemediations',
    'getAccountReviews',
    'getTeamReviews',
  ];
  const api: Record<string, jest.Mock> = {};
  for (const method of methods) {
    api[method] =
      overrides[method] ??
      jest.fn(async () => {
        throw new Error(`unexpected call of ${method}`);
      });
  }
  return api as unknown as jest.Mocked<AwsOrganizationsApi>;
}

/** A ResponseError as the client throws it for a backend error status. */
export async function responseError(
  status: number,
  message = 'failed',
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'Error', message },
        response: { statusCode: status },
      }),
      {
        status,
        statusText: String(status),
        headers: { 'content-type': 'application/json' },
      },
    ),
  );
}

/** A promise that never settles: the loading state. */
export function pending<T>(): Promise<T> {
  return new Promise<T>(() => {});
}

/**
 * Renders an element in a test app with the AWS API, a permission API and
 * optionally an entity and further APIs.
 */
export async function renderWithApis(
  element: ReactElement,
  options: {
    api: AwsOrganizationsApi;
    entity?: Entity;
    permission?: 'ALLOW' | 'DENY';
    extraApis?: [any, any][];
    /** The URL the test app starts at. */
    routeEntries?: string[];
  },
) {
  const apis: [any, any][] = [
    [awsOrganizationsApiRef, options.api],
    [
      permissionApiRef,
      mockApis.permission({ authorize: options.permission ?? 'ALLOW' }),
    ],
    ...(options.extraApis ?? []),
  ];
  const content = options.entity ? (
    <EntityProvider entity={options.entity}>{element}</EntityProvider>
  ) : (
    element
  );
  return renderInTestApp(
    // A fresh SWR cache per render, so that usePermission results of one
    // test do not leak into the next.
    <SWRConfig value={{ provider: () => new Map() }}>
      <TestApiProvider apis={apis as any}>{content}</TestApiProvider>
    </SWRConfig>,
    {
      routeEntries: options.routeEntries,
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/aws-organizations': rootRouteRef,
      },
    },
  );
}
