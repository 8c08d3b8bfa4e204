import { screen, within } from '@testing-library/react';
import { ACCOUNT_ID, accountEntity } from '../../__testUtils__/data';
import {
  findingCounts,
  findingHistory,
  findingsPage,
  severities,
} from '../../__testUtils__/findingsData';
import {
  mockAwsApi,
  pending,
  renderWithApis,
  responseError,
} from '../../__testUtils__/testUtils';
import { AccountSecurity } from './AccountSecurity';

function apiWith(overrides: Parameters<typeof mockAwsApi>[0] = {}) {
  return mockAwsApi({
    getAccountFindingCounts: jest.fn(async () => findingCounts),
    getAccountFindings: jest.fn(async () => findingsPage),
    getAccountFindingHistory: jest.fn(async () => findingHistory),
    ...overrides,
  });
}

describe('AccountSecurity', () => {
  it('shows the counts by severity and source, the trend and the top findings with console links', async () => {
    const api = apiWith();
    await renderWithApis(<AccountSecurity />, { api, entity: accountEntity });

    expect(api.getAccountFindingCounts).toHaveBeenCalledWith(ACCOUNT_ID);
    const total = await screen.findByTestId('aws-findings-total');
    expect(total).toHaveTextContent('3 active findings');
    expect(total).toHaveTextContent('Critical 1');
    expect(total).toHaveTextContent('High 2');
    expect(total).toHaveTextContent('From 3 of 4 sources');

    const hub = screen.getByTestId('aws-source-security-hub');
    expect(hub).toHaveTextContent('Connected');
    expect(hub).toHaveTextContent('read from account 502834119477, us-east-1');
    expect(hub).toHaveTextContent('Critical 1');
    expect(hub).toHaveTextContent(
      '1 critical or high finding older than 30 days',
    );
    const analyzer = screen.getByTestId('aws-source-access-analyzer');
    expect(
      within(analyzer).getByTestId('aws-origin-access-analyzer-external'),
    ).toHaveTextContent('High 1');
    // Connected, but no unused-access analyzer: not counted, not zero.
    expect(
      within(analyzer).getByTestId('aws-origin-access-analyzer-unused'),
    ).toHaveTextContent(
      'Not counted: the organization has no unused-access analyzer',
    );
    expect(analyzer).toHaveTextContent(
      '1 finding granting access outside the organization',
    );
    const config = screen.getByTestId('aws-source-config');
    expect(config).toHaveTextContent(
      'Config rules: 4 compliant, 1 non-compliant, 0 with insufficient data',
    );
    expect(config).toHaveTextContent(
      'Non-compliant: s3-bucket-logging-enabled',
    );
    expect(config).toHaveTextContent(
      'Operational-Best-Practices-for-CIS (non compliant)',
    );
    // The denied trail: not connected with the reason, never "no findings".
    const trail = screen.getByTestId('aws-source-cloudtrail');
    expect(
      within(trail).getByTestId('aws-source-not-connected'),
    ).toHaveTextContent(
      'Not connected (access denied): AccessDeniedException: not authorized to cloudtrail:DescribeTrails. Its findings are unknown, not zero.',
    );

    expect(api.getAccountFindingHistory).toHaveBeenCalledWith(ACCOUNT_ID, {
      limit: 30,
    });
    const trend = await screen.findByTestId('aws-findings-trend');
    expect(within(trend).getAllByTestId('aws-findings-trend-bar')).toHaveLength(
      3,
    );
    expect(within(trend).getByRole('img')).toHaveAttribute(
      'aria-label',
      expect.stringMatching(
        /^Active findings over the last 3 syncs: 1 on .*, 3 on /,
      ),
    );
    expect(trend).toHaveTextContent(/3 syncs, .* to /);

    expect(api.getAccountFindings).toHaveBeenCalledWith(ACCOUNT_ID, {
      limit: 100,
    });
    const table = await screen.findByTestId('aws-findings-table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    // Most severe first, then the newest.
    expect(rows[0]).toHaveTextContent('CVE-2024-3094 - xz-utils');
    expect(rows[0]).toHaveTextContent('Inspector');
    expect(rows[1]).toHaveTextContent('Bitcoin');
    expect(rows[2]).toHaveTextContent('shared outside the organization');
    expect(rows[2]).toHaveTextContent(
      'principal arn:aws:iam::999999999999:root',
    );
    expect(
      within(rows[0]).getByTestId('aws-finding-console-link'),
    ).toHaveAttribute('href', findingsPage.findings[2].consoleUrl);
    expect(screen.queryByTestId('aws-findings-counts-only')).toBeNull();
  });

  it('shows counts only, and never asks for the findings, without findings.read', async () => {
    const api = apiWith({
      getAccountFindingCounts: jest.fn(async () => ({
        ...findingCounts,
        mayReadFindings: false,
      })),
    });
    await renderWithApis(<AccountSecurity />, { api, entity: accountEntity });
    const countsOnly = await screen.findByTestId('aws-findings-counts-only');
    expect(countsOnly).toHaveTextContent('You can see counts only');
    expect(countsOnly).toHaveTextContent('aws-organizations.findings.read');
    expect(screen.getByTestId('aws-findings-total')).toHaveTextContent(
      '3 active findings',
    );
    expect(screen.queryByTestId('aws-findings-table')).toBeNull();
    expect(screen.queryByText(/CVE-2024-3094/)).toBeNull();
    expect(api.getAccountFindings).not.toHaveBeenCalled();
  });

  it('shows counts only when the findings route says 403', async () => {
    const denied = await responseError(403, 'not allowed');
    const api = apiWith({
      getAccountFindings: jest.fn(() => Promise.reject(denied)),
    });
    await renderWithApis(<AccountSecurity />, { api, entity: accountEntity });
    expect(
      await screen.findByTestId('aws-findings-counts-only'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('aws-findings-table')).toBeNull();
  });

  it('is restricted without the counts permission', async () => {
    const denied = await responseError(403, 'not allowed');
    const api = apiWith({
      getAccountFindingCounts: jest.fn(() => Promise.reject(denied)),
    });
    await renderWithApis(<AccountSecurity />, { api, entity: accountEntity });
    expect(await screen.findByTestId('aws-restricted')).toHaveTextContent(
      "this account's security findings",
    );
    expect(api.getAccountFindings).not.toHaveBeenCalled();
    expect(api.getAccountFindingHistory).not.toHaveBeenCalled();
  });

  it('says the detectors are not connected when none is configured', async () => {
    const off = {
      status: 'not-connected' as const,
      reason: 'off' as const,
      message: 'not configured (awsOrganizations.signals)',
    };
    const api = apiWith({
      getAccountFindingCounts: jest.fn(async () => ({
        ...findingCounts,
        configured: false,
        sources: {
          'security-hub': off,
          'access-analyzer': off,
          config: off,
          cloudtrail: off,
        },
        byOrigin: {},
        total: severities(),
        agedCriticalHigh: [],
        externalAccess: undefined,
        config: undefined,
      })),
    });
    await renderWithApis(<AccountSecurity />, { api, entity: accountEntity });
    expect(
      await screen.findByTestId('aws-signals-not-configured'),
    ).toHaveTextContent("AWS's detectors are not connected");
    expect(screen.queryByText(/0 active findings/)).toBeNull();
    expect(api.getAccountFindings).not.toHaveBeenCalled();
  });

  it('shows a source that is not connected with why, never as zero findings', async () => {
    const api = apiWith({
      getAccountFindingCounts: jest.fn(async () => ({
        ...findingCounts,
        sources: {
          ...findingCounts.sources,
          'security-hub': {
            status: 'not-connected' as const,
            reason: 'not-enabled' as const,
            message: 'Security Hub is not enabled in us-east-1',
          },
        },
        byOrigin: { 'access-analyzer-external': severities({ HIGH: 1 }) },
        total: severities({ HIGH: 1 }),
        agedCriticalHigh: [],
      })),
      getAccountFindings: jest.fn(async () => ({
        ...findingsPage,
        findings: [findingsPage.findings[1]],
        notConnected: [
          {
            source: 'security-hub' as const,
            message: 'Security Hub is not enabled in us-east-1',
          },
        ],
      })),
    });
    await renderWithApis(<AccountSecurity />, { api, entity: accountEntity });
    const hub = await screen.findByTestId('aws-source-security-hub');
    expect(hub).toHaveTextContent(
      'Not connected (not enabled): Security Hub is not enabled in us-east-1',
    );
    expect(hub).not.toHaveTextContent('Critical 0');
    expect(
      await screen.findByTestId('aws-findings-not-read'),
    ).toHaveTextContent(
      'AWS Security Hub: Security Hub is not enabled in us-east-1',
    );
  });

  it('shows progress while the counts load', async () => {
    const api = apiWith({ getAccountFindingCounts: jest.fn(() => pending()) });
    await renderWithApis(<AccountSecurity />, { api, entity: accountEntity });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });
});
