import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import {
  accountSummary,
  complianceSummary,
  syncStatus,
  tree,
} from '../../__testUtils__/data';
import { findingsRollup } from '../../__testUtils__/findingsData';
import { trustMap } from '../../__testUtils__/roleReachData';
import {
  mockAwsApi,
  pending,
  renderWithApis,
  responseError,
} from '../../__testUtils__/testUtils';
import { OwnersQuery } from '../../api/AwsOrganizationsApi';
import { OrgExplorer } from './OrgExplorer';
import { OrgExplorerPage } from './OrgExplorerPage';

function api(overrides: Parameters<typeof mockAwsApi>[0] = {}) {
  return mockAwsApi({
    getOrganizationTree: jest.fn(async () => tree),
    getComplianceSummary: jest.fn(async () => complianceSummary),
    getSyncStatus: jest.fn(async () => syncStatus),
    listOwners: jest.fn(async (query?: OwnersQuery) => {
      const items = complianceSummary.byOwner.filter(o =>
        o.ref.includes(query?.q ?? ''),
      );
      return { items, totalCount: items.length, offset: 0, limit: 50 };
    }),
    getTrustMap: jest.fn(async () => trustMap),
    getFindingsRollup: jest.fn(async () => findingsRollup),
    listAccounts: jest.fn(async query => ({
      items: [accountSummary],
      totalCount: 1,
      offset: query?.offset ?? 0,
      limit: query?.limit ?? 20,
    })),
    ...overrides,
  });
}

function lastQuery(mock: ReturnType<typeof api>) {
  return mock.listAccounts.mock.calls[
    mock.listAccounts.mock.calls.length - 1
  ][0];
}

/** Chooses the Suspended state filter and waits for its first page's query. */
async function filterSuspended(mock: ReturnType<typeof api>) {
  fireEvent.change(screen.getByLabelText('State'), {
    target: { value: 'SUSPENDED' },
  });
  await waitFor(() =>
    expect(lastQuery(mock)).toEqual({
      state: 'SUSPENDED',
      offset: 0,
      limit: 20,
    }),
  );
}

describe('OrgExplorerPage', () => {
  it('shows the tree, charts, sync status and the first page of accounts', async () => {
    const mock = api();
    await renderWithApis(<OrgExplorerPage />, { api: mock });
    expect(
      screen.getByRole('heading', { name: 'AWS Organizations' }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('aws-tree-node-r-ab12')).toHaveTextContent(
      '3 accounts',
    );
    expect(
      screen.getByTestId('aws-tree-node-ou-ab12-work0001'),
    ).toHaveTextContent('1 non-compliant');
    const units = await screen.findAllByTestId('aws-chart-unit');
    expect(units[0]).toHaveTextContent('Prod');
    const rules = screen.getAllByTestId('aws-chart-rule');
    expect(rules[0]).toHaveTextContent('CloudTrail cannot be stopped');
    expect(rules[0]).toHaveTextContent('2 accounts');
    expect(await screen.findByText('Succeeded')).toBeInTheDocument();
    expect(
      await within(screen.getByTestId('aws-account-table')).findByText(
        'payments-prod',
      ),
    ).toBeInTheDocument();
    expect(mock.listAccounts).toHaveBeenCalledWith({ offset: 0, limit: 20 });
    // Requested together when the status named the snapshot; the views take
    // those answers instead of asking again.
    expect(mock.listAccounts).toHaveBeenCalledTimes(1);
    expect(mock.getOrganizationTree).toHaveBeenCalledTimes(1);
    expect(mock.getComplianceSummary).toHaveBeenCalledTimes(1);
    expect(await screen.findByTestId('aws-findings-by-ou')).toHaveTextContent(
      'Prod / Prod-US',
    );
  });

  it('renders the cards beside the tree only once the tree is on screen', async () => {
    let answerTree: (value: typeof tree) => void = () => {};
    const treeAnswer = new Promise<typeof tree>(resolve => {
      answerTree = resolve;
    });
    const mock = api({
      getOrganizationTree: jest.fn(() => treeAnswer),
    });
    await renderWithApis(<OrgExplorerPage />, { api: mock });
    expect(
      await within(screen.getByTestId('aws-account-table')).findByText(
        'payments-prod',
      ),
    ).toBeInTheDocument();
    // The summary is in, but its charts, the sync status and the findings
    // wait for the tree (nor is the findings rollup asked for yet).
    await waitFor(() =>
      expect(mock.getComplianceSummary).toHaveBeenCalledTimes(1),
    );
    expect(screen.queryByTestId('aws-chart-unit')).toBeNull();
    expect(screen.queryByText('Succeeded')).toBeNull();
    expect(mock.getFindingsRollup).not.toHaveBeenCalled();
    await act(async () => answerTree(tree));
    expect(screen.getByTestId('aws-tree-node-r-ab12')).toBeInTheDocument();
    expect(
      (await screen.findAllByTestId('aws-chart-unit'))[0],
    ).toHaveTextContent('Prod');
    expect(await screen.findByText('Succeeded')).toBeInTheDocument();
    expect(await screen.findByTestId('aws-findings-by-ou')).toHaveTextContent(
      'Prod / Prod-US',
    );
  });

  it('asks for the first data when the status names the snapshot, not from the render that follows', async () => {
    const stacks: string[] = [];
    const mock = api({
      getOrganizationTree: jest.fn(async () => {
        stacks.push(new Error().stack ?? '');
        return tree;
      }),
    });
    await renderWithApis(<OrgExplorerPage />, { api: mock });
    expect(
      await screen.findByTestId('aws-tree-node-r-ab12'),
    ).toBeInTheDocument();
    expect(stacks).toHaveLength(1);
    // From the watcher's notification: no React render on the stack (a
    // render pass of the whole explorer would hold the requests back).
    expect(stacks[0]).toMatch(/SnapshotWatcher/);
    expect(stacks[0]).not.toMatch(/renderWithHooks/);
  });

  it('asks for the trust map (below the fold) only when it scrolls near', async () => {
    const original = (window as any).IntersectionObserver;
    const observers: ((entries: { isIntersecting: boolean }[]) => void)[] = [];
    (window as any).IntersectionObserver = class {
      constructor(callback: (entries: { isIntersecting: boolean }[]) => void) {
        observers.push(callback);
      }
      observe() {}
      disconnect() {}
    };
    try {
      const mock = api();
      await renderWithApis(<OrgExplorerPage />, { api: mock });
      await within(screen.getByTestId('aws-account-table')).findByText(
        'payments-prod',
      );
      expect(
        screen.getByTestId('aws-trust-map-placeholder'),
      ).toBeInTheDocument();
      expect(mock.getTrustMap).not.toHaveBeenCalled();
      act(() => observers.forEach(o => o([{ isIntersecting: true }])));
      await waitFor(() => expect(mock.getTrustMap).toHaveBeenCalledTimes(1));

      // Before the tree is in, the page is short and would show the
      // placeholder at once: nothing is watched yet.
      observers.length = 0;
      const waiting = api({ getOrganizationTree: jest.fn(() => pending()) });
      await renderWithApis(<OrgExplorer />, { api: waiting });
      await waitFor(() => expect(waiting.listAccounts).toHaveBeenCalled());
      expect(screen.queryAllByTestId('aws-trust-map-placeholder')).toHaveLength(
        0,
      );
      expect(observers).toHaveLength(0);
      expect(waiting.getTrustMap).not.toHaveBeenCalled();
    } finally {
      (window as any).IntersectionObserver = original;
    }
  });

  it('queries the accounts with the filters', async () => {
    const mock = api();
    await renderWithApis(<OrgExplorerPage />, { api: mock });
    await waitFor(() => expect(mock.listAccounts).toHaveBeenCalled());

    await filterSuspended(mock);
    fireEvent.change(screen.getByLabelText('Compliance'), {
      target: { value: 'fail' },
    });
    fireEvent.change(screen.getByLabelText('Owner'), {
      target: { value: 'payments' },
    });
    fireEvent.click(
      await screen.findByRole('option', { name: 'group:default/payments' }),
    );
    fireEvent.change(screen.getByLabelText('Search accounts'), {
      target: { value: 'pay' },
    });
    await waitFor(() =>
      expect(lastQuery(mock)).toEqual({
        q: 'pay',
        owner: 'group:default/payments',
        state: 'SUSPENDED',
        compliance: 'fail',
        offset: 0,
        limit: 20,
      }),
    );
    // The tree arrives on its own (with both cores busy, after the table).
    fireEvent.click(
      within(
        await screen.findByTestId('aws-tree-node-ou-ab12-work0001'),
      ).getByText('Workloads'),
    );
    await waitFor(() =>
      expect(lastQuery(mock)).toMatchObject({ ou: 'ou-ab12-work0001' }),
    );
    expect(screen.getByLabelText('Organizational unit')).toHaveValue(
      'ou-ab12-work0001',
    );
  });

  it('asks for the next page with an offset', async () => {
    const mock = api({
      listAccounts: jest.fn(async query => ({
        items: Array.from({ length: query?.limit ?? 20 }, (_, i) => ({
          ...accountSummary,
          id: String(100000000000 + (query?.offset ?? 0) + i),
          name: `account-${(query?.offset ?? 0) + i}`,
        })),
        totalCount: 5000,
        offset: query?.offset ?? 0,
        limit: query?.limit ?? 20,
      })),
    });
    await renderWithApis(<OrgExplorerPage />, { api: mock });
    await screen.findByText('account-0');
    fireEvent.click(screen.getByRole('button', { name: /Next Page/i }));
    await screen.findByText('account-20');
    expect(lastQuery(mock)).toEqual({ offset: 20, limit: 20 });
    // A filter starts again on the first page, without asking for the
    // filter's second page first.
    await filterSuspended(mock);
    expect(mock.listAccounts).not.toHaveBeenCalledWith(
      expect.objectContaining({ state: 'SUSPENDED', offset: 20 }),
    );
    await screen.findByText('account-0');
  });

  it('shows the restricted panel when the tree is denied and progress for the summary', async () => {
    const error = await responseError(403);
    await renderWithApis(<OrgExplorerPage />, {
      api: api({
        getOrganizationTree: jest.fn(() => Promise.reject(error)),
        getComplianceSummary: jest.fn(() => pending()),
      }),
    });
    expect(await screen.findByTestId('aws-restricted')).toHaveTextContent(
      'the organization tree',
    );
    // The cards beside the tree render after it, a denied one too.
    expect((await screen.findAllByTestId('progress')).length).toBeGreaterThan(
      0,
    );
  });

  it('offers the access report only to those allowed', async () => {
    // The browser downloads the server's stream itself: a link to the
    // report's URL is clicked; nothing is fetched into the page.
    const clicked: HTMLAnchorElement[] = [];
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function (this: HTMLAnchorElement) {
        clicked.push(this);
      });
    const url = 'http://backstage/api/aws-organizations/reports/access.csv';
    const mock = api({ getDownloadUrl: jest.fn(async () => url) });
    await renderWithApis(<OrgExplorerPage />, { api: mock });
    fireEvent.click(await screen.findByTestId('aws-access-report'));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(mock.getDownloadUrl).toHaveBeenCalledWith({ kind: 'access-report' });
    expect(clicked[0].href).toBe(url);
    // No file name of the page's own: the server's dated one applies.
    expect(clicked[0].getAttribute('download')).toBe('');
    click.mockRestore();
  });

  it('hides the access report and Sync now without permission', async () => {
    await renderWithApis(<OrgExplorerPage />, {
      api: api(),
      permission: 'DENY',
    });
    await screen.findByText('Succeeded');
    expect(screen.queryByTestId('aws-access-report')).toBeNull();
    expect(screen.queryByTestId('aws-sync-now')).toBeNull();
  });

  it('shows a compliance summary error while the tree and accounts still work', async () => {
    const error = await responseError(500, 'evaluation failed');
    const mock = api({
      getComplianceSummary: jest.fn(() => Promise.reject(error)),
    });
    await renderWithApis(<OrgExplorerPage />, { api: mock });
    expect(await screen.findByTestId('aws-error')).toHaveTextContent(
      'evaluation failed',
    );
    expect(screen.getByTestId('aws-tree-node-r-ab12')).toBeInTheDocument();
    expect(
      await within(screen.getByTestId('aws-account-table')).findByText(
        'payments-prod',
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Owner')).toHaveValue('');
  });

  it('shows empty charts and an empty account list for an empty organization', async () => {
    await renderWithApis(<OrgExplorerPage />, {
      api: api({
        getOrganizationTree: jest.fn(async () => ({
          ...tree,
          accountCount: 0,
          compliance: { pass: 0, fail: 0, warn: 0, unknown: 0 },
          accounts: [],
          children: [],
        })),
        getComplianceSummary: jest.fn(async () => ({
          ...complianceSummary,
          accounts: { pass: 0, fail: 0, warn: 0, unknown: 0 },
          rules: [],
          byUnit: [],
          byOwner: [],
        })),
        listAccounts: jest.fn(async () => ({
          items: [],
          totalCount: 0,
          offset: 0,
          limit: 20,
        })),
      }),
    });
    expect(
      await screen.findByTestId('aws-chart-compliance-by-ou'),
    ).toHaveTextContent('No organizational units.');
    expect(screen.getByTestId('aws-chart-failed-rules')).toHaveTextContent(
      'No rule fails on any account.',
    );
    expect(
      await screen.findByText('No account matches the filters.'),
    ).toBeInTheDocument();
  });

  it('offers Sync now to those allowed', async () => {
    const mock = api({ triggerSync: jest.fn(async () => undefined) });
    await renderWithApis(<OrgExplorerPage />, { api: mock });
    fireEvent.click(await screen.findByTestId('aws-sync-now'));
    await waitFor(() => expect(mock.triggerSync).toHaveBeenCalledTimes(1));
    expect(await screen.findByTestId('aws-sync-message')).toHaveTextContent(
      'Sync started.',
    );
  });

  it('says when listing the accounts is denied', async () => {
    const error = await responseError(403);
    await renderWithApis(<OrgExplorerPage />, {
      api: api({ listAccounts: jest.fn(() => Promise.reject(error)) }),
    });
    expect(await screen.findByTestId('aws-restricted')).toHaveTextContent(
      'You do not have permission to view the accounts',
    );
  });

  it('waits calmly for the first sync and turns into the synced view by itself', async () => {
    const noSnapshot = {
      ...syncStatus,
      lastSuccess: undefined,
      snapshotReadAt: undefined,
      snapshotEtag: undefined,
    };
    let synced = false;
    const mock = api({
      getSyncStatus: jest.fn(async () => (synced ? syncStatus : noSnapshot)),
    });
    await renderWithApis(<OrgExplorer pollIntervalMs={20} />, { api: mock });
    expect(await screen.findByTestId('aws-first-sync')).toBeInTheDocument();
    // Nothing to load before the first snapshot, so nothing fails.
    expect(mock.getOrganizationTree).not.toHaveBeenCalled();
    expect(mock.listAccounts).not.toHaveBeenCalled();
    expect(screen.queryByTestId('aws-error')).toBeNull();
    synced = true;
    expect(
      await screen.findByTestId(
        'aws-tree-node-r-ab12',
        {},
        { timeout: 10_000 },
      ),
    ).toHaveTextContent('3 accounts');
    expect(screen.queryByTestId('aws-first-sync')).toBeNull();
  });

  it('loads the tree and summary again when a new snapshot lands', async () => {
    let etag = 'etag-1';
    const mock = api({
      getSyncStatus: jest.fn(async () => ({
        ...syncStatus,
        snapshotEtag: etag,
      })),
      getOrganizationTree: jest.fn(async () =>
        etag === 'etag-1' ? tree : { ...tree, accountCount: 4 },
      ),
    });
    await renderWithApis(<OrgExplorer pollIntervalMs={20} />, { api: mock });
    expect(await screen.findByTestId('aws-tree-node-r-ab12')).toHaveTextContent(
      '3 accounts',
    );
    expect(mock.getComplianceSummary).toHaveBeenCalledTimes(1);
    etag = 'etag-2';
    await waitFor(
      () =>
        expect(screen.getByTestId('aws-tree-node-r-ab12')).toHaveTextContent(
          '4 accounts',
        ),
      { timeout: 10_000 },
    );
    expect(mock.getComplianceSummary).toHaveBeenCalledTimes(2);
    expect(mock.getOrganizationTree).toHaveBeenCalledTimes(2);
  });

  it('lists the accounts again when a new snapshot lands', async () => {
    let etag = 'etag-1';
    const mock = api({
      getSyncStatus: jest.fn(async () => ({
        ...syncStatus,
        snapshotEtag: etag,
      })),
      listAccounts: jest.fn(async query => ({
        items: [
          etag === 'etag-1'
            ? accountSummary
            : { ...accountSummary, name: 'payments-prod-renamed' },
        ],
        totalCount: 1,
        offset: query?.offset ?? 0,
        limit: query?.limit ?? 20,
      })),
    });
    await renderWithApis(<OrgExplorer pollIntervalMs={20} />, { api: mock });
    const table = screen.getByTestId('aws-account-table');
    expect(await within(table).findByText('payments-prod')).toBeInTheDocument();
    etag = 'etag-2';
    expect(
      await within(table).findByText(
        'payments-prod-renamed',
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
  });

  it('brings the accounts into view when a unit is selected', async () => {
    const scrollIntoView = jest.fn();
    Element.prototype.scrollIntoView = scrollIntoView;
    const mock = api();
    await renderWithApis(<OrgExplorerPage />, { api: mock });
    fireEvent.click(
      await screen.findByTestId('aws-tree-node-ou-ab12-work0001'),
    );
    await waitFor(() => expect(lastQuery(mock)?.ou).toBe('ou-ab12-work0001'));
    expect(scrollIntoView).toHaveBeenCalled();
    expect(scrollIntoView.mock.contexts[0]).toBe(
      screen.getByTestId('aws-explorer-accounts'),
    );
  });

  it('loads the tree two levels deep without accounts, deeper units on expand', async () => {
    const prod = tree.children[0].children[0];
    const deep = {
      ...prod,
      id: 'ou-ab12-deep0001',
      name: 'Deep',
      childCount: 0,
      children: [],
    };
    const top = {
      ...tree,
      accounts: undefined,
      children: [
        {
          ...tree.children[0],
          children: [{ ...prod, childCount: 1, children: [] }],
        },
      ],
    };
    let answerChildren: (node: typeof prod) => void = () => {};
    const getOrganizationTree = jest.fn((query?: { unit?: string }) =>
      query?.unit
        ? new Promise<typeof prod>(resolve => {
            answerChildren = resolve;
          })
        : Promise.resolve(top),
    );
    const mock = api({ getOrganizationTree });
    await renderWithApis(<OrgExplorerPage />, { api: mock });
    expect(getOrganizationTree).toHaveBeenCalledWith({
      depth: 2,
      accounts: false,
    });
    // The status card asks for the count of unmapped principals, not the list.
    await waitFor(() =>
      expect(mock.getSyncStatus).toHaveBeenCalledWith({ unmappedLimit: 0 }),
    );
    const item = screen.getByTestId('aws-tree-node-ou-ab12-prod0001');
    expect(item.closest('li')).toHaveAttribute('aria-expanded', 'false');

    fireEvent.click(within(item).getByText('Prod'));
    expect(
      await screen.findByTestId('aws-tree-loading-ou-ab12-prod0001'),
    ).toHaveTextContent(/^Loading 1 unit…$/);
    expect(getOrganizationTree).toHaveBeenLastCalledWith({
      unit: 'ou-ab12-prod0001',
      depth: 1,
      accounts: false,
    });
    answerChildren({ ...prod, childCount: 1, children: [deep] });
    expect(
      await screen.findByTestId('aws-tree-node-ou-ab12-deep0001'),
    ).toBeInTheDocument();
    expect(
      screen.queryByTestId('aws-tree-loading-ou-ab12-prod0001'),
    ).toBeNull();
    // Loaded once: collapsing and expanding again asks for nothing more.
    fireEvent.click(within(item).getByText('Prod'));
    fireEvent.click(within(item).getByText('Prod'));
    expect(getOrganizationTree).toHaveBeenCalledTimes(2);
    // The unit filter offers the loaded units.
    expect(
      within(screen.getByLabelText('Organizational unit')).getByText(/Deep/),
    ).toBeInTheDocument();
  });

  it('asks the backend for at most 50 owners at once, narrowed by typing', async () => {
    const owners = Array.from(
      { length: 3000 },
      (_, i) => `group:default/team-${i}`,
    );
    const listOwners = jest.fn(async (query?: OwnersQuery) => {
      const matching = owners.filter(ref => ref.includes(query?.q ?? ''));
      return {
        items: matching.slice(0, query?.limit).map(ref => ({
          ref,
          counts: { pass: 1, fail: 0, warn: 0, unknown: 0 },
        })),
        totalCount: matching.length,
        offset: 0,
        limit: query?.limit ?? 50,
      };
    });
    const mock = api({ listOwners });
    await renderWithApis(<OrgExplorerPage />, { api: mock });
    const input = await screen.findByLabelText('Owner');
    await screen.findAllByTestId('aws-chart-unit');
    // Nothing asked before the list opens.
    expect(listOwners).not.toHaveBeenCalled();
    fireEvent.mouseDown(input);
    const listbox = await screen.findByRole('listbox');
    await waitFor(() =>
      expect(within(listbox).getAllByRole('option')).toHaveLength(50),
    );
    expect(listOwners).toHaveBeenLastCalledWith({ limit: 50 });
    expect(screen.getByText('2950 more: type to narrow')).toBeInTheDocument();
    fireEvent.change(input, { target: { value: 'team-2999' } });
    await waitFor(() =>
      expect(
        within(screen.getByRole('listbox'))
          .getAllByRole('option')
          .map(o => o.textContent),
      ).toEqual(['group:default/team-2999']),
    );
    expect(listOwners).toHaveBeenLastCalledWith({ q: 'team-2999', limit: 50 });
    fireEvent.click(
      screen.getByRole('option', { name: 'group:default/team-2999' }),
    );
    expect(input).toHaveValue('group:default/team-2999');
    // The table lists that owner's accounts (and nothing updates after the
    // test).
    await waitFor(() =>
      expect(lastQuery(mock)).toMatchObject({
        owner: 'group:default/team-2999',
      }),
    );
  });

  it('charts the owners the summary lists, saying how many there are in all', async () => {
    await renderWithApis(<OrgExplorerPage />, {
      api: api({
        getComplianceSummary: jest.fn(async () => ({
          ...complianceSummary,
          ownerCount: 240,
        })),
      }),
    });
    const chart = await screen.findByTestId('aws-chart-compliance-by-owner');
    expect(
      screen.getByText(
        'The 2 owners with the most non-compliant accounts, of 240 owners',
      ),
    ).toBeInTheDocument();
    const rows = within(chart).getAllByTestId('aws-chart-owner');
    expect(rows[0]).toHaveTextContent('payments');
    expect(rows[0]).toHaveTextContent('1 non-compliant of 1 account');
  });
});
