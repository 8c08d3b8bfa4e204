import {
  fakeReport,
  governanceResolution,
  governanceSnapshot,
} from '../__testUtils__/governance';
import { buildGovernanceIndex } from './buildGovernanceIndex';
import { DEFAULT_ACCOUNTS_LIMIT, listAccounts } from './listAccounts';

const index = buildGovernanceIndex(
  governanceSnapshot(),
  governanceResolution(),
);
const report = fakeReport({
  '111111111111': { a: 'pass' },
  '222222222222': { a: 'fail', b: 'pass' },
  '333333333333': { a: 'warn' },
  '444444444444': { a: 'fail' },
  // 555555555555 has no results: unknown.
});
const ids = (page: { items: { id: string }[] }) => page.items.map(i => i.id);

describe('listAccounts', () => {
  it('lists every account by name then id with a default page', () => {
    const page = listAccounts(index, report);
    expect(ids(page)).toEqual([
      '111111111111',
      '222222222222',
      '333333333333',
      '444444444444',
      '555555555555',
    ]);
    expect(page).toMatchObject({
      totalCount: 5,
      offset: 0,
      limit: DEFAULT_ACCOUNTS_LIMIT,
    });
  });

  it('builds each row: path names, owner, compliance, entity ref', () => {
    const [row] = listAccounts(index, report, { q: '444444444444' }).items;
    expect(row).toEqual({
      id: '444444444444',
      name: 'sandbox-a',
      email: 'sandbox-a@example.com',
      state: 'SUSPENDED',
      parentId: 'ou-sandbox',
      path: [
        { id: 'r-root', name: 'Root' },
        { id: 'ou-dev', name: 'Dev' },
        { id: 'ou-sandbox', name: 'Sandbox' },
      ],
      owner: {
        ref: 'group:default/platform',
        source: 'ou-tag',
        ouId: 'ou-dev',
        resolvable: true,
      },
      compliance: {
        status: 'fail',
        counts: { pass: 0, fail: 1, warn: 0, unknown: 0 },
        failingRules: ['a'],
      },
      entityRef: 'resource:default/aws-account-444444444444',
    });
    const [unknown] = listAccounts(index, report, { q: '555555555555' }).items;
    expect(unknown.compliance).toEqual({
      status: 'unknown',
      counts: { pass: 0, fail: 0, warn: 0, unknown: 0 },
      failingRules: [],
    });
    const [management] = listAccounts(index, report, { q: 'management' }).items;
    expect(management.owner).toEqual({ source: 'none', resolvable: false });
  });

  it('filters by OU, including the OUs below it', () => {
    expect(ids(listAccounts(index, report, { ou: 'ou-dev' }))).toEqual([
      '222222222222',
      '444444444444',
      '555555555555',
    ]);
    expect(ids(listAccounts(index, report, { ou: 'ou-sandbox' }))).toEqual([
      '444444444444',
      '555555555555',
    ]);
    expect(ids(listAccounts(index, report, { ou: 'ou-prod' }))).toEqual([
      '333333333333',
    ]);
    expect(listAccounts(index, report, { ou: 'r-root' }).totalCount).toBe(5);
    expect(listAccounts(index, report, { ou: 'ou-none' }).totalCount).toBe(0);
  });

  it('filters by owner case-insensitively, a bare name meaning a group', () => {
    // 555555555555's owner ref is written Group:Default/Platform.
    const expected = ['444444444444', '555555555555'];
    expect(
      ids(listAccounts(index, report, { owner: 'group:default/platform' })),
    ).toEqual(expected);
    expect(
      ids(listAccounts(index, report, { owner: 'GROUP:default/PLATFORM' })),
    ).toEqual(expected);
    expect(ids(listAccounts(index, report, { owner: 'platform' }))).toEqual(
      expected,
    );
    expect(
      listAccounts(index, report, { owner: 'group:other/platform' }).totalCount,
    ).toBe(0);
  });

  it('filters by state and by compliance status', () => {
    expect(ids(listAccounts(index, report, { state: 'SUSPENDED' }))).toEqual([
      '444444444444',
    ]);
    expect(ids(listAccounts(index, report, { compliance: 'fail' }))).toEqual([
      '222222222222',
      '444444444444',
    ]);
    expect(ids(listAccounts(index, report, { compliance: 'unknown' }))).toEqual(
      ['555555555555'],
    );
  });

  it('searches name, id and email, case-insensitively, ignoring surrounding blanks', () => {
    expect(ids(listAccounts(index, report, { q: '  SANDBOX ' }))).toEqual([
      '444444444444',
      '555555555555',
    ]);
    expect(ids(listAccounts(index, report, { q: '3333' }))).toEqual([
      '333333333333',
    ]);
    expect(
      ids(listAccounts(index, report, { q: 'team+sandbox@example' })),
    ).toEqual(['555555555555']);
    expect(listAccounts(index, report, { q: '   ' }).totalCount).toBe(5);
    expect(listAccounts(index, report, { q: 'nothing' }).totalCount).toBe(0);
  });

  it('combines filters', () => {
    expect(
      ids(
        listAccounts(index, report, {
          ou: 'ou-dev',
          compliance: 'fail',
          state: 'ACTIVE',
        }),
      ),
    ).toEqual(['222222222222']);
  });

  it('pages: offset and limit, totals over all matches, edges', () => {
    const page = listAccounts(index, report, { offset: 1, limit: 2 });
    expect(ids(page)).toEqual(['222222222222', '333333333333']);
    expect(page).toMatchObject({ totalCount: 5, offset: 1, limit: 2 });
    expect(ids(listAccounts(index, report, { offset: 4, limit: 2 }))).toEqual([
      '555555555555',
    ]);
    const beyond = listAccounts(index, report, { offset: 5, limit: 2 });
    expect(beyond.items).toEqual([]);
    expect(beyond.totalCount).toBe(5);
    const countOnly = listAccounts(index, report, { limit: 0 });
    expect(countOnly.items).toEqual([]);
    expect(countOnly.totalCount).toBe(5);
    expect(
      ids(listAccounts(index, report, { ou: 'ou-dev', offset: 2, limit: 10 })),
    ).toEqual(['555555555555']);
    // Out-of-range numbers are clamped, not trusted.
    expect(
      listAccounts(index, report, { offset: -3, limit: 1.7 }),
    ).toMatchObject({ offset: 0, limit: 1, totalCount: 5 });
  });
});
