/*
 * Reach through IAM roles in the demo (issue #17): app-config.yaml reads
 * the roles from the emulator's AWS Config aggregator, so after the first
 * sync the Access tab shows who reaches an account through roles.
 *
 * log-archive's OrgLogReader role trusts every account of the
 * organization: among the ways in, tom.okafor's direct
 * AdministratorAccess on payments-prod-us reaches it (a user), and so do
 * the groups' permission sets (payments' Developer on payments-dev, with
 * priya.patel and tom.okafor its members). The access policy: the demo
 * developer (priya.patel, without aws-organizations.access.read) sees the
 * groups only, never a person, on the page, in the API, in the catalog,
 * in search and in the exports; the guest (an admin) sees the people.
 */
import { APIRequestContext, expect, Page, test } from '@playwright/test';
import {
  getJson,
  PAYMENTS_PROD_US,
  signInAsDemoDeveloper,
  signInAsGuest,
  tokenOf,
} from './portal';

const LOG_ARCHIVE = '502834119466';
const LOG_ARCHIVE_PAGE = `/catalog/default/resource/aws-account-${LOG_ARCHIVE}`;
const ROLE_REACH = `/api/aws-organizations/accounts/${LOG_ARCHIVE}/role-reach?limit=500`;
/** People of the demo who hold the starts of ways into log-archive. */
const PEOPLE = /tom\.okafor|priya\.patel|maria\.garcia|li\.wei|alice\.nguyen/;

test.use({ viewport: { width: 1440, height: 900 } });

async function holdersOf(request: APIRequestContext, token: string) {
  const reach = await getJson(request, ROLE_REACH, token);
  return {
    reach,
    holders: reach.entries.flatMap((e: any) =>
      e.holders.map((h: any) => `${h.principal.type}:${h.principal.name}`),
    ) as string[],
  };
}

/** The role-reach table's rows, every page of it. */
async function reachTableText(page: Page): Promise<string> {
  const reach = page.getByTestId('aws-role-reach');
  const table = reach.locator('table').first();
  await expect(table).toContainText('OrgLogReader');
  let text = await table.innerText();
  const next = reach.getByRole('button', { name: 'Next Page' }).first();
  while ((await next.count()) > 0 && (await next.isEnabled())) {
    await next.click();
    text += await table.innerText();
  }
  return text;
}

test.describe('as the guest, an admin', () => {
  test('the Access tab shows who reaches log-archive through roles after the first sync, people included', async ({
    page,
    request,
  }) => {
    const token = await tokenOf(request, 'guest');
    const { reach, holders } = await holdersOf(request, token);
    expect(reach.status).toBe('known');
    expect(reach.restricted).toBeUndefined();
    expect(reach.totalCount).toBe(reach.entries.length);
    expect(holders).toContain('USER:tom.okafor');
    expect(JSON.stringify(reach)).toMatch(/priya\.patel/);

    await signInAsGuest(page);
    await page.goto(`${LOG_ARCHIVE_PAGE}/access`);
    await expect(
      page.getByText('Who reaches this account through roles'),
    ).toBeVisible();
    await expect(page.getByTestId('aws-role-reach-sources')).toBeVisible();
    expect(await reachTableText(page)).toMatch(/tom\.okafor/);
    // Where the DevOps role of payments-prod-us is trusted from.
    await page.goto(
      `/catalog/default/resource/aws-account-${PAYMENTS_PROD_US}/access`,
    );
    await expect(
      page.getByRole('row', { name: /DevOps/ }).first(),
    ).toBeVisible();
  });
});

test.describe('as the demo developer, without aws-organizations.access.read', () => {
  test('the API answers team-level reach only: groups, no person, counts of those only', async ({
    request,
  }) => {
    const token = await tokenOf(request, 'demo-developer');
    const admin = await holdersOf(request, await tokenOf(request, 'guest'));
    const { reach, holders } = await holdersOf(request, token);
    expect(reach.restricted).toBe(true);
    expect(holders.length).toBeGreaterThan(0);
    expect(holders.every(h => h.startsWith('GROUP:'))).toBe(true);
    expect(holders).toContain('GROUP:payments');
    expect(JSON.stringify(reach)).not.toMatch(PEOPLE);
    expect(
      reach.entries.every((e: any) => e.holders.every((h: any) => !h.members)),
    ).toBe(true);
    // tom.okafor's own way in is not counted either.
    const userOnly = admin.reach.entries.filter((e: any) =>
      e.holders.every((h: any) => h.principal.type === 'USER'),
    ).length;
    expect(userOnly).toBeGreaterThan(0);
    expect(reach.totalCount).toBe(admin.reach.totalCount - userOnly);
    const sources = reach.sources.reduce((n: number, s: any) => n + s.paths, 0);
    expect(sources + reach.sourcesOmitted.paths).toBe(reach.totalCount);

    const other = await request.get(
      '/api/aws-organizations/principals/user/default/tom.okafor/role-reach',
      { headers: { Authorization: `Bearer ${token}` } },
    );
    expect(other.status()).toBe(403);
    const own = await getJson(
      request,
      '/api/aws-organizations/principals/user/default/priya.patel/role-reach',
      token,
    );
    expect(own.entries.length).toBeGreaterThan(0);
    const team = await getJson(
      request,
      '/api/aws-organizations/principals/group/default/payments/role-reach',
      token,
    );
    expect(team.entries.length).toBeGreaterThan(0);
    expect(JSON.stringify(team)).not.toMatch(PEOPLE);
  });

  test('the Access tab shows the groups that reach log-archive through roles, and no person', async ({
    page,
  }) => {
    await signInAsDemoDeveloper(page);
    await page.goto(`${LOG_ARCHIVE_PAGE}/access`);
    await expect(
      page.getByText('Groups that reach this account through roles'),
    ).toBeVisible();
    const text = await reachTableText(page);
    expect(text).toMatch(/payments/);
    expect(text).not.toMatch(PEOPLE);
    // Opening a row's path names no member.
    await page
      .getByTestId('aws-role-reach')
      .locator('table')
      .first()
      .locator('tbody tr')
      .first()
      .getByRole('button')
      .first()
      .click();
    await expect(page.getByTestId('aws-reach-path').first()).toBeVisible();
    await expect(page.getByTestId('aws-role-reach')).not.toContainText(
      'Members:',
    );
    await expect(page.locator('main')).not.toContainText(PEOPLE);
  });

  test('the catalog, search and the access export show no person the gate hides', async ({
    request,
  }) => {
    const token = await tokenOf(request, 'demo-developer');
    const account = await getJson(
      request,
      `/api/catalog/entities/by-name/resource/default/aws-account-${LOG_ARCHIVE}`,
      token,
    );
    expect(JSON.stringify(account)).not.toMatch(/tom\.okafor|"USER"/);
    expect(JSON.stringify(account)).not.toMatch(/OrgLogReader/);
    expect(
      account.relations.filter((r: any) => r.targetRef.startsWith('user:')),
    ).toEqual([]);
    // No entity per role: the catalog holds none of the demo's roles.
    const roles = await getJson(
      request,
      '/api/catalog/entities/by-query?limit=1&fullTextFilterTerm=OrgLogReader',
      token,
    );
    expect(roles.totalItems).toBe(0);

    // Search: once the catalog collator has indexed the AWS accounts
    // (app-config.e2e.yaml runs it every 30 s), what it holds of
    // log-archive names no person, and no role.
    const search = async (term: string) =>
      (
        await getJson(
          request,
          `/api/search/query?term=${encodeURIComponent(
            term,
          )}&types[0]=software-catalog`,
          token,
        )
      ).results as {
        document: { title: string; text: string; location: string };
      }[];
    await expect
      .poll(
        async () =>
          (
            await search('log-archive')
          ).some(r =>
            r.document.location.includes(`aws-account-${LOG_ARCHIVE}`),
          ),
        { timeout: 150_000 },
      )
      .toBe(true);
    const found = await search('log-archive');
    const doc = found.find(r =>
      r.document.location.includes(`aws-account-${LOG_ARCHIVE}`),
    )!;
    expect(JSON.stringify(doc)).not.toMatch(PEOPLE);
    for (const result of await search('OrgLogReader')) {
      expect(result.document.location).not.toMatch(/aws-account-/);
    }

    // The Access tab's export: the account's Identity Center access at
    // team level; the roles' reach adds no row and no person.
    const csv = await request.get(
      `/api/aws-organizations/accounts/${LOG_ARCHIVE}/access.csv`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text).not.toMatch(PEOPLE);
    expect(text).not.toMatch(/OrgLogReader/);
  });
});
