/*
 * Copyright 2026 The AWS Governance for Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// @ts-check

/**
 * The sync engine's store: sync runs, the current snapshot, the change log
 * and pending manual sync requests.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aws_org_sync_runs', table => {
    table.comment('One row per attempt to read the AWS Organization');
    table.bigIncrements('id').primary();
    table
      .string('trigger', 32)
      .notNullable()
      .comment('schedule, manual or startup');
    table
      .string('status', 32)
      .notNullable()
      .comment('running, succeeded, incomplete or failed');
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.integer('duration_ms').nullable();
    table.text('errors_json').notNullable().comment('JSON array of strings');
    table.text('warnings_json').notNullable().comment('JSON array of strings');
    table.text('stats_json').nullable().comment('ReadStatistics JSON');
    table.text('counts_json').nullable().comment('SnapshotCounts JSON');
    table.integer('changes').nullable().comment('change log entries recorded');
    table.text('progress_json').nullable().comment('phase while running');
    table.index(['started_at'], 'aws_org_sync_runs_started_at_idx');
    table.index(['status'], 'aws_org_sync_runs_status_idx');
  });

  await knex.schema.createTable('aws_org_snapshots', table => {
    table.comment(
      'The current complete snapshot with its resolution (one row; the previous one is replaced in the same transaction)',
    );
    table.bigIncrements('id').primary();
    table
      .bigInteger('run_id')
      .unsigned()
      .nullable()
      .references('id')
      .inTable('aws_org_sync_runs')
      .onDelete('SET NULL');
    table
      .string('etag', 64)
      .notNullable()
      .unique()
      .comment('sha256 (hex) of the uncompressed JSON body');
    table.timestamp('read_at', { useTz: true }).notNullable();
    table.timestamp('stored_at', { useTz: true }).notNullable();
    table.string('encoding', 16).notNullable().comment('gzip');
    table
      .binary('body')
      .notNullable()
      .comment('{"snapshot":...,"resolution":...} JSON, compressed');
    table.bigInteger('size_bytes').notNullable().comment('uncompressed');
    table.bigInteger('stored_bytes').notNullable().comment('compressed');
    table
      .text('unmapped_principals_json')
      .notNullable()
      .comment(
        'resolution.unmappedPrincipals, for the status without the body',
      );
  });

  await knex.schema.createTable('aws_org_changes', table => {
    table.comment('Change log: differences between consecutive snapshots');
    table.bigIncrements('id').primary();
    table
      .bigInteger('run_id')
      .unsigned()
      .nullable()
      .references('id')
      .inTable('aws_org_sync_runs')
      .onDelete('SET NULL');
    table.timestamp('detected_at', { useTz: true }).notNullable();
    table.string('kind', 64).notNullable();
    table.string('account_id', 12).nullable();
    table.string('subject_id', 2048).notNullable();
    table.text('summary').notNullable();
    table.text('details_json').nullable();
    table.index(['detected_at'], 'aws_org_changes_detected_at_idx');
    table.index(['account_id', 'detected_at'], 'aws_org_changes_account_idx');
    table.index(['kind', 'detected_at'], 'aws_org_changes_kind_idx');
  });

  await knex.schema.createTable('aws_org_sync_requests', table => {
    table.comment('Manual sync requests, taken by the next run');
    table.bigIncrements('id').primary();
    table.timestamp('requested_at', { useTz: true }).notNullable();
    table.string('requested_by', 255).nullable();
    table.bigInteger('run_id').unsigned().nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aws_org_sync_requests');
  await knex.schema.dropTable('aws_org_changes');
  await knex.schema.dropTable('aws_org_snapshots');
  await knex.schema.dropTable('aws_org_sync_runs');
};
