/*
 * Access reviews on the demo (issue 19): the guest (an admin, platform team)
 * starts a campaign from the Reviews page over a payments account and
 * another team's; Priya Patel (the demo developer, payments team) sees only
 * the payments items, revokes one with a reason and keeps a privileged one
 * (a reason required, by the dialog and by the backend); she cannot decide
 * the other team's item; once the emulator removes the revoked assignment
 * and a sync runs, the remediation entry closes; the evidence export lists
 * every decision. The assignment is put back (and synced again) so later
 * tests see the demo as it was.
 */
import { APIRequestContext, expect, test } from '@playwright/test';
import path from 'node:path';
import {
  collectConsole,
  getJson,
  PAYMENTS_DEV,
  signInAsDemoDeveloper,
  signInAsGuest,
  tokenOf,
} from './portal';

// The README's picture is refreshed on demand (UPDATE_SCREENSHOTS=1), as
// awsOrganizations.test.ts does; else next to the report.
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? path.resolve(__dirname, '../../../docs/screenshots')
  : path.resolve(__dirname, '../../../node_modules/.cache/e2e-screenshots');
const VIEWPORT = { width: 1440, height: 900 };

const EMULATOR = process.env.EMULATOR_URL ?? 'http://127.0.0.1:4566';
const API = '/api/aws-organizations';

interface Item {
  id: string;
  accountId: string;
  ownerRef?: string;
  assigneeRef?: string;
  privileged: boolean;
  principalType: 'USER' | 'GROUP';
  principalId: string;
  permissionSetArn: string;
}

async function emulatorCall(
  request: APIRequestContext,
  operation: string,
  body: object,
) {
  const res = await request.post(
    `${EMULATOR}/_emulator/calls/ssoAdmin/${operation}`,
    { data: body },
  );
  expect(res.status(), await res.text()).toBe(200);
}

async function post(
  request: APIRequestContext,
  route: string,
  token: string,
  data?: object,
) {
  return request.post(`${API}${route}`, {
    headers: { Authorization: `Bearer ${token}` },
    ...(data ? { data } : {}),
  });
}

/**
 * Starts a sync and waits for it to finish; when one is running already
 * (409, e.g. after an event), waits for that one instead.
 */
async function syncAndWait(request: APIRequestContext, token: string) {
  const before = await getJson(request, `${API}/sync/status`, token);
  const res = await post(request, '/sync', token);
  expect([202, 409]).toContain(res.status());
  await expect
    .poll(
      async () => {
        const last = (await getJson(request, `${API}/sync/status`, token))
          .lastAttempt;
        if (!last || last.status === 'running') return 'running';
        return res.status() === 409 || last.id !== before.lastAttempt?.id
          ? 'done'
          : 'waiting';
      },
      { timeout: 240_000, intervals: [1000] },
    )
    .toBe('done');
}

test('a campaign: started by an admin, decided by the owner team, remediated and evidenced', async ({
  browser,
  request,
}) => {
  test.setTimeout(480_000);
  const guestToken = await tokenOf(request, 'guest');
  const priyaToken = await tokenOf(request, 'demo-developer');

  // Another team's account with grants, for the "cannot decide" part.
  const accounts = await getJson(
    request,
    `${API}/accounts?limit=100`,
    guestToken,
  );
  const other = (
    accounts.items as { id: string; owner: { ref?: string } }[]
  ).find(a => a.owner.ref && a.owner.ref !== 'group:default/payments');
  expect(other, 'an account of another team').toBeDefined();

  // The guest starts the campaign on the Reviews page.
  const guest = await browser.newPage({ viewport: VIEWPORT });
  const guestConsole = collectConsole(guest);
  await signInAsGuest(guest);
  await guest.goto('/aws-organizations/reviews');
  await guest.getByTestId('aws-start-campaign').click();
  const dialog = guest.getByRole('dialog');
  const name = `E2E review ${Date.now()}`;
  await dialog.getByLabel('Name').fill(name);
  for (const accountId of [PAYMENTS_DEV, other!.id]) {
    await dialog.getByLabel('Accounts').fill(accountId);
    await guest
      .getByRole('option', { name: new RegExp(`\\(${accountId}\\)`) })
      .click();
  }
  await dialog.getByRole('button', { name: 'Start campaign' }).click();
  await expect(guest).toHaveURL(/\/aws-organizations\/reviews\/\d+$/);
  const campaignId = guest.url().split('/').pop()!;
  await expect(guest.getByTestId('aws-campaign-summary')).toContainText(
    `accounts ${PAYMENTS_DEV}, ${other!.id}`,
  );

  const all: Item[] = (
    await getJson(
      request,
      `${API}/reviews/campaigns/${campaignId}/items?limit=500`,
      guestToken,
    )
  ).items;
  const payments = all.filter(i => i.accountId === PAYMENTS_DEV);
  const others = all.filter(i => i.accountId === other!.id);
  expect(payments.length).toBeGreaterThanOrEqual(2);
  expect(others.length).toBeGreaterThan(0);
  // Revoke a non-privileged one, keep a privileged one (its reason is
  // required): payments-dev holds both, the security team's SecurityAudit
  // and the payments team's Developer (PowerUserAccess).
  const toRevoke = payments.find(i => !i.privileged)!;
  const toKeep = payments.find(i => i.privileged)!;
  expect(toRevoke, 'a non-privileged payments item').toBeDefined();
  expect(toKeep, 'a privileged payments item').toBeDefined();

  // Priya sees only the payments items.
  const priya = await browser.newPage({ viewport: VIEWPORT });
  const priyaConsole = collectConsole(priya);
  await signInAsDemoDeveloper(priya);
  await priya.goto(`/aws-organizations/reviews/${campaignId}`);
  const queue = priya.getByTestId('aws-review-queue');
  await expect(queue.getByTestId('aws-review-item')).toHaveCount(
    payments.length,
  );
  await expect(priya.getByTestId('aws-review-bulk')).toContainText(
    `${payments.length} item`,
  );
  for (const item of others) {
    await expect(queue.locator(`[data-item-id="${item.id}"]`)).toHaveCount(0);
  }
  const row = (id: string) => queue.locator(`[data-item-id="${id}"]`);

  // Revoke one with a reason.
  await row(toRevoke.id).getByRole('button', { name: 'Revoke' }).click();
  await priya.getByLabel(/Reason/).fill('left the payments team');
  await priya.getByTestId('aws-decision-submit').click();
  await expect(priya.getByTestId('aws-review-message')).toHaveText(
    'Revoked 1 item.',
  );
  await expect(row(toRevoke.id)).toContainText('Revoked');
  await expect(row(toRevoke.id)).toContainText('left the payments team');

  // Keep the privileged one: without a reason the backend refuses it and
  // the dialog does not submit.
  const keptWithoutReason = await post(
    request,
    '/reviews/decisions',
    priyaToken,
    { itemIds: [toKeep.id], decision: 'keep' },
  );
  expect(keptWithoutReason.status()).toBe(400);
  expect(await keptWithoutReason.text()).toContain(
    'reason: required to keep a privileged grant',
  );
  await row(toKeep.id).getByRole('button', { name: 'Keep' }).click();
  await expect(priya.getByTestId('aws-decision-submit')).toBeDisabled();
  await priya.getByLabel(/Reason/).fill('on-call payments engineers');
  await priya.getByTestId('aws-decision-submit').click();
  await expect(row(toKeep.id)).toContainText('Kept');

  // The remediation entry says what to run.
  const entry = priya.getByTestId('aws-remediation');
  await expect(entry).toHaveCount(1);
  await expect(entry).toHaveAttribute('data-status', 'open');
  await expect(entry).toContainText('aws sso-admin delete-account-assignment');
  await expect(entry).toContainText(`--principal-id ${toRevoke.principalId}`);

  await priya.waitForLoadState('networkidle');
  // The picture: the page from its top (the decisions scrolled it; the
  // app's content scrolls, not the window, so fullPage is the viewport),
  // tall enough for the campaign, the queue and the remediation entry.
  await priya.setViewportSize({ width: VIEWPORT.width, height: 1400 });
  await priya.evaluate(() => {
    window.scrollTo(0, 0);
    document.querySelectorAll('*').forEach(el => {
      if (el.scrollTop > 0) el.scrollTop = 0;
    });
  });
  await priya.screenshot({
    path: path.join(SCREENSHOTS, 'access-review-queue.png'),
    fullPage: true,
  });
  await priya.setViewportSize(VIEWPORT);

  // Another team's item: priya may not decide it.
  const refused = await post(request, '/reviews/decisions', priyaToken, {
    itemIds: [others[0].id],
    decision: 'revoke',
    reason: 'not mine',
  });
  expect(refused.status()).toBe(403);
  // Nor may she export the evidence.
  const evidenceRes = await request.get(
    `${API}/reviews/campaigns/${campaignId}/evidence.json`,
    { headers: { Authorization: `Bearer ${priyaToken}` } },
  );
  expect(evidenceRes.status()).toBe(403);

  // The emulator removes the revoked assignment; a sync closes the entry.
  const remediations = await getJson(
    request,
    `${API}/reviews/remediations?campaignId=${campaignId}`,
    guestToken,
  );
  const open = remediations.items[0];
  const assignment = {
    InstanceArn: open.instanceArn,
    TargetId: open.accountId,
    TargetType: 'AWS_ACCOUNT',
    PermissionSetArn: open.permissionSetArn,
    PrincipalType: open.principalType,
    PrincipalId: open.principalId,
  };
  await emulatorCall(request, 'DeleteAccountAssignment', assignment);
  try {
    await syncAndWait(request, guestToken);
    await expect
      .poll(
        async () =>
          (
            await getJson(
              request,
              `${API}/reviews/remediations?campaignId=${campaignId}`,
              guestToken,
            )
          ).items[0].status,
        { timeout: 240_000, intervals: [2000] },
      )
      .toBe('closed');
    await guest.reload();
    await expect(guest.getByTestId('aws-remediation')).toHaveAttribute(
      'data-status',
      'closed',
    );
    await expect(guest.getByTestId('aws-remediation')).toContainText(
      'Nothing: the assignment is gone',
    );

    // The evidence lists every decision, with who, why and the revocation.
    const evidence = await getJson(
      request,
      `${API}/reviews/campaigns/${campaignId}/evidence.json`,
      guestToken,
    );
    expect(evidence.content.items).toHaveLength(all.length);
    const byId = new Map(
      evidence.content.items.map((i: { itemId: string }) => [i.itemId, i]),
    );
    expect(byId.get(toRevoke.id)).toMatchObject({
      decision: 'revoke',
      decidedBy: 'user:default/priya.patel',
      reason: 'left the payments team',
      revocation: { status: 'closed' },
    });
    expect(byId.get(toKeep.id)).toMatchObject({
      decision: 'keep',
      decidedBy: 'user:default/priya.patel',
      reason: 'on-call payments engineers',
    });
    expect(
      evidence.content.items.filter((i: { decision?: string }) => i.decision),
    ).toHaveLength(2);
    const csv = await request.get(
      `${API}/reviews/campaigns/${campaignId}/evidence.csv`,
      { headers: { Authorization: `Bearer ${guestToken}` } },
    );
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text.trim().split('\r\n')).toHaveLength(all.length + 1);
    expect(text).toContain('left the payments team');
    expect(text).toContain('on-call payments engineers');
  } finally {
    // Back as it was for the tests after this one.
    await emulatorCall(request, 'CreateAccountAssignment', assignment);
    await syncAndWait(request, guestToken);
    await post(request, `/reviews/campaigns/${campaignId}/close`, guestToken);
  }
  guestConsole.expectNone();
  priyaConsole.expectNone();
});
