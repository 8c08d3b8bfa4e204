/*
 * Every page and tab of the plugin, opened as the guest (an admin) and as
 * the demo developer (no access permission): none logs a console error or
 * warning (collectConsole in portal.ts lists the only third-party noise let
 * through), and an account's Relations card draws the AWS relations without
 * anyone picking them.
 */
import {
  APIRequestContext,
  expect,
  Locator,
  Page,
  test,
} from '@playwright/test';
import {
  ACCOUNT_PAGE,
  collectConsole,
  getJson,
  signInAsDemoDeveloper,
  signInAsGuest,
  tokenOf,
} from './portal';

test.use({ viewport: { width: 1440, height: 900 } });

/** The name of the first AWS entity of a spec.type, from the catalog. */
async function firstOfType(
  request: APIRequestContext,
  token: string,
  type: string,
): Promise<string> {
  const body = await getJson(
    request,
    `/api/catalog/entities/by-query?filter=kind=resource,spec.type=${type}&limit=1`,
    token,
  );
  expect(body.items.length, type).toBe(1);
  return body.items[0].metadata.name;
}

/** A plugin page and what it shows once loaded. */
interface PluginPage {
  path: string;
  shown: (page: Page) => Locator;
}

const byTestId =
  (id: string) =>
  (page: Page): Locator =>
    page.getByTestId(id).first();

/** Every page and tab of the plugin, as the guest sees them. */
async function pluginPages(request: APIRequestContext): Promise<PluginPage[]> {
  const token = await tokenOf(request, 'guest');
  const resource = (name: string) => `/catalog/default/resource/${name}`;
  const permissionSet = await firstOfType(request, token, 'aws-permission-set');
  const pages: [string, string | ((page: Page) => Locator)][] = [
    ['/aws-organizations', 'aws-tree-node-r-a1b2'],
    [ACCOUNT_PAGE, 'aws-compliance-fail'],
    [`${ACCOUNT_PAGE}/aws-account`, 'aws-account-path'],
    [`${ACCOUNT_PAGE}/guardrails`, 'aws-guardrail-level-root'],
    [`${ACCOUNT_PAGE}/access`, 'aws-access-export'],
    [`${ACCOUNT_PAGE}/compliance`, 'aws-compliance-overall'],
    [`${ACCOUNT_PAGE}/security`, 'aws-findings-total'],
    [
      `${ACCOUNT_PAGE}/history`,
      page => page.getByText(/No changes recorded|changes$/).first(),
    ],
    [`${resource('aws-root-a1b2')}/aws-organizational-unit`, 'aws-ou-rollup'],
    [
      `${resource('aws-ou-a1b2-u9e1k4wa')}/aws-organizational-unit`,
      'aws-ou-rollup',
    ],
    [`${resource('aws-scp-4n8k2x7q')}/aws-policy`, 'aws-policy-document'],
    [
      `${resource(permissionSet)}/aws-permission-set`,
      'aws-permission-set-accounts',
    ],
    [
      '/catalog/default/component/payments-api',
      'aws-workload-account-724108355203',
    ],
    ['/catalog/default/group/payments', 'aws-group-compliance-counts'],
    ['/catalog/default/user/tom.okafor', 'aws-user-access'],
  ];
  return pages.map(([path, shown]) => ({
    path,
    shown: typeof shown === 'string' ? byTestId(shown) : shown,
  }));
}

async function visitAll(page: Page, pages: PluginPage[]) {
  for (const { path, shown } of pages) {
    await page.goto(path);
    await expect(shown(page), path).toBeVisible();
    // Whatever the page still loads (charts, lazy cards) logs before the next.
    await page.waitForLoadState('networkidle');
  }
}

test('no plugin page logs a console error or warning (guest)', async ({
  page,
  request,
}) => {
  test.setTimeout(300_000);
  const pages = await pluginPages(request);
  const console = collectConsole(page);
  await signInAsGuest(page);
  await visitAll(page, pages);
  console.expectNone();
});

test('no plugin page logs a console error or warning (demo developer)', async ({
  page,
  request,
}) => {
  test.setTimeout(300_000);
  const pages = await pluginPages(request);
  const console = collectConsole(page);
  await signInAsDemoDeveloper(page);
  // The developer sees the access tab's team-level view and her own access.
  await visitAll(
    page,
    pages.map(({ path, shown }) => {
      if (path.endsWith('/access')) {
        return { path, shown: byTestId('aws-access-team-level') };
      }
      if (path.endsWith('/user/tom.okafor')) {
        return {
          path: '/catalog/default/user/priya.patel',
          shown: byTestId('aws-user-access'),
        };
      }
      return { path, shown };
    }),
  );
  console.expectNone();
});

test("an account's Relations card draws the AWS relations by default", async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto(ACCOUNT_PAGE);
  const card = page
    .locator('article, .MuiCard-root')
    .filter({ has: page.getByRole('heading', { name: 'Relations' }) })
    .first();
  // Edge labels name the relation (and its reverse, merged).
  for (const relation of [
    'hosts',
    'governedBy',
    'hasPermissionSet',
    'accessibleBy',
  ]) {
    await expect(
      card.locator('svg text', { hasText: relation }),
    ).not.toHaveCount(0);
  }
  // And the entities at their ends.
  await expect(card).toContainText('payments-api');
  await expect(card).toContainText('AdministratorAccess');
});
