/*
 * The team page's "AWS compliance" card (the side column of a Group's
 * overview): the accounts the team owns per compliance status, as the
 * backend counts them, and its non-compliant accounts by name, each a link
 * to the account's catalog page; and the recent changes of its accounts, as
 * `GET /changes?owner=` lists them.
 */
import { expect, test } from '@playwright/test';
import { collectConsole, getJson, signInAsGuest, tokenOf } from './portal';

const TEAM = 'group:default/payments';

test("the team page's AWS compliance card counts and names the team's accounts", async ({
  page,
  request,
}) => {
  const token = await tokenOf(request, 'guest');
  const owners = await getJson(
    request,
    `/api/aws-organizations/compliance/owners?ref=${encodeURIComponent(TEAM)}`,
    token,
  );
  expect(owners.items).toHaveLength(1);
  const { pass, fail, warn, unknown } = owners.items[0].counts;
  const total = pass + fail + warn + unknown;
  const failing = await getJson(
    request,
    `/api/aws-organizations/accounts?owner=${encodeURIComponent(
      TEAM,
    )}&compliance=fail&limit=5`,
    token,
  );
  // The demo's payments team owns a non-compliant account (payments-prod-us).
  expect(fail).toBeGreaterThan(0);
  const changes = await getJson(
    request,
    `/api/aws-organizations/changes?owner=${encodeURIComponent(TEAM)}&limit=5`,
    token,
  );

  const console = collectConsole(page);
  await signInAsGuest(page);
  await page.goto('/catalog/default/group/payments');
  const card = page.getByTestId('aws-group-compliance');
  await expect(card.getByTestId('aws-group-compliance-counts')).toContainText(
    `${fail} of ${total} account${total === 1 ? '' : 's'} non-compliant`,
  );
  const recent = card.getByTestId('aws-group-recent-changes');
  if (changes.totalCount === 0) {
    await expect(recent).toContainText(
      "No change of the team's accounts recorded.",
    );
  } else {
    for (const entry of changes.items as { summary: string }[]) {
      await expect(recent).toContainText(entry.summary);
    }
  }
  const listed = card.getByTestId('aws-group-non-compliant');
  for (const account of failing.items as { name: string; id: string }[]) {
    await expect(
      listed.getByRole('link', { name: account.name, exact: true }),
    ).toBeVisible();
  }
  await listed
    .getByRole('link', { name: failing.items[0].name, exact: true })
    .click();
  await expect(page).toHaveURL(
    new RegExp(`/catalog/default/resource/aws-account-${failing.items[0].id}$`),
  );
  console.expectNone();
});
