import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { databaseError } from '../../__testUtils__/dbErrors';
import { openDatabase } from '../migrations';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

jest.setTimeout(120_000);

const AT = new Date('2026-12-01T10:00:00Z');

/** One campaign, one item and `count` decisions of it, as the stores write them. */
async function seed(knex: Knex, count: number) {
  const [campaign] = await knex('aws_org_review_campaigns')
    .insert({
      name: 'Q1',
      status: 'active',
      scope_json: '{}',
      started_at: AT,
      started_by: 'user:default/guest',
      due_at: AT,
      snapshot_etag: 'e'.repeat(64),
      snapshot_read_at: AT,
      item_count: 1,
    })
    .returning('id');
  const campaignId = typeof campaign === 'object' ? campaign.id : campaign;
  const [item] = await knex('aws_org_review_items')
    .insert({
      campaign_id: campaignId,
      kind: 'assignment',
      account_id: '111111111111',
      account_name: 'a',
      permission_set_arn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-1',
      permission_set_name: 'ReadOnly',
      principal_type: 'USER',
      principal_id: 'u-1',
      principal_name: 'bob',
      member_count: 1,
      privileged: false,
      state: 'pending',
    })
    .returning('id');
  const itemId = typeof item === 'object' ? item.id : item;
  for (let i = 0; i < count; i++) {
    await knex('aws_org_review_decisions').insert({
      campaign_id: campaignId,
      item_id: itemId,
      kind: 'handover',
      decided_by: 'user:default/guest',
      decided_at: AT,
      reason: `entry ${i}`,
    });
  }
}

const refusedAsAppendOnly = databaseError(
  /aws_org_review_decisions is append-only/,
);

/** The log refuses every edit: row by row, all rows, and (PostgreSQL) TRUNCATE. */
async function expectAppendOnly(knex: Knex) {
  const entries = await knex('aws_org_review_decisions').select('id', 'reason');
  // Triggers fire per row: an empty log would refuse nothing and prove nothing.
  expect(entries).toHaveLength(2);
  await expect(
    knex('aws_org_review_decisions')
      .where({ id: entries[0].id })
      .update({ reason: 'edited' }),
  ).rejects.toMatchObject(refusedAsAppendOnly);
  await expect(
    knex('aws_org_review_decisions').update({ reason: 'edited' }),
  ).rejects.toMatchObject(refusedAsAppendOnly);
  await expect(
    knex('aws_org_review_decisions').where({ id: entries[1].id }).delete(),
  ).rejects.toMatchObject(refusedAsAppendOnly);
  await expect(knex('aws_org_review_decisions').delete()).rejects.toMatchObject(
    refusedAsAppendOnly,
  );
  if (knex.client.dialect === 'postgresql') {
    await expect(
      knex.raw('TRUNCATE aws_org_review_decisions CASCADE'),
    ).rejects.toMatchObject(refusedAsAppendOnly);
  }
  expect(await knex('aws_org_review_decisions').select('id', 'reason')).toEqual(
    entries,
  );
  // Appending still works.
  const { campaign_id, item_id } = await knex('aws_org_review_decisions').first(
    'campaign_id',
    'item_id',
  );
  await knex('aws_org_review_decisions').insert({
    campaign_id,
    item_id,
    kind: 'keep',
    decided_by: 'user:default/guest',
    decided_at: AT,
  });
}

describe('the review decision log', () => {
  it.each(databases.eachSupportedId())(
    'is append-only after the migrations on %p',
    async databaseId => {
      expect.hasAssertions();
      const knex = await databases.init(databaseId);
      await openDatabase(
        mockServices.database({ knex, migrations: { skip: false } }),
      );
      await seed(knex, 2);
      await expectAppendOnly(knex);
    },
  );

  it.each(databases.eachSupportedId())(
    'is append-only on %p when the database was migrated before the triggers were sure (the first reviews migration only)',
    async databaseId => {
      expect.hasAssertions();
      const knex = await databases.init(databaseId);
      const config = {
        directory: `${__dirname}/../../../migrations`,
        tableName: 'aws_org_knex_migrations',
      };
      // Up to the first reviews migration, then its triggers gone, as on a
      // database it ran on under another client name.
      await knex.migrate.up({ ...config, name: '20261127120000_init.js' });
      await knex.migrate.up({ ...config, name: '20261202120000_reviews.js' });
      if (knex.client.dialect === 'postgresql') {
        await knex.raw(
          'DROP TRIGGER aws_org_review_decisions_append_only ON aws_org_review_decisions',
        );
      } else {
        await knex.raw('DROP TRIGGER aws_org_review_decisions_no_update');
        await knex.raw('DROP TRIGGER aws_org_review_decisions_no_delete');
      }
      await openDatabase(
        mockServices.database({ knex, migrations: { skip: false } }),
      );
      await seed(knex, 2);
      await expectAppendOnly(knex);
    },
  );

  it('is append-only on PostgreSQL configured as client "postgresql" (a knex alias of pg)', async () => {
    expect.hasAssertions();
    const pg = await databases.init('POSTGRES_15');
    // The same fresh database, through a knex configured by the alias.
    const knex = knexFactory({
      client: 'postgresql',
      connection: pg.client.config.connection,
    });
    try {
      await openDatabase(
        mockServices.database({ knex, migrations: { skip: false } }),
      );
      await seed(knex, 2);
      await expectAppendOnly(knex);
    } finally {
      await knex.destroy();
    }
  });
});
