/*
 * Copyright 2026 The AWS Governance for Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// @ts-check

/**
 * Access reviews: campaigns and their recurrences, the items a campaign
 * pins (with the group members as they were), the append-only decision log,
 * remediation entries and the reminders sent.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aws_org_review_recurrences', table => {
    table.comment('Recurring campaigns: the next start of each series');
    table.bigIncrements('id').primary();
    table.string('name', 200).notNullable();
    table.text('scope_json').notNullable().comment('ReviewScope JSON');
    table
      .string('interval', 16)
      .notNullable()
      .comment('monthly, quarterly, semiannually or annually');
    table
      .bigInteger('due_after_ms')
      .notNullable()
      .comment('from a start to its due date');
    table.timestamp('next_start_at', { useTz: true }).notNullable();
    table
      .integer('next_cycle')
      .notNullable()
      .comment(
        'cycle number of the next campaign; the start compares and swaps it',
      );
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('stopped_at', { useTz: true }).nullable();
    table.string('stopped_by', 255).nullable();
    table.index(['next_start_at'], 'aws_org_review_recurrences_next_idx');
  });

  await knex.schema.createTable('aws_org_review_campaigns', table => {
    table.comment('Review campaigns, each pinned to one snapshot');
    table.bigIncrements('id').primary();
    table.string('name', 200).notNullable();
    table.string('status', 16).notNullable().comment('active or closed');
    table.text('scope_json').notNullable().comment('ReviewScope JSON');
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.string('started_by', 255).notNullable();
    table.timestamp('due_at', { useTz: true }).notNullable();
    table.timestamp('closed_at', { useTz: true }).nullable();
    table.string('closed_by', 255).nullable();
    table.string('snapshot_etag', 64).notNullable();
    table.timestamp('snapshot_read_at', { useTz: true }).notNullable();
    table
      .string('instance_arn', 2048)
      .nullable()
      .comment('the Identity Center instance of the snapshot');
    table
      .bigInteger('recurrence_id')
      .unsigned()
      .nullable()
      .references('id')
      .inTable('aws_org_review_recurrences');
    table.integer('cycle').nullable();
    table.integer('item_count').notNullable();
    // One campaign per cycle of a series, whatever the number of replicas.
    table.unique(['recurrence_id', 'cycle'], {
      indexName: 'aws_org_review_campaigns_cycle_uq',
    });
    table.index(['status', 'due_at'], 'aws_org_review_campaigns_status_idx');
  });

  await knex.schema.createTable('aws_org_review_items', table => {
    table.comment('One standing grant under review in a campaign');
    table.bigIncrements('id').primary();
    table
      .bigInteger('campaign_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('aws_org_review_campaigns');
    table.string('kind', 16).notNullable().comment('assignment or role-reach');
    table.string('account_id', 12).notNullable();
    table.string('account_name', 255).notNullable();
    table.string('permission_set_arn', 2048).notNullable();
    table.string('permission_set_name', 255).notNullable();
    table.string('principal_type', 8).notNullable();
    table.string('principal_id', 64).notNullable();
    table.string('principal_name', 255).notNullable();
    table.string('principal_ref', 255).nullable();
    table.integer('member_count').notNullable();
    table.boolean('privileged').notNullable();
    table.string('privilege_level', 16).nullable();
    table.string('owner_ref', 255).nullable();
    table.string('assignee_ref', 255).nullable();
    table
      .string('state', 16)
      .notNullable()
      .comment('pending, kept or revoked: the decision log decides it');
    table.bigInteger('decision_id').unsigned().nullable();
    table.text('role_reach_json').nullable();
    table.index(
      ['campaign_id', 'assignee_ref', 'state'],
      'aws_org_review_items_assignee_idx',
    );
    table.index(
      ['campaign_id', 'account_id'],
      'aws_org_review_items_account_idx',
    );
    table.index(['account_id'], 'aws_org_review_items_account_only_idx');
  });

  await knex.schema.createTable('aws_org_review_members', table => {
    table.comment('Group members as the snapshot of the campaign listed them');
    table
      .bigInteger('campaign_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('aws_org_review_campaigns');
    table.string('group_id', 64).notNullable();
    table.string('user_id', 64).notNullable();
    table.string('user_name', 255).notNullable();
    table.string('display_name', 255).nullable();
    table.string('user_ref', 255).nullable();
    table.index(
      ['campaign_id', 'group_id'],
      'aws_org_review_members_group_idx',
    );
  });

  await knex.schema.createTable('aws_org_review_decisions', table => {
    table.comment(
      'The decision log: append-only (triggers refuse UPDATE and DELETE)',
    );
    table.bigIncrements('id').primary();
    table
      .bigInteger('campaign_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('aws_org_review_campaigns');
    table
      .bigInteger('item_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('aws_org_review_items');
    table.string('kind', 16).notNullable().comment('keep, revoke or handover');
    table.string('decided_by', 255).notNullable();
    table.timestamp('decided_at', { useTz: true }).notNullable();
    table.text('reason').nullable();
    table.string('from_team_ref', 255).nullable();
    table.string('to_team_ref', 255).nullable();
    table.index(['item_id'], 'aws_org_review_decisions_item_idx');
    table.index(['campaign_id'], 'aws_org_review_decisions_campaign_idx');
  });

  await knex.schema.createTable('aws_org_review_remediations', table => {
    table.comment('What to remove after a revocation; closed by a later sync');
    table.bigIncrements('id').primary();
    table
      .bigInteger('campaign_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('aws_org_review_campaigns');
    table
      .bigInteger('item_id')
      .unsigned()
      .notNullable()
      .unique()
      .references('id')
      .inTable('aws_org_review_items');
    table.bigInteger('decision_id').unsigned().notNullable();
    table.string('account_id', 12).notNullable();
    table.string('account_name', 255).notNullable();
    table.string('permission_set_arn', 2048).notNullable();
    table.string('permission_set_name', 255).notNullable();
    table.string('principal_type', 8).notNullable();
    table.string('principal_id', 64).notNullable();
    table.string('principal_name', 255).notNullable();
    table.string('instance_arn', 2048).notNullable();
    table.string('status', 16).notNullable().comment('open or closed');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('closed_at', { useTz: true }).nullable();
    table.string('closed_by_snapshot_etag', 64).nullable();
    table.index(['status'], 'aws_org_review_remediations_status_idx');
    table.index(['account_id'], 'aws_org_review_remediations_account_idx');
  });

  await knex.schema.createTable('aws_org_review_notifications', table => {
    table.comment('Reminders sent: each kind once per campaign');
    table
      .bigInteger('campaign_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('aws_org_review_campaigns');
    table
      .string('kind', 16)
      .notNullable()
      .comment('started, due-soon, overdue');
    table.timestamp('sent_at', { useTz: true }).notNullable();
    table.primary(['campaign_id', 'kind']);
  });

  // The decision log is append-only in the database itself, not only in
  // the routes.
  const client = String(knex.client.config.client);
  if (client === 'pg') {
    await knex.raw(`
      CREATE FUNCTION aws_org_review_decisions_append_only() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'aws_org_review_decisions is append-only';
      END;
      $$`);
    await knex.raw(`
      CREATE TRIGGER aws_org_review_decisions_append_only
      BEFORE UPDATE OR DELETE ON aws_org_review_decisions
      FOR EACH ROW EXECUTE FUNCTION aws_org_review_decisions_append_only()`);
  } else if (client.includes('sqlite')) {
    for (const op of ['UPDATE', 'DELETE']) {
      await knex.raw(`
        CREATE TRIGGER aws_org_review_decisions_no_${op.toLowerCase()}
        BEFORE ${op} ON aws_org_review_decisions
        BEGIN
          SELECT RAISE(ABORT, 'aws_org_review_decisions is append-only');
        END`);
    }
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aws_org_review_notifications');
  await knex.schema.dropTable('aws_org_review_remediations');
  await knex.schema.dropTable('aws_org_review_decisions');
  await knex.schema.dropTable('aws_org_review_members');
  await knex.schema.dropTable('aws_org_review_items');
  await knex.schema.dropTable('aws_org_review_campaigns');
  await knex.schema.dropTable('aws_org_review_recurrences');
  // By the dialect knex resolved: also under the client's other names.
  if (String(knex.client.dialect) === 'postgresql') {
    await knex.raw(
      'DROP FUNCTION IF EXISTS aws_org_review_decisions_append_only()',
    );
  }
};
