import { test, expect } from '@playwright/test';
import { PAYMENTS_PROD_US, signInAsGuest } from './portal';

test('a guest signs in and finds a demo service in the catalog', async ({
  page,
}) => {
  await signInAsGuest(page);
  // The catalog lists the demo services of every team; open one.
  await page.goto('/?filters[kind]=component&filters[user]=all');
  await page.getByRole('link', { name: 'payments-api' }).click();
  await expect(
    page.getByRole('heading', { name: 'payments-api' }),
  ).toBeVisible();
  await expect(
    page.getByText('Card payment authorisation API').first(),
  ).toBeVisible();
});

test('the demo teams are in the catalog', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/?filters[kind]=group&filters[user]=all');
  for (const team of ['Security', 'Finance', 'Platform', 'Payments']) {
    await expect(
      page.getByRole('link', { name: team, exact: true }).first(),
    ).toBeVisible();
  }
});

test('the demo AWS organization is synced into the catalog', async ({
  page,
}) => {
  // The ready setup waited for the sync and the catalog's processing.
  await signInAsGuest(page);
  await page.goto(`/catalog/default/resource/aws-account-${PAYMENTS_PROD_US}`);
  await expect(
    page.getByRole('heading', { name: 'payments-prod-us' }).first(),
  ).toBeVisible();
});
