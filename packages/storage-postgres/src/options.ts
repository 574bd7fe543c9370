import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';

/** Location of the embedded PGlite database's files. */
export interface PgliteOptions {
  /**
   * Folder for the database files, created when missing; absent keeps the database in memory,
   * so it is gone when the process exits.
   * @default undefined (in memory)
   */
  dataDir?: string | undefined;
}

/**
 * Options of {@link createPostgresStorage}. Give at most one of `connectionString`, `pool`,
 * `pglite` and `pgliteInstance`; with none, the storage runs on an in-memory PGlite.
 */
export interface PostgresStorageOptions {
  /**
   * A libpq connection string such as `postgres://user@host:5432/db`. The storage creates a
   * `pg.Pool` for it and ends the pool on `close()`.
   * @default undefined
   */
  connectionString?: string | undefined;
  /**
   * An existing node-postgres pool. The storage borrows it and `close()` leaves it open.
   * @default undefined
   */
  pool?: pg.Pool | undefined;
  /**
   * Runs on an embedded PGlite created by the storage and closed on `close()`.
   * @default { } (in memory) when no other connection option is given
   */
  pglite?: PgliteOptions | undefined;
  /**
   * An existing PGlite instance. The storage borrows it and `close()` leaves it open.
   * @default undefined
   */
  pgliteInstance?: PGlite | undefined;
  /**
   * Schema that contains the storage's tables. A plain identifier (letters, digits, underscores),
   * always quoted in SQL; `migrate()` creates it.
   * @default 'pics_automations'
   */
  schema?: string | undefined;
  /**
   * Table or view the learner source reads: a name in `schema`, or `other_schema.name`. A view
   * with the reference table's columns maps a host's own learner data; see the README.
   * `upsertLearners` writes to it, so it must be a table (or an updatable view with a primary
   * key on `id`) for writes.
   * @default 'learners' (the reference table that `migrate()` creates)
   */
  learnersTable?: string | undefined;
  /**
   * Learners read from the database per round trip while streaming, and written per statement
   * by `upsertLearners`. At least 1.
   * @default 1000
   */
  batchSize?: number | undefined;
}

/** Default schema name. */
export const DEFAULT_SCHEMA = 'pics_automations';

/** Default learner table, created by the migrations. */
export const DEFAULT_LEARNERS_TABLE = 'learners';

/** Default number of learners per batch. */
export const DEFAULT_BATCH_SIZE = 1000;
