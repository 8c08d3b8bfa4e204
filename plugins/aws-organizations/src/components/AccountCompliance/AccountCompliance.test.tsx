import { screen, within } from '@testing-library/react';
import { accountEntity, compliance } from '../../__testUtils__/data';
import {
  mockAwsApi,
  pending,
  renderWithApis,
  responseError,
} from '../../__testUtils__/testUtils';
import { AccountCompliance } from './AccountCompliance';
import { AccountComplianceCard } from './AccountComplianceCard';

describe('AccountCompliance', () => {
  it('shows the overall status and rules with severity, evidence and remediation', async () => {
    const api = mockAwsApi({
      getAccountCompliance: jest.fn(async () => ({
        ...compliance,
        results: [...compliance.results].reverse(),
      })),
    });
    await renderWithApis(<AccountCompliance />, { api, entity: accountEntity });
    expect(api.getAccountCompliance).toHaveBeenCalledWith('123456789012');
    const overall = screen.getByTestId('aws-compliance-overall');
    expect(overall).toHaveTextContent('Non-compliant');
    expect(overall).toHaveTextContent('5 passed · 1 failed');
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('CloudTrail cannot be stopped');
    expect(within(rows[0]).getByText('high')).toBeInTheDocument();
    expect(rows[0]).toHaveTextContent('No deny statement found');
    expect(rows[0]).toHaveTextContent('Attach the DenyCloudTrailChanges SCP');
    expect(rows[1]).toHaveTextContent('Account has an owner');
    expect(rows[1]).not.toHaveTextContent('Tag the account with owner.');
  });

  it('shows an empty state without results', async () => {
    const api = mockAwsApi({
      getAccountCompliance: jest.fn(async () => ({
        ...compliance,
        results: [],
      })),
    });
    await renderWithApis(<AccountCompliance />, { api, entity: accountEntity });
    expect(screen.getByText('No compliance rule applies')).toBeInTheDocument();
  });

  it('shows progress and errors', async () => {
    const api = mockAwsApi({ getAccountCompliance: jest.fn(() => pending()) });
    await renderWithApis(<AccountCompliance />, { api, entity: accountEntity });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows the restricted panel on 403', async () => {
    const error = await responseError(403);
    const api = mockAwsApi({
      getAccountCompliance: jest.fn(() => Promise.reject(error)),
    });
    await renderWithApis(<AccountCompliance />, { api, entity: accountEntity });
    expect(await screen.findByTestId('aws-restricted')).toBeInTheDocument();
  });
});

describe('AccountComplianceCard', () => {
  it('lists the failing rules only', async () => {
    const api = mockAwsApi({
      getAccountCompliance: jest.fn(async () => compliance),
    });
    await renderWithApis(<AccountComplianceCard />, {
      api,
      entity: accountEntity,
    });
    expect(screen.getByText('AWS compliance')).toBeInTheDocument();
    expect(
      screen.getByText('CloudTrail cannot be stopped'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Account has an owner')).toBeNull();
  });

  it('says when every rule passes', async () => {
    const api = mockAwsApi({
      getAccountCompliance: jest.fn(async () => ({
        ...compliance,
        summary: {
          status: 'pass' as const,
          counts: { pass: 6, fail: 0, warn: 0, unknown: 0 },
          failingRules: [],
        },
        results: compliance.results.map(r => ({
          ...r,
          status: 'pass' as const,
        })),
      })),
    });
    await renderWithApis(<AccountComplianceCard />, {
      api,
      entity: accountEntity,
    });
    expect(screen.getByTestId('aws-compliance-overall')).toHaveTextContent(
      'Compliant',
    );
    expect(screen.getByText('Every rule passes.')).toBeInTheDocument();
  });

  it('shows the restricted panel on 403', async () => {
    const error = await responseError(403);
    await renderWithApis(<AccountComplianceCard />, {
      api: mockAwsApi({
        getAccountCompliance: jest.fn(() => Promise.reject(error)),
      }),
      entity: accountEntity,
    });
    expect(await screen.findByTestId('aws-restricted')).toBeInTheDocument();
    expect(screen.getByText('AWS compliance')).toBeInTheDocument();
  });
});
