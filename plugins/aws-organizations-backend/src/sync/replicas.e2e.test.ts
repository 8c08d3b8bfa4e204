import { RunningEmulator, startEmulator } from '@aws-governance/aws-emulator';
import { TestDatabases } from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { Knex } from 'knex';
import request from 'supertest';
import {
  BASE,
  pluginConfig,
  startPlugin,
  USER,
  waitForIdle,
  waitForNewRun,
} from '../__testUtils__/backend';
import { SYNC_TASK_ID } from './types';

const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

// Generous for a busy machine: the waits below wait on state, not clocks.
jest.setTimeout(180_000);

const describeOrganizationCalls = (emu: RunningEmulator) =>
  emu.stats().calls.organizations.DescribeOrganization ?? 0;

/** The sync task's row in the scheduler's table once no run holds it. */
async function waitForReleased(knex: Knex) {
  for (;;) {
    const task = await knex('backstage_backend_tasks__tasks')
      .where('id', 'like', `%${SYNC_TASK_ID}`)
      .first();
    if (task && !task.current_run_ticket) {
      return task;
    }
    await new Promise(r => setTimeout(r, 50));
  }
}

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
        const first = await waitForIdle(a);
        expect(first.lastAttempt.status).toBe('succeeded');
        expect(describeOrganizationCalls(emu)).toBe(1);

        // A manual trigger on B runs on one replica only.
        const accepted = await request(b)
          .post(`${BASE}/sync`)
          .set('Authorization', USER);
        expect(accepted.status).toBe(202);
        const status = await waitForNewRun(a, first.lastAttempt.id);
        expect(status.lastAttempt).toMatchObject({
          status: 'succeeded',
          trigger: 'manual',
        });
        // No duplicate can follow: once the run is released, the task is
        // next due an hour from now, and a replica claims a task only when
        // it is due and unclaimed (the scheduler's own table says so; no
        // waiting for a duplicate that may or may not show up).
        const task = await waitForReleased(knex);
        expect(new Date(task.next_run_start_at).getTime()).toBeGreaterThan(
          Date.now() + 30 * 60_000,
        );
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
