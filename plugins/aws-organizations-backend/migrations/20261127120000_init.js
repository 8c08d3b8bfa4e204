/*
 * Copyright 2026 The AWS Governance for Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// @ts-check

/**
 * The sync run log: one row per attempt to read the organization.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aws_org_sync_runs', table => {
    table.comment('One row per attempt to read the AWS Organization');
    table.bigIncrements('id').primary();
    table.string('trigger', 32).notNullable().comment('schedule or manual');
    table
      .string('status', 32)
      .notNullable()
      .comment('running, succeeded, failed');
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.text('error').nullable();
    table.index(['started_at'], 'aws_org_sync_runs_started_at_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aws_org_sync_runs');
};
