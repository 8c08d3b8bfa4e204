import { test, expect } from '@playwright/test';

test('a guest signs in and finds a demo service in the catalog', async ({
  page,
}) => {
  await page.goto('/');

  const enterButton = page.getByRole('button', { name: 'Enter' });
  await expect(enterButton).toBeVisible();
  await enterButton.click();

  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(
    nav.getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();

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
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
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
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  // The backend syncs the emulator's demo organization on startup and the
  // catalog module commits it; poll until the account entity is there.
  await expect(async () => {
    await page.goto('/catalog/default/resource/aws-account-724108355203');
    await expect(
      page.getByRole('heading', { name: 'payments-prod-us' }).first(),
    ).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
});
