import type pg from 'pg';
import { inTransaction } from './database.js';

const STATEMENTS = [
  'CREATE SCHEMA IF NOT EXISTS {schema}',
  // One row per planned run, with the automation as it was when planned, so every batch sends
  // the same subject and body even when the automation is edited during the run.
  `CREATE TABLE IF NOT EXISTS {schema}.run_plans (
    automation_id text NOT NULL,
    run_date date NOT NULL,
    automation jsonb NOT NULL,
    recipients integer NOT NULL DEFAULT 0,
    batches integer NOT NULL DEFAULT 0,
    planned_at timestamptz NOT NULL,
    finished_at timestamptz,
    report jsonb,
    PRIMARY KEY (automation_id, run_date)
  )`,
  `CREATE TABLE IF NOT EXISTS {schema}.run_batches (
    automation_id text NOT NULL,
    run_date date NOT NULL,
    batch integer NOT NULL,
    recipients integer NOT NULL,
    finished_at timestamptz,
    PRIMARY KEY (automation_id, run_date, batch)
  )`,
  // The learner record is kept until the recipient's outcome is recorded, then cleared.
  `CREATE TABLE IF NOT EXISTS {schema}.run_recipients (
    automation_id text NOT NULL,
    run_date date NOT NULL,
    learner_id text NOT NULL,
    batch integer NOT NULL,
    learner jsonb,
    outcome text,
    reason text,
    segments integer,
    encoding text,
    PRIMARY KEY (automation_id, run_date, learner_id)
  )`,
  // Tables created before the SMS encoding was recorded lack the column.
  'ALTER TABLE {schema}.run_recipients ADD COLUMN IF NOT EXISTS encoding text',
  `CREATE INDEX IF NOT EXISTS run_recipients_batch
    ON {schema}.run_recipients (automation_id, run_date, batch)`,
];

/**
 * Creates the worker's schema and tables when missing. A transaction-scoped advisory lock makes
 * processes that start at once create them one after the other.
 */
export async function migrateWorkerSchema(
  pool: pg.Pool,
  schemaName: string,
  schema: string,
): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query(
      "SELECT pg_advisory_xact_lock(hashtext('pics_automations_worker.migrate'), hashtext($1))",
      [schemaName],
    );
    for (const statement of STATEMENTS) {
      await client.query(statement.replaceAll('{schema}', schema));
    }
  });
}
