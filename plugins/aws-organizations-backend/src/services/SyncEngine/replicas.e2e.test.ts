import { RunningEmulator, startEmulator } from '@aws-governance/aws-emulator';
import { TestDatabases } from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import request from 'supertest';
import {
  BASE,
  pluginConfig,
  startPlugin,
  USER,
  waitForIdle,
} from '../../__testUtils__/backend';

const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

jest.setTimeout(90_000);

const describeOrganizationCalls = (emu: RunningEmulator) =>
  emu.stats().calls.organizations.DescribeOrganization ?? 0;

describe('two backend replicas on one PostgreSQL database', () => {
  it('runs on PostgreSQL in CI', () => {
    const required = Boolean(process.env.AWS_ORGS_REQUIRE_POSTGRES);
    expect(databases.supports('POSTGRES_15') || !required).toBe(true);
  });

  it.each(databases.eachSupportedId())(
    'sync once per cycle and serve the same status and snapshot on %p',
    async databaseId => {
      const emu = await startEmulator({ dataset: 'demo' });
      try {
        const knex = await databases.init(databaseId);
        // The real scheduler of backend-defaults on the shared database.
        const config = pluginConfig(emu, {
          schedule: {
            frequency: { hours: 1 },
            timeout: { minutes: 2 },
            initialDelay: { seconds: 1 },
          },
        });
        // Started one after the other, as in a rolling deployment (knex
        // migrations racing to create their own table is not our concern).
        const replicas = [];
        for (const _ of [1, 2]) {
          replicas.push(
            await startPlugin({
              knex,
              config,
              features: [schedulerServiceFactory],
            }),
          );
        }
        const [a, b] = replicas.map(r => r.server);

        // The first cycle: one sync across both replicas.
        const first = await waitForIdle(a, 60_000);
        expect(first.lastAttempt.status).toBe('succeeded');
        expect(describeOrganizationCalls(emu)).toBe(1);

        // A manual trigger on B runs on one replica only.
        const accepted = await request(b)
          .post(`${BASE}/sync`)
          .set('Authorization', USER);
        expect(accepted.status).toBe(202);
        let status = first;
        while (status.lastAttempt.id === first.lastAttempt.id) {
          await new Promise(r => setTimeout(r, 200));
          status = await waitForIdle(a, 60_000);
        }
        expect(status.lastAttempt).toMatchObject({
          status: 'succeeded',
          trigger: 'manual',
        });
        // Let a duplicate run show up if there were one.
        await new Promise(r => setTimeout(r, 6000));
        expect(describeOrganizationCalls(emu)).toBe(2);
        const [runs] = await Promise.all([
          knex('aws_org_sync_runs').count({ n: '*' }),
        ]);
        expect(Number(runs[0].n)).toBe(2);

        const statusA = await request(a)
          .get(`${BASE}/sync/status`)
          .set('Authorization', USER);
        const statusB = await request(b)
          .get(`${BASE}/sync/status`)
          .set('Authorization', USER);
        expect(statusB.body).toEqual(statusA.body);
        const etagA = (
          await request(a).get(`${BASE}/snapshot`).set('Authorization', USER)
        ).headers.etag;
        const etagB = (
          await request(b).get(`${BASE}/snapshot`).set('Authorization', USER)
        ).headers.etag;
        expect(etagA).toMatch(/^"[0-9a-f]{64}"$/);
        expect(etagB).toBe(etagA);

        await Promise.all(replicas.map(r => r.stop()));
      } finally {
        await emu.close();
      }
    },
  );
});
