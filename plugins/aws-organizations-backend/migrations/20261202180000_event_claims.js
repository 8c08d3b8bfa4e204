/*
 * Copyright 2026 The AWS Governance for Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// @ts-check

/**
 * CloudTrail events claimed by a replica: each event (by its EventBridge
 * id) is applied once cluster-wide, whatever SQS redelivers.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aws_org_event_claims', table => {
    table.comment(
      'CloudTrail events (EventBridge ids) claimed for applying, one row per event',
    );
    table.string('event_id', 128).primary().comment('EventBridge event id');
    table.string('source', 64).notNullable().comment('e.g. aws.organizations');
    table.string('event_name', 128).notNullable().comment('e.g. MoveAccount');
    table.string('event_time', 64).notNullable().comment('as the event says');
    table.timestamp('claimed_at', { useTz: true }).notNullable();
    table
      .string('outcome', 32)
      .notNullable()
      .comment('pending, applied, unchanged, ignored, full-read or failed');
    table.timestamp('finished_at', { useTz: true }).nullable();
    table
      .text('targets_json')
      .nullable()
      .comment('the re-reads the event asked for (RefreshTarget[])');
    table.text('reason').nullable().comment('why ignored or a full read');
    table.index(['claimed_at'], 'aws_org_event_claims_claimed_at_idx');
    table.index(['finished_at'], 'aws_org_event_claims_finished_at_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aws_org_event_claims');
};
