/*
 * The AWS Organizations plugins in an adopter's app: installed from the
 * packed tarballs into a create-app app, wired and configured only as the
 * READMEs say, syncing the emulator's demo organization (run from its
 * tarball). The API checks call it as a script would, with the static token
 * of the backend README's "Calling the API from scripts".
 */
import { APIRequestContext, expect, test } from '@playwright/test';

const TOKEN = process.env.ADOPTER_TOKEN ?? '';
const AUTH = { Authorization: `Bearer ${TOKEN}` };
// The emulator's demo organization: 18 accounts, 11 OUs, 6 SCPs, 3 RCPs
// (RCPFullAWSAccess, the data perimeter, TLS required), 7 permission sets;
// payments-prod-us sits in Workloads/Prod-US.
const ORGANIZATION_ID = 'o-a1b2c3d4e5';
const DEMO_ACCOUNTS = 18;
const DEMO_ENTITIES = 1 + 11 + DEMO_ACCOUNTS + 6 + 3 + 7;
const PAYMENTS_PROD_US = '724108355203';

test.describe.configure({ mode: 'serial' });

async function getJson(request: APIRequestContext, url: string) {
  const response = await request.get(url, { headers: AUTH });
  expect(response.status(), `GET ${url}`).toBe(200);
  return response.json();
}

async function countEntities(request: APIRequestContext, filter: string) {
  const body = await getJson(
    request,
    `/api/catalog/entities/by-query?filter=${encodeURIComponent(
      filter,
    )}&limit=1`,
  );
  return body.totalItems as number;
}

test('health answers without credentials, data routes need them', async ({
  request,
}) => {
  const health = await request.get('/api/aws-organizations/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });
  const anonymous = await request.get('/api/aws-organizations/sync/status');
  expect(anonymous.status()).toBe(401);
});

test('the first sync of the demo organization succeeds', async ({
  request,
}) => {
  let status: any;
  await expect
    .poll(
      async () => {
        status = await getJson(request, '/api/aws-organizations/sync/status');
        return status.lastAttempt?.status ?? 'none';
      },
      { timeout: 180_000, intervals: [1_000, 2_000] },
    )
    .toMatch(/^(succeeded|incomplete|failed)$/);
  expect(status.lastAttempt, JSON.stringify(status.lastAttempt)).toMatchObject({
    status: 'succeeded',
    errors: [],
  });
  expect(status.lastSuccess.counts).toMatchObject({
    accounts: DEMO_ACCOUNTS,
    organizationalUnits: 11,
    policies: 6,
    permissionSets: 7,
  });
});

test('the catalog holds the organization as entities', async ({ request }) => {
  await expect
    .poll(
      () =>
        countEntities(
          request,
          `metadata.annotations.amazonaws.com/organization-id=${ORGANIZATION_ID}`,
        ),
      { timeout: 180_000, intervals: [1_000, 2_000] },
    )
    .toBe(DEMO_ENTITIES);
  expect(
    await countEntities(request, 'kind=resource,spec.type=cloud-account'),
  ).toBe(DEMO_ACCOUNTS);
  const account = await getJson(
    request,
    `/api/catalog/entities/by-name/resource/default/aws-account-${PAYMENTS_PROD_US}`,
  );
  expect(account.metadata.annotations['amazonaws.com/account-id']).toBe(
    PAYMENTS_PROD_US,
  );
});

test('without the demo teams in the catalog every account is non-compliant', async ({
  request,
}) => {
  // As the backend README says: the owner tags name teams this catalog
  // lacks, so the owner rule fails on every account.
  const summary = await getJson(
    request,
    '/api/aws-organizations/compliance/summary',
  );
  expect(summary.accounts.fail).toBe(DEMO_ACCOUNTS);
  const ownerRule = summary.rules.find(
    (rule: { id: string }) => rule.id === 'owner-resolvable',
  );
  expect(ownerRule.counts.fail).toBe(DEMO_ACCOUNTS);
});

test('an account page renders in the browser', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  // Signed in once the app's sidebar shows; only then is the guest session
  // kept for the next page load.
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
  await page.goto(
    `/catalog/default/resource/aws-account-${PAYMENTS_PROD_US}/aws-account`,
  );
  const accountPath = page.getByTestId('aws-account-path');
  await expect(accountPath).toContainText('Workloads');
  await expect(accountPath).toContainText('Prod-US');
  await expect(
    page.getByRole('link', { name: /Open the AWS console/ }),
  ).toBeVisible();
});
