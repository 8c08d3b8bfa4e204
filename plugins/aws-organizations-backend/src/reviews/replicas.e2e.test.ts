import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { Knex } from 'knex';
import { pluginConfig, startPlugin } from '../__testUtils__/backend';
import {
  governanceResolution,
  governanceSnapshot,
} from '../__testUtils__/governance';
import {
  recordingNotifications,
  storeSnapshot,
} from '../__testUtils__/reviews';
import { AwsOrganizationsStore } from '../store/AwsOrganizationsStore';
import { buildCampaignItems } from './buildCampaignItems';
import { REVIEW_TASK_ID } from './taskId';

const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

jest.setTimeout(180_000);

/** The reviews task's row once a run has finished and released it. */
async function waitForReviewRun(knex: Knex, recurrenceId: string) {
  for (;;) {
    const [task, recurrence] = await Promise.all([
      knex('backstage_backend_tasks__tasks')
        .where('id', 'like', `%${REVIEW_TASK_ID}`)
        .first(),
      knex('aws_org_review_recurrences').where({ id: recurrenceId }).first(),
    ]);
    if (task && !task.current_run_ticket && Number(recurrence.next_cycle) > 2) {
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
    'start a due recurring campaign exactly once on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const config = pluginConfig(undefined, {
        enabled: false,
        reviews: {
          schedule: {
            frequency: { hours: 1 },
            timeout: { minutes: 2 },
            initialDelay: { seconds: 1 },
          },
        },
      });
      // The schema, a snapshot and a due series before the replicas start.
      const store = await AwsOrganizationsStore.create(
        mockServices.database({ knex, migrations: { skip: false } }),
      );
      const snapshot = governanceSnapshot();
      const resolution = governanceResolution();
      const etag = await storeSnapshot(store, snapshot, resolution);
      // The first cycle of a quarterly series whose second cycle is due.
      const scope = {
        organizationalUnitIds: [],
        accountIds: [],
        permissionSets: 'all' as const,
        roleReach: false,
      };
      const startedAt = new Date(Date.now() - 92 * 86_400_000);
      await store.reviews.campaigns.create(
        {
          name: 'Quarterly',
          scope,
          startedAt,
          startedBy: 'user:default/guest',
          dueAt: new Date(startedAt.getTime() + 14 * 86_400_000),
          snapshot: { etag, readAt: new Date(snapshot.readAt) },
          instanceArn: 'arn:aws:sso:::instance/ssoins-test',
          ...buildCampaignItems(snapshot, resolution, scope, { reachDepth: 3 }),
        },
        { interval: 'quarterly', nextStartAt: new Date(Date.now() - 1000) },
      );
      const notifications = [
        recordingNotifications(),
        recordingNotifications(),
      ];
      const replicas = [];
      for (const n of notifications) {
        replicas.push(
          await startPlugin({
            knex,
            config,
            features: [schedulerServiceFactory, n.factory],
          }),
        );
      }
      const [recurrence] = await knex('aws_org_review_recurrences');

      const task = await waitForReviewRun(knex, String(recurrence.id));
      // Next due an hour from now: no second run can follow in this test.
      expect(new Date(task.next_run_start_at).getTime()).toBeGreaterThan(
        Date.now() + 30 * 60_000,
      );
      const campaigns = await knex('aws_org_review_campaigns').orderBy('id');
      expect(campaigns.map(c => [Number(c.cycle), c.started_by])).toEqual([
        [1, 'user:default/guest'],
        [2, 'scheduler'],
      ]);
      const [{ n }] = await knex('aws_org_review_items')
        .where({ campaign_id: campaigns[1].id })
        .count({ n: '*' });
      expect(Number(n)).toBe(5);
      // Each reminder once, from whichever replica ran: a start notice per
      // campaign, and the first cycle is overdue.
      const sent = notifications.flatMap(x => x.sent);
      expect(sent.map(s => s.payload.title).sort()).toEqual([
        'Access review overdue: Quarterly',
        'Access review started: Quarterly',
        'Access review started: Quarterly',
      ]);
      await Promise.all(replicas.map(r => r.stop()));
    },
  );
});
