/*
 * Waits until the demo portal has what every test reads: the backend has
 * synced the emulator's demo organization (the first sync, which
 * firstSync.setup.ts starts) and the catalog has processed the AWS entities
 * and their relations. The tests then
 * open each page once and expect its content, with no polling of their own.
 * Bounded by this setup's timeout only: a busy machine just takes longer.
 */
import { expect, test as setup } from '@playwright/test';
import { PAYMENTS_DEV, PAYMENTS_PROD_US, tokenOf } from './portal';

setup.setTimeout(300_000);

setup(
  'the demo organization is synced and in the catalog',
  async ({ request }) => {
    const token = await tokenOf(request, 'guest');
    const get = async (path: string) => {
      const res = await request.get(path, {
        headers: { Authorization: `Bearer ${token}` },
      });
      return res.ok() ? res.json() : undefined;
    };
    const relations = async (ref: string) =>
      (
        (await get(`/api/catalog/entities/by-name/${ref}`))?.relations ?? []
      ).map(
        (r: { type: string; targetRef: string }) => `${r.type} ${r.targetRef}`,
      );
    await expect
      .poll(
        async () => ({
          synced: Boolean(
            (
              await get('/api/aws-organizations/sync/status')
            )?.lastSuccess,
          ),
          account: await relations(
            `resource/default/aws-account-${PAYMENTS_PROD_US}`,
          ),
          team: await relations('group/default/payments'),
        }),
        { timeout: 280_000, intervals: [1_000] },
      )
      .toEqual({
        synced: true,
        account: expect.arrayContaining([
          'hosts component:default/payments-api',
          expect.stringMatching(/^partOf resource:default\/aws-ou-/),
          expect.stringMatching(/^governedBy /),
        ]),
        team: expect.arrayContaining([
          `hasAccessTo resource:default/aws-account-${PAYMENTS_DEV}`,
        ]),
      });
  },
);
