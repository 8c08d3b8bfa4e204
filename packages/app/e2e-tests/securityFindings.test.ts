/*
 * What AWS's detectors found (issue #18), on every surface, visible to
 * those who own the accounts: the guest (platform team, an admin) sees the
 * findings of any account; Priya Patel (the demo developer, payments team)
 * sees the findings of payments-prod-us, which her team owns, and at most
 * the counts of checkout-prod-us (the checkout team's), never its
 * findings. The demo's story (packages/aws-emulator, demoSignals.ts): a
 * critical Inspector finding on the payments-api Lambda function in
 * payments-prod-us, an external principal on VendorSupportAccess in
 * checkout-prod-us. The Security tab is saved as a screenshot; with
 * UPDATE_SCREENSHOTS=1 into docs/screenshots for the README.
 */
import { expect, Page, test } from '@playwright/test';
import path from 'node:path';
import {
  ACCOUNT_PAGE,
  collectConsole,
  PAYMENTS_PROD_US,
  signInAsDemoDeveloper,
  signInAsGuest,
  tokenOf,
} from './portal';

const CHECKOUT_PROD_US = '735519466303';
const CHECKOUT_PAGE = `/catalog/default/resource/aws-account-${CHECKOUT_PROD_US}`;
const PAYMENTS_CRITICAL = 'CVE-2024-3094 - xz-utils';
const CHECKOUT_FINDING = /VendorSupportAccess/;

const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? path.resolve(__dirname, '../../../docs/screenshots')
  : path.resolve(__dirname, '../../../node_modules/.cache/e2e-screenshots');

test.use({ viewport: { width: 1440, height: 1100 } });

/** The Security tab of an account page, once its counts are in. */
async function openSecurityTab(page: Page, accountPage: string) {
  await page.goto(`${accountPage}/security`);
  await expect(
    page
      .getByTestId('aws-findings-total')
      .or(page.getByTestId('aws-restricted')),
  ).toBeVisible();
}

test.describe('as the guest, an admin', () => {
  test.beforeEach(async ({ page }) => {
    await signInAsGuest(page);
  });

  test("the Security tab shows the payments account's counts by source, trend and top findings with console links", async ({
    page,
    request,
  }) => {
    // A second sync (if this portal has had one only), so that the trend
    // has two points to draw: a whole sync on a possibly busy machine.
    test.setTimeout(300_000);
    const token = await tokenOf(request, 'guest');
    const auth = { headers: { Authorization: `Bearer ${token}` } };
    const history = `/api/aws-organizations/accounts/${PAYMENTS_PROD_US}/findings/history`;
    const points = async () =>
      (await (await request.get(history, auth)).json()).points.length;
    if ((await points()) < 2) {
      const started = await request.post('/api/aws-organizations/sync', auth);
      expect([202, 409]).toContain(started.status());
      await expect
        .poll(points, { timeout: 240_000, intervals: [2_000] })
        .toBeGreaterThanOrEqual(2);
    }

    const console = collectConsole(page);
    await openSecurityTab(page, ACCOUNT_PAGE);
    const total = page.getByTestId('aws-findings-total');
    await expect(total).toContainText('Critical 1');
    await expect(total).toContainText('High 1');
    const hub = page.getByTestId('aws-source-security-hub');
    await expect(hub).toContainText('Connected');
    await expect(hub).toContainText('older than 30 days');
    await expect(page.getByTestId('aws-source-access-analyzer')).toContainText(
      'Connected',
    );
    await expect(page.getByTestId('aws-config-compliance')).toContainText(
      '0 non-compliant',
    );
    await expect(page.getByTestId('aws-source-cloudtrail')).toContainText(
      'Connected',
    );
    const row = page.getByRole('row', { name: new RegExp(PAYMENTS_CRITICAL) });
    await expect(row).toContainText('Critical');
    await expect(row).toContainText('Inspector');
    await expect(row.getByTestId('aws-finding-console-link')).toHaveAttribute(
      'href',
      /^https:\/\/[a-z0-9-]+\.console\.aws\.amazon\.com\/securityhub\//,
    );
    const trend = page.getByTestId('aws-findings-trend');
    await expect(trend.getByRole('img')).toHaveAttribute(
      'aria-label',
      /^Active findings over the last \d+ syncs: 2 on .*, 2 on /,
    );
    await expect(page.getByTestId('aws-findings-counts-only')).toHaveCount(0);
    await page.waitForLoadState('networkidle');
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'account-security.png'),
      fullPage: true,
    });
    console.expectNone();
  });

  test("another team's account: the guest sees its findings too", async ({
    page,
  }) => {
    await openSecurityTab(page, CHECKOUT_PAGE);
    await expect(
      page.getByRole('row', { name: CHECKOUT_FINDING }).first(),
    ).toBeVisible();
  });

  test('the org explorer rolls the findings up by OU', async ({ page }) => {
    await page.goto('/aws-organizations');
    const byOu = page.getByTestId('aws-findings-by-ou');
    await expect(byOu).toContainText('The whole organization');
    await expect(
      byOu.getByTestId('aws-findings-unit').filter({ hasText: 'Prod-US' }),
    ).toContainText(/critical/);
  });
});

test.describe('as the demo developer of the payments team', () => {
  test.beforeEach(async ({ page }) => {
    await signInAsDemoDeveloper(page);
  });

  test('sees the findings of a payments account her team owns', async ({
    page,
  }) => {
    const console = collectConsole(page);
    await openSecurityTab(page, ACCOUNT_PAGE);
    await expect(page.getByTestId('aws-findings-total')).toContainText(
      'Critical 1',
    );
    await expect(
      page.getByRole('row', { name: new RegExp(PAYMENTS_CRITICAL) }),
    ).toBeVisible();
    await expect(page.getByTestId('aws-findings-counts-only')).toHaveCount(0);
    console.expectNone();
  });

  test("sees counts only, or nothing, on another team's account, never its findings", async ({
    page,
    request,
  }) => {
    const token = await tokenOf(request, 'demo-developer');
    const findings = await request.get(
      `/api/aws-organizations/accounts/${CHECKOUT_PROD_US}/findings`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    expect(findings.status()).toBe(403);
    expect(await findings.text()).not.toMatch(CHECKOUT_FINDING);

    await openSecurityTab(page, CHECKOUT_PAGE);
    await expect(
      page
        .getByTestId('aws-findings-counts-only')
        .or(page.getByTestId('aws-restricted')),
    ).toBeVisible();
    await expect(page.getByTestId('aws-findings-table')).toHaveCount(0);
    await expect(page.locator('main')).not.toContainText(CHECKOUT_FINDING);
  });

  test("the team page lists the findings of the payments team's accounts", async ({
    page,
  }) => {
    await page.goto('/catalog/default/group/payments');
    const card = page.getByTestId('aws-group-findings');
    await expect(
      card.getByRole('row', { name: new RegExp(PAYMENTS_CRITICAL) }),
    ).toBeVisible();
    await expect(card).toContainText('payments-prod-us');
  });

  test("the service page shows its account's counts and the findings tagged with the service", async ({
    page,
  }) => {
    await page.goto('/catalog/default/component/payments-api');
    const card = page.getByTestId(`aws-service-findings-${PAYMENTS_PROD_US}`);
    await expect(card).toContainText('The account:');
    await expect(card).toContainText(
      'On resources tagged service=payments-api',
    );
    await expect(
      card.getByRole('row', { name: new RegExp(PAYMENTS_CRITICAL) }),
    ).toBeVisible();
    // The GuardDuty finding is tagged service=payments-batch: not this service's.
    await expect(card).not.toContainText('Bitcoin');
  });
});
