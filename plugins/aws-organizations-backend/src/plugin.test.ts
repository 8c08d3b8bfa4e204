import {
  mockCredentials,
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { BASE, NONE, startPlugin } from './__testUtils__/backend';

// SQLite always; PostgreSQL from BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
// (scripts/test.sh provides it, so CI never skips it).
const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe('awsOrganizationsPlugin', () => {
  it('runs on PostgreSQL in CI', () => {
    // scripts/test.sh sets AWS_ORGS_REQUIRE_POSTGRES: there, a missing
    // PostgreSQL fails the run instead of skipping its cases.
    const required = Boolean(process.env.AWS_ORGS_REQUIRE_POSTGRES);
    expect(databases.supports('POSTGRES_15') || !required).toBe(true);
    expect(databases.supports('SQLITE_3')).toBe(true);
  });

  it.each(databases.eachSupportedId())(
    'migrates, registers its permissions and answers /health without credentials on %p',
    async (databaseId: TestDatabaseId) => {
      const knex = await databases.init(databaseId);
      const permissionsRegistry = mockServices.permissionsRegistry.mock();
      const { server } = await startPlugin({
        knex,
        features: [permissionsRegistry.factory],
      });

      const res = await request(server)
        .get(`${BASE}/health`)
        .set('Authorization', NONE);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok', database: 'ok' });

      for (const table of [
        'aws_org_sync_runs',
        'aws_org_snapshots',
        'aws_org_changes',
        'aws_org_sync_requests',
      ]) {
        expect(await knex.schema.hasTable(table)).toBe(true);
      }
      const migrations = await knex('aws_org_knex_migrations').select('name');
      expect(migrations.map(m => m.name)).toContain('20261127120000_init.js');
      expect(permissionsRegistry.addPermissions).toHaveBeenCalledWith(
        expect.arrayContaining([
          expect.objectContaining({ name: 'aws-organizations.sync.trigger' }),
        ]),
      );
    },
  );

  it('reports an unreachable database as 503', async () => {
    const knex = await databases.init('SQLITE_3');
    const { server } = await startPlugin({ knex });
    await knex.destroy();

    const res = await request(server).get(`${BASE}/health`);
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ status: 'error', database: 'unreachable' });
  });

  it('answers 503 on POST /sync when syncing is disabled', async () => {
    const { server } = await startPlugin({
      config: {
        awsOrganizations: { region: 'us-east-1', enabled: false },
      },
    });
    const res = await request(server).post(`${BASE}/sync`);
    expect(res.status).toBe(503);
    expect(res.body.error.message).toMatch(/awsOrganizations\.enabled/);
  });

  it('takes the user cookie on the CSV downloads only, so the browser can stream them to disk', async () => {
    const { server } = await startPlugin({
      config: {
        awsOrganizations: { region: 'us-east-1', enabled: false },
      },
      // A request without credentials is unauthenticated, as in production.
      features: [
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    });
    const api = request(server);
    // Backstage's cookie endpoint of the plugin issues the cookie.
    const issued = await api
      .get(`${BASE}/.backstage/auth/v1/cookie`)
      .set('Authorization', mockCredentials.user.header());
    expect(issued.status).toBe(200);
    const cookie = mockCredentials.limitedUser.cookie();
    for (const path of [
      '/reports/access.csv',
      '/accounts/222222222222/access.csv',
    ]) {
      // No snapshot yet: past authentication, the route answers 503.
      const withCookie = await api.get(`${BASE}${path}`).set('Cookie', cookie);
      expect({ path, status: withCookie.status }).toEqual({
        path,
        status: 503,
      });
      const without = await api.get(`${BASE}${path}`);
      expect({ path, status: without.status }).toEqual({ path, status: 401 });
    }
    for (const path of ['/accounts', '/accounts/222222222222/access']) {
      const res = await api.get(`${BASE}${path}`).set('Cookie', cookie);
      expect({ path, status: res.status }).toEqual({ path, status: 401 });
    }
  });
});
