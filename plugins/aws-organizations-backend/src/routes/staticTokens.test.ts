import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { TestDatabases } from '@backstage/backend-test-utils';
import { BASE, pluginConfig } from '../__testUtils__/backend';
import { startGovernanceApi } from '../__testUtils__/governanceApi';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const FULL = 'full-token-0123456789abcdef';
const SYNC_ONLY = 'sync-only-token-0123456789ab';

/**
 * The plugin with backend-defaults' real auth, httpAuth and permissions
 * services, the permission framework on, and two static tokens of
 * `backend.auth.externalAccess`: one unrestricted, one restricted to this
 * plugin and the sync trigger.
 */
async function start() {
  return startGovernanceApi(databases, {
    features: [
      authServiceFactory,
      httpAuthServiceFactory,
      permissionsServiceFactory,
    ],
    config: {
      ...pluginConfig(),
      permission: { enabled: true },
      backend: {
        auth: {
          externalAccess: [
            {
              type: 'static',
              options: { token: FULL, subject: 'reporting-job' },
            },
            {
              type: 'static',
              options: { token: SYNC_ONLY, subject: 'sync-cron' },
              accessRestrictions: [
                {
                  plugin: 'aws-organizations',
                  permission: 'aws-organizations.sync.trigger',
                },
              ],
            },
          ],
        },
      },
    },
  });
}

describe('static tokens (service principals)', () => {
  it('bypass the permission policy: an unrestricted token reads who has access', async () => {
    const { api } = await start();
    const get = (path: string) =>
      api.get(`${BASE}${path}`).set('Authorization', `Bearer ${FULL}`);
    const access = await get('/accounts/333333333333/access');
    expect(access.status).toBe(200);
    expect(access.body.restricted).toBeUndefined();
    expect(JSON.stringify(access.body)).toMatch(/u-bob/);
    expect((await get('/principals/user/default/bob/access')).status).toBe(200);
    expect((await get('/reports/access.csv')).status).toBe(200);
    expect((await get('/snapshot')).status).toBe(200);
  });

  it('hold only the permissions their accessRestrictions list', async () => {
    const { api } = await start();
    const get = (path: string) =>
      api.get(`${BASE}${path}`).set('Authorization', `Bearer ${SYNC_ONLY}`);
    const access = await get('/accounts/333333333333/access');
    expect(access.status).toBe(200);
    expect(access.body.restricted).toBe(true);
    expect(JSON.stringify(access.body)).not.toMatch(/u-bob|u-alice/);
    for (const path of [
      '/principals/user/default/bob/access',
      '/reports/access.csv',
      '/snapshot',
    ]) {
      expect({ path, status: (await get(path)).status }).toEqual({
        path,
        status: 403,
      });
    }
    const sync = await api
      .post(`${BASE}/sync`)
      .set('Authorization', `Bearer ${SYNC_ONLY}`);
    expect(sync.status).not.toBe(403);
    expect(sync.status).not.toBe(401);
  });

  it('are refused without a valid token', async () => {
    const { api } = await start();
    const res = await api
      .get(`${BASE}/accounts`)
      .set('Authorization', 'Bearer not-a-configured-token-000');
    expect(res.status).toBe(401);
  });
});
