import {
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { awsOrganizationsPlugin } from './plugin';

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
    'migrates and answers /health without credentials on %p',
    async (databaseId: TestDatabaseId) => {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          awsOrganizationsPlugin,
          mockServices.database.factory({ knex }),
        ],
      });

      const res = await request(server).get('/api/aws-organizations/health');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok', database: 'ok' });

      expect(await knex.schema.hasTable('aws_org_sync_runs')).toBe(true);
      const migrations = await knex('aws_org_knex_migrations').select('name');
      expect(migrations.map(m => m.name)).toContain('20261127120000_init.js');
    },
  );

  it('reports an unreachable database as 503', async () => {
    const knex = await databases.init('SQLITE_3');
    const { server } = await startTestBackend({
      features: [
        awsOrganizationsPlugin,
        mockServices.database.factory({ knex }),
      ],
    });
    await knex.destroy();

    const res = await request(server).get('/api/aws-organizations/health');
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ status: 'error', database: 'unreachable' });
  });
});
