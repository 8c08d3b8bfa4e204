import { screen, within } from '@testing-library/react';
import { ACCOUNT_ID, serviceEntity } from '../../__testUtils__/data';
import { findingCounts, findingsPage } from '../../__testUtils__/findingsData';
import {
  mockAwsApi,
  renderWithApis,
  responseError,
} from '../../__testUtils__/testUtils';
import { ServiceFindingsCard } from './ServiceFindingsCard';

function apiWith(overrides: Parameters<typeof mockAwsApi>[0] = {}) {
  return mockAwsApi({
    getAccountFindingCounts: jest.fn(async () => findingCounts),
    getAccountFindings: jest.fn(async () => findingsPage),
    ...overrides,
  });
}

describe('ServiceFindingsCard', () => {
  it("shows the account's counts and the findings on resources tagged with the service", async () => {
    const api = apiWith();
    await renderWithApis(<ServiceFindingsCard />, {
      api,
      entity: serviceEntity,
    });
    const account = await screen.findByTestId(
      `aws-service-findings-${ACCOUNT_ID}`,
    );
    expect(account).toHaveTextContent(
      'The account: 3 active (1 critical, 2 high)',
    );
    expect(
      within(account).getByTestId('aws-source-not-connected'),
    ).toHaveTextContent(
      'Organization trail (CloudTrail): Not connected (access denied)',
    );
    expect(api.getAccountFindings).toHaveBeenCalledWith(ACCOUNT_ID, {
      limit: 500,
    });
    const table = within(account).getByTestId('aws-findings-table');
    expect(table).toHaveTextContent('On resources tagged service=payments-api');
    const rows = within(table).getAllByRole('row').slice(1);
    // Only the Lambda function tagged service=payments-api.
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('CVE-2024-3094');
    expect(table).not.toHaveTextContent('Bitcoin');
  });

  it('matches the configured tag key', async () => {
    const api = apiWith();
    await renderWithApis(<ServiceFindingsCard tagKey="app" />, {
      api,
      entity: {
        ...serviceEntity,
        metadata: { ...serviceEntity.metadata, name: 'payments' },
      },
    });
    const table = await screen.findByTestId('aws-findings-table');
    expect(table).toHaveTextContent('On resources tagged app=payments');
    expect(within(table).getAllByRole('row').slice(1)).toHaveLength(1);
    expect(table).toHaveTextContent('CVE-2024-3094');
  });

  it('shows counts only without findings.read', async () => {
    const api = apiWith({
      getAccountFindingCounts: jest.fn(async () => ({
        ...findingCounts,
        mayReadFindings: false,
      })),
    });
    await renderWithApis(<ServiceFindingsCard />, {
      api,
      entity: serviceEntity,
    });
    expect(
      await screen.findByTestId('aws-findings-counts-only'),
    ).toBeInTheDocument();
    expect(screen.getByText(/The account: 3 active/)).toBeInTheDocument();
    expect(screen.queryByTestId('aws-findings-table')).toBeNull();
    expect(api.getAccountFindings).not.toHaveBeenCalled();
  });

  it('shows counts only when the findings route says 403', async () => {
    const denied = await responseError(403);
    const api = apiWith({
      getAccountFindings: jest.fn(() => Promise.reject(denied)),
    });
    await renderWithApis(<ServiceFindingsCard />, {
      api,
      entity: serviceEntity,
    });
    expect(
      await screen.findByTestId('aws-findings-counts-only'),
    ).toBeInTheDocument();
  });

  it('is restricted without the counts permission', async () => {
    const denied = await responseError(403);
    const api = apiWith({
      getAccountFindingCounts: jest.fn(() => Promise.reject(denied)),
    });
    await renderWithApis(<ServiceFindingsCard />, {
      api,
      entity: serviceEntity,
    });
    expect(await screen.findByTestId('aws-restricted')).toBeInTheDocument();
  });
});
