/*
 * What the end-to-end tests share: signing in as the demo's two
 * development-only identities, their tokens for API calls, and the demo
 * accounts. The portal is ready before any test runs (ready.setup.ts).
 */
import { APIRequestContext, expect, Page } from '@playwright/test';

/** payments-prod-us: tom.okafor holds AdministratorAccess on it directly. */
export const PAYMENTS_PROD_US = '724108355203';
export const PAYMENTS_DEV = '724108355201';
export const ACCOUNT_PAGE = `/catalog/default/resource/aws-account-${PAYMENTS_PROD_US}`;

/** The guest, a member of the platform team: an admin of the demo policy. */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expectSignedIn(page);
}

/** Priya Patel, a payments developer: not an admin. */
export async function signInAsDemoDeveloper(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign In' }).click();
  await expectSignedIn(page);
}

async function expectSignedIn(page: Page) {
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

/**
 * A Backstage token of a sign-in provider, as the app gets it: the guest
 * (`guest`) or the demo developer (`demo-developer`).
 */
export async function tokenOf(
  request: APIRequestContext,
  provider: 'guest' | 'demo-developer',
): Promise<string> {
  const res = await request.get(`/api/auth/${provider}/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  expect(res.status()).toBe(200);
  return (await res.json()).backstageIdentity.token;
}

/**
 * Third-party console noise the tests let through, each pattern as precise
 * as the message allows and with where it comes from. Everything else a page
 * logs as an error or a warning fails the test.
 */
const THIRD_PARTY_NOISE: RegExp[] = [
  // @backstage/plugin-app 0.6 (DefaultIconsApi) warns, once per page load,
  // about its own default icon set (app-defaults' icons, given as
  // components): exactly these keys, none of them the plugin's (its icon is
  // an element, `<CloudIcon />`).
  /^The following icons were registered as IconComponent, which is deprecated\. Use IconElement instead by passing <MyIcon \/> rather than MyIcon: brokenImage, catalog, scaffolder, techdocs, search, chat, dashboard, docs, email, github, group, help, kind:api, kind:component, kind:domain, kind:group, kind:location, kind:system, kind:user, kind:resource, kind:template, user, warning, star, unstarred, externalLink$/,
];

/**
 * Collects every console error and warning and every uncaught error of a
 * page from now on (its URL beside each); `expectNone()` fails listing them.
 */
export function collectConsole(page: Page) {
  const messages: string[] = [];
  page.on('console', message => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    const text = message.text();
    if (THIRD_PARTY_NOISE.some(pattern => pattern.test(text))) return;
    const { url, lineNumber } = message.location();
    messages.push(
      `${message.type()} on ${page.url()}: ${text} (${url}:${lineNumber})`,
    );
  });
  page.on('pageerror', error => {
    messages.push(`uncaught on ${page.url()}: ${error.message}`);
  });
  return {
    messages,
    expectNone() {
      expect(messages, 'console errors and warnings').toEqual([]);
    },
  };
}

/** GET a backend API path with a token; the JSON body. */
export async function getJson(
  request: APIRequestContext,
  path: string,
  token: string,
) {
  const res = await request.get(path, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.status(), path).toBe(200);
  return res.json();
}
