/*
 * Copyright 2026 The AWS Governance for Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// @ts-check

/**
 * The decision log's append-only triggers, on every database knex speaks
 * here, whatever the configured client is called.
 *
 * 20261202120000_reviews chose the triggers by the configured client's
 * name (`pg`, or a name containing `sqlite`): a deployment configured
 * with knex's other names of the same drivers (`postgres`, `postgresql`,
 * a client class) ran it without creating any trigger, and its log could
 * be edited. This migration decides by the dialect knex resolved
 * (`knex.client.dialect`), (re)creates the triggers whether or not the
 * first migration made them, also refuses TRUNCATE on PostgreSQL (row
 * triggers do not see it), and refuses to run on a database it cannot
 * protect instead of leaving the log editable in silence.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const dialect = String(knex.client.dialect);
  const message = 'aws_org_review_decisions is append-only';
  if (dialect === 'postgresql') {
    await knex.raw(`
      CREATE OR REPLACE FUNCTION aws_org_review_decisions_append_only() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '${message}';
      END;
      $$`);
    await knex.raw(
      'DROP TRIGGER IF EXISTS aws_org_review_decisions_append_only ON aws_org_review_decisions',
    );
    await knex.raw(`
      CREATE TRIGGER aws_org_review_decisions_append_only
      BEFORE UPDATE OR DELETE ON aws_org_review_decisions
      FOR EACH ROW EXECUTE FUNCTION aws_org_review_decisions_append_only()`);
    await knex.raw(
      'DROP TRIGGER IF EXISTS aws_org_review_decisions_no_truncate ON aws_org_review_decisions',
    );
    await knex.raw(`
      CREATE TRIGGER aws_org_review_decisions_no_truncate
      BEFORE TRUNCATE ON aws_org_review_decisions
      FOR EACH STATEMENT EXECUTE FUNCTION aws_org_review_decisions_append_only()`);
    return;
  }
  if (dialect === 'sqlite3' || dialect === 'better-sqlite3') {
    for (const op of ['UPDATE', 'DELETE']) {
      const name = `aws_org_review_decisions_no_${op.toLowerCase()}`;
      await knex.raw(`DROP TRIGGER IF EXISTS ${name}`);
      await knex.raw(`
        CREATE TRIGGER ${name}
        BEFORE ${op} ON aws_org_review_decisions
        BEGIN
          SELECT RAISE(ABORT, '${message}');
        END`);
    }
    return;
  }
  if (dialect === 'mysql' || dialect === 'mysql2') {
    for (const op of ['UPDATE', 'DELETE']) {
      const name = `aws_org_review_decisions_no_${op.toLowerCase()}`;
      await knex.raw(`DROP TRIGGER IF EXISTS ${name}`);
      await knex.raw(`
        CREATE TRIGGER ${name}
        BEFORE ${op} ON aws_org_review_decisions
        FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${message}'`);
    }
    return;
  }
  throw new Error(
    `The access review decision log must be append-only, and this plugin knows no triggers for the "${dialect}" database; use PostgreSQL, SQLite or MySQL`,
  );
};

/**
 * Back to what 20261202120000_reviews made: its triggers stay (its own
 * down drops them with the table); TRUNCATE is allowed again.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (String(knex.client.dialect) === 'postgresql') {
    await knex.raw(
      'DROP TRIGGER IF EXISTS aws_org_review_decisions_no_truncate ON aws_org_review_decisions',
    );
  }
};
