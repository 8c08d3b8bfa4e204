/*
 * The account lookup page, `/aws-organizations/accounts/:accountId`, as a
 * link from outside the portal lands on it: an account the catalog has opens
 * its catalog page; a well-formed id the catalog lacks says so, what the
 * organization as last synced says of it and when to expect it; a malformed
 * id says what an account id is. No page logs a console error or warning.
 */
import { expect, test } from '@playwright/test';
import {
  ACCOUNT_PAGE,
  PAYMENTS_PROD_US,
  collectConsole,
  signInAsGuest,
} from './portal';

/** Well-formed, and no account of the demo organization. */
const NOT_IN_THE_ORGANIZATION = '999999999999';

test('an account in the catalog opens its catalog page', async ({ page }) => {
  const console = collectConsole(page);
  await signInAsGuest(page);
  // Its path: the catalog's home adds its filters to the query by itself.
  const before = new URL(page.url()).pathname;
  await page.goto(`/aws-organizations/accounts/${PAYMENTS_PROD_US}`);
  await expect(page).toHaveURL(new RegExp(`${ACCOUNT_PAGE}$`));
  await expect(
    page.getByRole('heading', { name: 'payments-prod-us' }).first(),
  ).toBeVisible();
  // Replaced, not pushed: Back goes to the page before the lookup (a lookup
  // left in the history would send Back to the account page again).
  await page.goBack();
  await expect(page).toHaveURL(url => url.pathname === before);
  console.expectNone();
});

test('an account the catalog lacks says so and when to expect it', async ({
  page,
}) => {
  const console = collectConsole(page);
  await signInAsGuest(page);
  await page.goto(`/aws-organizations/accounts/${NOT_IN_THE_ORGANIZATION}`);
  await expect(
    page.getByRole('heading', {
      name: `AWS account ${NOT_IN_THE_ORGANIZATION}`,
    }),
  ).toBeVisible();
  const notice = page.getByTestId('aws-account-not-in-catalog');
  await expect(notice).toContainText(
    `Account ${NOT_IN_THE_ORGANIZATION} is not in the catalog yet`,
  );
  await expect(notice).toContainText(
    `No account ${NOT_IN_THE_ORGANIZATION} in the AWS organization as last synced (read `,
  );
  await expect(notice).toContainText('appears after the next sync');
  // Beside it, the sync status (when the next sync brings it).
  await expect(page.getByTestId('aws-sync-status')).toBeVisible();
  await expect(page.getByTestId('aws-sync-now')).toBeVisible();
  // Not an error, and no error panel.
  await expect(page.getByTestId('aws-error')).toHaveCount(0);
  // The browser's own note of the two expected 404s (the backend and the
  // catalog lack the account) is the only console message.
  const expected404 = new RegExp(
    `Failed to load resource: the server responded with a status of 404 \\(Not Found\\) \\(http://[^/]+/api/(aws-organizations/accounts/${NOT_IN_THE_ORGANIZATION}|catalog/entities/by-name/resource/default/aws-account-${NOT_IN_THE_ORGANIZATION}):0\\)$`,
  );
  expect(
    console.messages.filter(m => !expected404.test(m)),
    'console errors and warnings',
  ).toEqual([]);
});

test('a malformed account id says what an account id is', async ({ page }) => {
  const console = collectConsole(page);
  await signInAsGuest(page);
  await page.goto('/aws-organizations/accounts/12345-not-an-id');
  await expect(page.getByTestId('aws-invalid-request')).toContainText(
    "'12345-not-an-id' is not an AWS account id: an account id is 12 digits",
  );
  await expect(page.getByTestId('aws-account-not-in-catalog')).toHaveCount(0);
  console.expectNone();
});
