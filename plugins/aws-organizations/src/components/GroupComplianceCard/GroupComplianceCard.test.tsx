import {
  ChangeLogEntry,
  Page,
} from '@aws-governance/plugin-aws-organizations-common';
import { screen, within } from '@testing-library/react';
import { accountSummary, groupEntity } from '../../__testUtils__/data';
import {
  mockAwsApi,
  renderWithApis,
  responseError,
} from '../../__testUtils__/testUtils';
import { GroupComplianceCard } from './GroupComplianceCard';

const owned = {
  items: [
    {
      ref: 'group:default/payments',
      counts: { pass: 3, fail: 7, warn: 1, unknown: 1 },
    },
  ],
  totalCount: 1,
  offset: 0,
  limit: 50,
};

const changes: Page<ChangeLogEntry> = {
  items: [
    {
      id: '12',
      detectedAt: '2026-02-01T10:00:00.000Z',
      kind: 'scp.attached',
      accountId: '123456789012',
      subjectId: 'p-1',
      summary: 'DenyLeaveOrg attached to payments-prod',
    },
  ],
  totalCount: 3,
  offset: 0,
  limit: 5,
};

describe('GroupComplianceCard', () => {
  it("counts the team's accounts per status and names the non-compliant ones", async () => {
    const api = mockAwsApi({
      listOwners: jest.fn(async () => owned),
      listAccounts: jest.fn(async () => ({
        items: [accountSummary],
        totalCount: 7,
        offset: 0,
        limit: 5,
      })),
      listChanges: jest.fn(async () => changes),
    });
    await renderWithApis(<GroupComplianceCard />, { api, entity: groupEntity });
    expect(api.listOwners).toHaveBeenCalledWith({
      ref: 'group:default/payments',
    });
    expect(api.listAccounts).toHaveBeenCalledWith({
      owner: 'group:default/payments',
      compliance: 'fail',
      limit: 5,
    });
    const counts = await screen.findByTestId('aws-group-compliance-counts');
    expect(counts).toHaveTextContent('7 of 12 accounts non-compliant');
    expect(counts).toHaveTextContent('3 compliant, 1 warning, 1 unknown');
    expect(within(counts).getByRole('img')).toHaveAttribute(
      'aria-label',
      '3 compliant, 7 non-compliant, 1 warnings, 1 unknown',
    );
    const failing = screen.getByTestId('aws-group-non-compliant');
    expect(within(failing).getByText('payments-prod')).toBeInTheDocument();
    expect(failing).toHaveTextContent(
      `fails ${accountSummary.compliance.failingRules.length} rule`,
    );
    expect(failing).toHaveTextContent('and 6 more');
    // The newest changes of the team's accounts, asked by owner.
    expect(api.listChanges).toHaveBeenCalledWith({
      owner: 'group:default/payments',
      limit: 5,
    });
    const recent = await screen.findByTestId('aws-group-recent-changes');
    await within(recent).findByText('DenyLeaveOrg attached to payments-prod');
    expect(recent).toHaveTextContent(
      `${new Date(
        '2026-02-01T10:00:00.000Z',
      ).toLocaleString()} · account 123456789012`,
    );
    expect(recent).toHaveTextContent('and 2 older changes');
  });

  it("says when the team's accounts have no recorded change, and what failed loading them without hiding the compliance", async () => {
    const api = mockAwsApi({
      listOwners: jest.fn(async () => owned),
      listAccounts: jest.fn(async () => ({
        items: [],
        totalCount: 0,
        offset: 0,
        limit: 5,
      })),
      listChanges: jest.fn(async () => ({
        ...changes,
        items: [],
        totalCount: 0,
      })),
    });
    const { unmount } = await renderWithApis(<GroupComplianceCard />, {
      api,
      entity: groupEntity,
    });
    expect(
      await screen.findByText("No change of the team's accounts recorded."),
    ).toBeInTheDocument();
    unmount();
    const error = await responseError(503, 'no snapshot yet');
    api.listChanges.mockImplementation(() => Promise.reject(error));
    await renderWithApis(<GroupComplianceCard />, { api, entity: groupEntity });
    const recent = await screen.findByTestId('aws-group-recent-changes');
    expect(await within(recent).findByTestId('aws-error')).toHaveTextContent(
      'no snapshot yet',
    );
    expect(screen.getByTestId('aws-group-compliance-counts')).toBeVisible();
  });

  it('says when the team owns no account', async () => {
    const api = mockAwsApi({
      listOwners: jest.fn(async () => ({ ...owned, items: [], totalCount: 0 })),
      listAccounts: jest.fn(async () => ({
        items: [],
        totalCount: 0,
        offset: 0,
        limit: 5,
      })),
    });
    await renderWithApis(<GroupComplianceCard />, { api, entity: groupEntity });
    expect(
      await screen.findByText('This team owns no AWS account.'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('aws-group-non-compliant')).toBeNull();
  });

  it('lists no non-compliant account when all comply', async () => {
    const api = mockAwsApi({
      listOwners: jest.fn(async () => ({
        ...owned,
        items: [
          {
            ref: 'group:default/payments',
            counts: { pass: 2, fail: 0, warn: 0, unknown: 0 },
          },
        ],
      })),
      listAccounts: jest.fn(async () => ({
        items: [],
        totalCount: 0,
        offset: 0,
        limit: 5,
      })),
    });
    api.listChanges.mockImplementation(async () => changes);
    await renderWithApis(<GroupComplianceCard />, { api, entity: groupEntity });
    expect(
      await screen.findByTestId('aws-group-compliance-counts'),
    ).toHaveTextContent('0 of 2 accounts non-compliant');
    expect(screen.queryByTestId('aws-group-non-compliant')).toBeNull();
  });

  it('says what failed', async () => {
    const error = await responseError(503, 'no snapshot yet');
    const api = mockAwsApi({
      listOwners: jest.fn(() => Promise.reject(error)),
      listAccounts: jest.fn(() => Promise.reject(error)),
    });
    await renderWithApis(<GroupComplianceCard />, { api, entity: groupEntity });
    expect(await screen.findByTestId('aws-error')).toHaveTextContent(
      'no snapshot yet',
    );
  });
});
