/*
 * The AWS Organizations pages of the demo portal, against the backend syncing
 * the emulator's demo organization (scripts/e2e-server.sh), signed in as the
 * guest (an admin). The ready setup has waited for the sync and the catalog,
 * so each test opens its pages once. The main pages are saved as
 * screenshots; with UPDATE_SCREENSHOTS=1 into docs/screenshots for the
 * README.
 */
import { expect, Page, test } from '@playwright/test';
import path from 'node:path';
import {
  ACCOUNT_PAGE,
  getJson,
  PAYMENTS_PROD_US,
  signInAsGuest,
  tokenOf,
} from './portal';

// The README's pictures are refreshed on demand (UPDATE_SCREENSHOTS=1 yarn
// test:e2e); ordinary runs, CI included, write them next to the report so the
// working tree stays clean.
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? path.resolve(__dirname, '../../../docs/screenshots')
  : path.resolve(__dirname, '../../../node_modules/.cache/e2e-screenshots');

test.use({ viewport: { width: 1440, height: 900 } });

/** An entity page tab (the new frontend system renders them as links). */
function tab(page: Page, title: string) {
  return page.getByRole('link', { name: title, exact: true });
}

async function screenshot(page: Page, name: string) {
  // Let charts and lazy code blocks settle before the picture.
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

test.beforeEach(async ({ page }) => {
  await signInAsGuest(page);
});

test('an account page shows its guardrails and a failing rule', async ({
  page,
}) => {
  await page.goto(`${ACCOUNT_PAGE}/aws-account`);
  await expect(page.getByTestId('aws-account-path')).toContainText('Prod-US');
  await expect(page.getByTestId('aws-account-path')).toContainText('Workloads');
  await expect(page.getByTestId('aws-hosted-services')).toContainText(
    'payments-api',
  );
  await expect(
    page.getByRole('link', { name: /Open the AWS console/ }),
  ).toBeVisible();
  await screenshot(page, 'account-overview');

  await tab(page, 'Guardrails').click();
  const ouLevels = page.getByTestId('aws-guardrail-level-ou');
  await expect(ouLevels.filter({ hasText: 'Workloads' })).toContainText(
    'DenyIamUserCreation',
  );
  await expect(page.getByTestId('aws-guardrails-summary')).not.toBeEmpty();
  await expect(page.getByTestId('aws-guardrail-level-root')).toBeVisible();
  await screenshot(page, 'account-guardrails');

  await tab(page, 'Compliance').click();
  await expect(page.getByTestId('aws-compliance-overall')).toContainText(
    'Non-compliant',
  );
  const directAdmin = page.getByRole('row', {
    name: /Privileged permission sets are assigned to groups, not users/,
  });
  await expect(directAdmin.getByTestId('aws-compliance-fail')).toBeVisible();
  await expect(directAdmin).toContainText('tom.okafor');
  await screenshot(page, 'account-compliance');
});

test('the simulator denies creating an IAM user in a workload account', async ({
  page,
}) => {
  await page.goto(`${ACCOUNT_PAGE}/guardrails`);
  await expect(page.getByTestId('aws-guardrail-level-root')).toBeVisible();
  await page.getByRole('textbox', { name: 'Action' }).fill('iam:CreateUser');
  await page.getByRole('textbox', { name: 'Region' }).fill('us-east-1');
  await page.getByRole('button', { name: 'Simulate' }).click();
  const result = page.getByTestId('aws-simulation-result');
  await expect(result.getByTestId('aws-simulation-denied')).toBeVisible();
  await expect(result).toContainText('DenyIamUserCreation');

  // Outside the approved regions, the region SCP exempts a break-glass role:
  // without a principal the answer is indeterminate, never a silent allow.
  await page.getByRole('textbox', { name: 'Action' }).fill('s3:ListBucket');
  await page.getByRole('textbox', { name: 'Region' }).fill('ap-southeast-2');
  await page.getByRole('button', { name: 'Simulate' }).click();
  await expect(
    result.getByTestId('aws-simulation-indeterminate'),
  ).toBeVisible();
  await expect(result).toContainText('aws:PrincipalArn');
  // For an ordinary role it is denied by the region restriction.
  await page
    .getByRole('textbox', { name: 'Principal ARN' })
    .fill(`arn:aws:iam::${PAYMENTS_PROD_US}:role/Developer`);
  await page.getByRole('button', { name: 'Simulate' }).click();
  await expect(result.getByTestId('aws-simulation-denied')).toBeVisible();
  await expect(result).toContainText('DenyOutsideApprovedRegions');
  await result.scrollIntoViewIfNeeded();
  await screenshot(page, 'guardrail-simulator');

  // An action the shared request schema refuses: the reason shows at the
  // field (checked before sending, with the backend's own schema), and no
  // result or error panel claims an answer.
  const action = page.getByRole('textbox', { name: 'Action' });
  await action.fill('CreateUser');
  await page.getByRole('button', { name: 'Simulate' }).click();
  await expect(action).toHaveAttribute('aria-invalid', 'true');
  await expect(
    page.getByText(/must be one action, service:Action/),
  ).toBeVisible();
  await expect(page.getByTestId('aws-simulation-result')).toHaveCount(0);
  // Fixing the field clears its issue.
  await action.fill('iam:CreateUser');
  await expect(action).toHaveAttribute('aria-invalid', 'false');
});

test('a team page lists the accounts the team owns and can reach', async ({
  page,
}) => {
  await page.goto('/catalog/default/group/payments');
  await expect(page.getByTestId('aws-group-owned')).toContainText(
    'payments-prod-us',
  );
  const owned = page.getByTestId('aws-group-owned');
  for (const account of [
    'payments-dev',
    'payments-staging',
    'payments-prod-eu',
  ]) {
    await expect(owned).toContainText(account);
  }
  await expect(page.getByTestId('aws-group-reachable')).toContainText(
    'ReadOnly',
  );
  await page.getByTestId('aws-group-owned').scrollIntoViewIfNeeded();
  await screenshot(page, 'team-accounts');
});

test("a service page shows its account's compliance", async ({ page }) => {
  const card = page.getByTestId(`aws-workload-account-${PAYMENTS_PROD_US}`);
  await page.goto('/catalog/default/component/payments-api');
  await expect(card).toContainText('payments-prod-us');
  await expect(card.getByTestId('aws-compliance-fail').first()).toBeVisible();
  await expect(card).toContainText(
    'Privileged permission sets are assigned to groups, not users',
  );
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'service-account-compliance');
});

test('the org explorer filters accounts and syncs now', async ({
  page,
  request,
}) => {
  await page.goto('/aws-organizations');
  await expect(page.getByTestId('aws-sync-status')).toContainText('Succeeded');
  await expect(page.getByTestId('aws-tree-node-r-a1b2')).toContainText(
    'accounts',
  );
  await expect(page.getByTestId('aws-chart-failed-rules')).toContainText(
    'Privileged permission sets are assigned to groups, not users',
  );
  const table = page.getByTestId('aws-account-table');
  await expect(table).toContainText('payments-prod-us');
  await screenshot(page, 'org-explorer');

  // The failing accounts as the API judges them (which ones fail depends
  // on what the demo reads: roles add the IAM user of payments-dev, ...).
  const token = await tokenOf(request, 'guest');
  const failing = new Set<string>(
    (
      await getJson(
        request,
        '/api/aws-organizations/accounts?compliance=fail&limit=100',
        token,
      )
    ).items.map((a: { name: string }) => a.name),
  );
  const passing = (
    await getJson(
      request,
      '/api/aws-organizations/accounts?compliance=pass&limit=100',
      token,
    )
  ).items.map((a: { name: string }) => a.name) as string[];
  expect(failing.has('payments-prod-us')).toBe(true);
  expect(passing.length).toBeGreaterThan(0);
  const compliant = passing[0];

  const filters = page.getByTestId('aws-account-filters');
  await filters.getByLabel('Compliance').selectOption('fail');
  await expect(table).toContainText('payments-prod-us');
  await filters.getByLabel('Search accounts').fill(compliant);
  await expect(table).not.toContainText(compliant);
  await filters.getByLabel('Compliance').selectOption('');
  await expect(table).toContainText(compliant);
  await filters.getByLabel('Search accounts').fill('payments');
  await filters.getByLabel('Compliance').selectOption('fail');
  await expect(table).toContainText('payments-prod-us');
  await expect(table).not.toContainText('checkout-');

  await page.getByTestId('aws-sync-now').click();
  await expect(page.getByTestId('aws-sync-message')).toHaveText(
    /Sync started\.|A sync is already running\./,
  );
  await expect(page.getByTestId('aws-sync-status')).toContainText(
    /Last attempt: Succeeded \(manual\)/,
    // A whole sync of the demo organization, on a possibly busy machine.
    { timeout: 90_000 },
  );
});
