import { startEmulator, RunningEmulator } from '@aws-governance/aws-emulator';
import { AWS_ACCOUNT_RESOURCE_TYPE } from '@aws-governance/plugin-aws-organizations-common';
import request from 'supertest';
import {
  BASE,
  catalogEntities,
  pluginConfig,
  SERVICE,
  startPlugin,
  syncNow,
} from './__testUtils__/backend';

jest.setTimeout(180_000);

// payments-prod-us is owned by the payments team in the demo (owner tag).
const PAYMENTS_PROD_US = '724108355203';
const APPLY = `${BASE}/.well-known/backstage/permissions/apply-conditions`;

/**
 * The account resource type through the integration router the permission
 * backend calls to decide a conditional decision: the rules see the owner
 * the backend resolved for the account in the current snapshot.
 */
describe('account permission conditions', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ dataset: 'demo' });
  });
  afterAll(async () => {
    await emu.close();
  });

  function condition(
    id: string,
    resourceRef: string,
    rule: string,
    params: object,
  ) {
    return {
      id,
      resourceRef,
      resourceType: AWS_ACCOUNT_RESOURCE_TYPE,
      conditions: { rule, resourceType: AWS_ACCOUNT_RESOURCE_TYPE, params },
    };
  }

  it('admits members of the owner team only, on the synced owners', async () => {
    const { server } = await startPlugin({
      config: pluginConfig(emu),
      entities: catalogEntities(['group:default/payments']),
    });
    const before = await request(server)
      .post(APPLY)
      .set('Authorization', SERVICE)
      .send({
        items: [
          condition('1', PAYMENTS_PROD_US, 'IS_ACCOUNT_OWNER', {
            claims: ['group:default/payments'],
          }),
        ],
      });
    // No snapshot yet: the account is unknown, so the condition denies.
    expect(before.status).toBe(200);
    expect(before.body.items).toEqual([{ id: '1', result: 'DENY' }]);

    await syncNow(server);
    const res = await request(server)
      .post(APPLY)
      .set('Authorization', SERVICE)
      .send({
        items: [
          condition('owner', PAYMENTS_PROD_US, 'IS_ACCOUNT_OWNER', {
            claims: ['user:default/priya.patel', 'Group:default/Payments'],
          }),
          condition('other team', PAYMENTS_PROD_US, 'IS_ACCOUNT_OWNER', {
            claims: ['user:default/guest', 'group:default/platform'],
          }),
          condition('listed', PAYMENTS_PROD_US, 'IS_ACCOUNT_IN', {
            accountIds: [PAYMENTS_PROD_US],
          }),
          condition('not an account', '000000000000', 'IS_ACCOUNT_IN', {
            accountIds: ['000000000000'],
          }),
        ],
      });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { id: 'owner', result: 'ALLOW' },
      { id: 'other team', result: 'DENY' },
      { id: 'listed', result: 'ALLOW' },
      { id: 'not an account', result: 'DENY' },
    ]);
  });
});
