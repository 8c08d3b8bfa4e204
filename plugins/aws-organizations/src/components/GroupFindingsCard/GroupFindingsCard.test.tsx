import { screen, within } from '@testing-library/react';
import { ACCOUNT_ID, groupEntity } from '../../__testUtils__/data';
import {
  OTHER_ACCOUNT_ID,
  teamFindings,
} from '../../__testUtils__/findingsData';
import {
  mockAwsApi,
  renderWithApis,
  responseError,
} from '../../__testUtils__/testUtils';
import { GroupFindingsCard } from './GroupFindingsCard';

describe('GroupFindingsCard', () => {
  it("lists the team's accounts worst first and their findings with console links", async () => {
    const api = mockAwsApi({
      getTeamFindings: jest.fn(async () => teamFindings),
    });
    await renderWithApis(<GroupFindingsCard />, { api, entity: groupEntity });
    expect(api.getTeamFindings).toHaveBeenCalledWith(
      { namespace: 'default', name: 'payments' },
      { limit: 100 },
    );
    const card = await screen.findByTestId('aws-group-findings');
    const tables = within(card).getAllByRole('table');
    const accountRows = within(tables[0]).getAllByRole('row').slice(1);
    expect(accountRows[0]).toHaveTextContent('payments-prod');
    expect(accountRows[0]).toHaveTextContent('3: 1 critical, 2 high');
    expect(accountRows[1]).toHaveTextContent('payments-dev');
    expect(
      within(accountRows[0]).getByRole('link', { name: 'payments-prod' }),
    ).toHaveAttribute(
      'href',
      `/catalog/default/resource/aws-account-${ACCOUNT_ID}`,
    );
    const findings = within(
      within(card).getByTestId('aws-findings-table'),
    ).getAllByRole('row');
    expect(findings[1]).toHaveTextContent('CVE-2024-3094');
    expect(findings[1]).toHaveTextContent('payments-prod');
    expect(
      within(findings[1]).getByTestId('aws-finding-console-link'),
    ).toHaveAttribute('href', teamFindings.findings[1].consoleUrl);
    expect(within(card).getByTestId('aws-findings-not-read')).toHaveTextContent(
      `AWS Config (account ${OTHER_ACCOUNT_ID}): NoSuchConfigurationAggregatorException`,
    );
  });

  it('shows counts only for accounts whose findings the viewer may not read', async () => {
    const api = mockAwsApi({
      getTeamFindings: jest.fn(async () => ({
        ...teamFindings,
        accounts: teamFindings.accounts.map(a =>
          a.accountId === OTHER_ACCOUNT_ID
            ? { ...a, total: undefined, findingsIncluded: false }
            : { ...a, findingsIncluded: false },
        ),
        findings: [],
        notConnected: [],
      })),
    });
    await renderWithApis(<GroupFindingsCard />, { api, entity: groupEntity });
    const card = await screen.findByTestId('aws-group-findings');
    expect(
      within(card).getByTestId('aws-findings-counts-only'),
    ).toHaveTextContent('You can see counts only');
    expect(within(card).queryByTestId('aws-findings-table')).toBeNull();
    const rows = within(within(card).getByRole('table'))
      .getAllByRole('row')
      .slice(1);
    expect(rows[0]).toHaveTextContent('payments-prod');
    expect(rows[0]).toHaveTextContent('counts only');
    expect(rows[1]).toHaveTextContent('restricted');
  });

  it('says "not listed", not "counts only", for an account left out of a truncated answer', async () => {
    const api = mockAwsApi({
      getTeamFindings: jest.fn(async () => ({
        ...teamFindings,
        accounts: teamFindings.accounts.map(a =>
          a.accountId === OTHER_ACCOUNT_ID
            ? { ...a, findingsIncluded: false }
            : a,
        ),
        truncated: true,
      })),
    });
    await renderWithApis(<GroupFindingsCard />, { api, entity: groupEntity });
    const card = await screen.findByTestId('aws-group-findings');
    const rows = within(within(card).getAllByRole('table')[0])
      .getAllByRole('row')
      .slice(1);
    expect(rows[1]).toHaveTextContent('payments-dev');
    expect(rows[1]).toHaveTextContent('not listed');
    expect(rows[1]).not.toHaveTextContent('counts only');
    expect(card).toHaveTextContent('of the accounts with the most findings');
  });

  it('says when the team owns no account', async () => {
    const api = mockAwsApi({
      getTeamFindings: jest.fn(async () => ({
        ...teamFindings,
        accounts: [],
        findings: [],
        notConnected: [],
      })),
    });
    await renderWithApis(<GroupFindingsCard />, { api, entity: groupEntity });
    expect(
      await screen.findByText('This team owns no AWS account.'),
    ).toBeInTheDocument();
  });

  it('shows the restricted panel on 403', async () => {
    const denied = await responseError(403);
    const api = mockAwsApi({
      getTeamFindings: jest.fn(() => Promise.reject(denied)),
    });
    await renderWithApis(<GroupFindingsCard />, { api, entity: groupEntity });
    expect(await screen.findByTestId('aws-restricted')).toBeInTheDocument();
  });
});
