/*
 * Copyright 2026 The AWS Governance for Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// @ts-check

/**
 * Finding counts across syncs (issue #18), for the account pages' trend:
 * one row per sync that read the signals (which origins it read), and one
 * row per account and origin with active findings at that sync. An
 * account without a row for an origin the sync read had none; an origin
 * the sync did not read (its source not connected) has no value there, so
 * a failed read never replaces the last known one.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aws_org_finding_syncs', table => {
    table.comment('Syncs that read the finding counts, one row per sync');
    table.string('run_id', 64).primary().comment('the sync run');
    table
      .timestamp('read_at', { useTz: true })
      .notNullable()
      .comment("the snapshot's read time");
    table
      .text('origins_json')
      .notNullable()
      .comment('the finding origins read at this sync (FindingOrigin[])');
    table.index(['read_at'], 'aws_org_finding_syncs_read_at_idx');
  });
  await knex.schema.createTable('aws_org_finding_counts', table => {
    table.comment(
      'Active findings by severity, per sync, account and origin (non-zero only)',
    );
    table.string('run_id', 64).notNullable();
    table.string('account_id', 12).notNullable();
    table
      .string('origin', 32)
      .notNullable()
      .comment(
        'security-hub, access-analyzer-external, access-analyzer-unused',
      );
    table.integer('critical').notNullable();
    table.integer('high').notNullable();
    table.integer('medium').notNullable();
    table.integer('low').notNullable();
    table.integer('informational').notNullable();
    table.primary(['run_id', 'account_id', 'origin']);
    table.index(['account_id', 'run_id'], 'aws_org_finding_counts_account_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aws_org_finding_counts');
  await knex.schema.dropTable('aws_org_finding_syncs');
};
