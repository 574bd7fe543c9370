import type { Database, Queryable } from './database.js';
import { type Migration, migrations } from './migrations/index.js';

/** Result of {@link migrateSchema}. */
export interface MigrateResult {
  /** Versions applied by this call, in order; empty when the schema was already current. */
  applied: number[];
}

// First key of the advisory lock that serialises migrations; the second is the schema's hash,
// so migrations of different schemas do not wait for each other.
const MIGRATION_LOCK_KEY = "hashtext('pics_automations.migrate')";

/**
 * Creates the schema when missing and applies the migrations it has not recorded yet, in one
 * transaction. A transaction-scoped advisory lock makes concurrent calls (two processes starting
 * at once) run one after the other, so the second finds nothing left to do. `available` is every
 * migration by default; tests pass a prefix of it to build a schema at an older version.
 */
export async function migrateSchema(
  database: Database,
  schemaName: string,
  quotedSchema: string,
  available: readonly Migration[] = migrations,
): Promise<MigrateResult> {
  return database.transaction(async (transaction) => {
    await transaction.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY}, hashtext($1))`, [
      schemaName,
    ]);
    await createMigrationsTable(transaction, quotedSchema);

    const done = await appliedVersions(transaction, quotedSchema);
    const pending = available.filter((migration) => !done.has(migration.version));
    for (const migration of pending) {
      await applyMigration(transaction, quotedSchema, migration);
    }

    return { applied: pending.map((migration) => migration.version) };
  });
}

async function createMigrationsTable(transaction: Queryable, quotedSchema: string): Promise<void> {
  await transaction.query(`CREATE SCHEMA IF NOT EXISTS ${quotedSchema}`);
  await transaction.query(
    `CREATE TABLE IF NOT EXISTS ${quotedSchema}.schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`,
  );
}

async function appliedVersions(transaction: Queryable, quotedSchema: string): Promise<Set<number>> {
  const rows = await transaction.query<{ version: number }>(
    `SELECT version FROM ${quotedSchema}.schema_migrations`,
  );

  return new Set(rows.map((row) => row.version));
}

async function applyMigration(
  transaction: Queryable,
  quotedSchema: string,
  migration: Migration,
): Promise<void> {
  for (const statement of migration.statements) {
    await transaction.query(statement.replaceAll('{schema}', quotedSchema));
  }
  await transaction.query(
    `INSERT INTO ${quotedSchema}.schema_migrations (version, name) VALUES ($1, $2)`,
    [migration.version, migration.name],
  );
}
