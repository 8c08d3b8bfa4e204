/*
 * The org explorer opened before the first sync: one calm "waiting" state
 * (no error panel), which turns into the synced view by itself when the sync
 * lands, without a reload. The e2e backend syncs only when asked
 * (app-config.e2e.yaml: `schedule.frequency: { trigger: manual }`), so this
 * setup opens the page first, then starts the first sync through the API, as
 * a scheduled run would start behind the page's back. The ready setup runs
 * after it.
 */
import { expect, test as setup } from '@playwright/test';
import { collectConsole, signInAsGuest, tokenOf } from './portal';

setup.setTimeout(300_000);

setup(
  'the org explorer turns from waiting for the first sync into the synced view by itself',
  async ({ page, request }) => {
    const token = await tokenOf(request, 'guest');
    const status = await request.get('/api/aws-organizations/sync/status', {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(status.status()).toBe(200);
    expect(
      (await status.json()).snapshotEtag,
      'this test needs a backend that has not synced yet: the e2e server (scripts/e2e-server.sh) started afresh',
    ).toBeUndefined();

    const console = collectConsole(page);
    await signInAsGuest(page);
    await page.goto('/aws-organizations');
    await expect(page.getByTestId('aws-first-sync')).toBeVisible();
    // Calm: nothing failed, nothing claims an error before the first sync.
    await expect(page.getByTestId('aws-error')).toHaveCount(0);
    await expect(page.getByTestId('aws-sync-errors')).toHaveCount(0);
    await expect(page.getByTestId('aws-tree-node-r-a1b2')).toHaveCount(0);
    // Count the page's loads: the synced view must come without another.
    let loads = 0;
    page.on('load', () => loads++);

    const triggered = await request.post('/api/aws-organizations/sync', {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(triggered.status()).toBe(202);

    // A whole sync of the demo organization on a possibly busy machine.
    await expect(page.getByTestId('aws-tree-node-r-a1b2')).toContainText(
      '18 accounts',
      { timeout: 240_000 },
    );
    await expect(page.getByTestId('aws-first-sync')).toHaveCount(0);
    await expect(page.getByTestId('aws-chart-failed-rules')).toBeVisible();
    await expect(page.getByTestId('aws-account-table')).toContainText(
      'payments-prod-us',
    );
    await expect(page.getByTestId('aws-error')).toHaveCount(0);
    expect(loads).toBe(0);
    console.expectNone();
  },
);
