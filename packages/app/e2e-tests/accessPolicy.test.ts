/*
 * The access policy on every surface (plugins/aws-organizations-backend
 * README, "Security model"): a person without aws-organizations.access.read
 * sees which teams reach an account with which permission set, never which
 * people hold grants. tom.okafor holds AdministratorAccess on
 * payments-prod-us directly; the demo developer (Priya Patel, payments, not
 * an admin) must not learn it from the catalog API, the entity pages, the
 * user page or the catalog graph; the guest (an admin) sees it where the
 * gated API serves it.
 */
import { expect, Page, test } from '@playwright/test';
import {
  ACCOUNT_PAGE,
  getJson,
  PAYMENTS_PROD_US,
  signInAsDemoDeveloper,
  signInAsGuest,
  tokenOf,
} from './portal';

const ACCOUNT_REF = `resource/default/aws-account-${PAYMENTS_PROD_US}`;
const DIRECT_ADMIN_RULE =
  /Privileged permission sets are assigned to groups, not users/;

test.use({ viewport: { width: 1440, height: 900 } });

/** The entity page tab of that title (the new frontend system: links). */
const tab = (page: Page, title: string) =>
  page.getByRole('link', { name: title, exact: true });

/** The catalog graph card of an entity page, once it has drawn its nodes. */
async function graphOf(page: Page, entityPath: string) {
  await page.goto(entityPath);
  const graph = page
    .locator('svg')
    .filter({ has: page.locator('[data-testid="node"]') });
  await expect(graph.first()).toBeVisible();
  return graph.first();
}

test.describe('as the demo developer, not an admin', () => {
  test.beforeEach(async ({ page }) => {
    await signInAsDemoDeveloper(page);
  });

  test('the catalog API holds team-level access only: no user grant, no member list', async ({
    request,
  }) => {
    const token = await tokenOf(request, 'demo-developer');
    const account = await getJson(
      request,
      `/api/catalog/entities/by-name/${ACCOUNT_REF}`,
      token,
    );
    expect(account.spec.accessGrants.length).toBeGreaterThan(0);
    for (const grant of account.spec.accessGrants) {
      expect(grant.principalType).toBe('GROUP');
    }
    expect(JSON.stringify(account)).not.toMatch(/tom\.okafor|"USER"/);
    expect(
      account.relations.filter((r: any) => r.targetRef.startsWith('user:')),
    ).toEqual([]);
    // The team-level reach stays: the permission sets provisioned there.
    expect(account.relations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'hasPermissionSet' }),
      ]),
    );
    const tom = await getJson(
      request,
      '/api/catalog/entities/by-name/user/default/tom.okafor',
      token,
    );
    expect(tom.relations.filter((r: any) => r.type === 'hasAccessTo')).toEqual(
      [],
    );
    // The gated API says no, the same.
    const denied = await request.get(
      '/api/aws-organizations/principals/user/default/tom.okafor/access',
      { headers: { Authorization: `Bearer ${token}` } },
    );
    expect(denied.status()).toBe(403);
  });

  test('the account page shows which groups reach it, and no person', async ({
    page,
  }) => {
    await page.goto(`${ACCOUNT_PAGE}/access`);
    await expect(page.getByTestId('aws-access-team-level')).toBeVisible();
    await expect(
      page.getByText('Groups that can access this account'),
    ).toBeVisible();
    await expect(page.locator('main')).not.toContainText('tom.okafor');

    await tab(page, 'Compliance').click();
    const directAdmin = page.getByRole('row', { name: DIRECT_ADMIN_RULE });
    await expect(directAdmin.getByTestId('aws-compliance-fail')).toBeVisible();
    await expect(directAdmin).toContainText('who holds them is restricted');
    await expect(page.locator('main')).not.toContainText('tom.okafor');

    await tab(page, 'History').click();
    await expect(page.locator('main')).not.toContainText('tom.okafor');
  });

  test("another person's page: their AWS access is restricted, the graph shows no account", async ({
    page,
  }) => {
    await page.goto('/catalog/default/user/tom.okafor');
    await expect(page.getByTestId('aws-restricted')).toBeVisible();
    const graph = await graphOf(page, '/catalog/default/user/tom.okafor');
    await expect(graph).toContainText('Payments');
    await expect(graph).toContainText('Tom Okafor');
    await expect(graph).not.toContainText('payments-prod-us');
  });

  test("the account's graph shows teams and permission sets, no person", async ({
    page,
  }) => {
    const graph = await graphOf(page, ACCOUNT_PAGE);
    await expect(graph).toContainText('AdministratorAccess');
    await expect(graph).not.toContainText('tom.okafor');
  });

  test('one sees one’s own access', async ({ page }) => {
    await page.goto('/catalog/default/user/priya.patel');
    // Through her team: Payments holds Developer on payments-dev.
    await expect(
      page.getByRole('row', { name: /payments-dev/ }).first(),
    ).toBeVisible();
    await expect(page.getByTestId('aws-restricted')).toHaveCount(0);
  });
});

test.describe('as the guest, an admin', () => {
  test.beforeEach(async ({ page }) => {
    await signInAsGuest(page);
  });

  test('the gated API serves who holds which grant; the catalog still names no person', async ({
    request,
  }) => {
    const token = await tokenOf(request, 'guest');
    const access = await getJson(
      request,
      `/api/aws-organizations/accounts/${PAYMENTS_PROD_US}/access`,
      token,
    );
    expect(access.restricted).toBeUndefined();
    expect(access.grants).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          principal: expect.objectContaining({
            type: 'USER',
            name: 'tom.okafor',
          }),
          permissionSet: expect.objectContaining({
            name: 'AdministratorAccess',
          }),
        }),
      ]),
    );
    const account = await getJson(
      request,
      `/api/catalog/entities/by-name/${ACCOUNT_REF}`,
      token,
    );
    expect(JSON.stringify(account)).not.toMatch(/tom\.okafor/);
  });

  test('the account page shows tom.okafor holding AdministratorAccess', async ({
    page,
  }) => {
    await page.goto(`${ACCOUNT_PAGE}/access`);
    await expect(page.getByTestId('aws-access-team-level')).toHaveCount(0);
    const row = page.getByRole('row', { name: /tom\.okafor/ });
    await expect(row).toContainText('AdministratorAccess');
    await expect(row).toContainText('Direct');

    await tab(page, 'Compliance').click();
    await expect(
      page.getByRole('row', { name: DIRECT_ADMIN_RULE }),
    ).toContainText('tom.okafor');
  });

  test("tom.okafor's page lists his direct AdministratorAccess", async ({
    page,
  }) => {
    await page.goto('/catalog/default/user/tom.okafor');
    const row = page.getByRole('row', {
      name: /payments-prod-us.*AdministratorAccess/,
    });
    await expect(row).toContainText('Direct');
  });
});
