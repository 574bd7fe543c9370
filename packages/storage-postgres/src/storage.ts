import { PGlite } from '@electric-sql/pglite';
import type { LearnerStore, Storage } from '@pics/automations-core';
import pg from 'pg';
import { createAutomationStore } from './automation-store.js';
import { createCommunicationLog } from './communication-log.js';
import type { Database } from './database.js';
import { invalidOption } from './errors.js';
import { quoteIdentifier, quoteTableName } from './identifiers.js';
import { createLearnerStore } from './learner-store.js';
import { createDeliveryLedger } from './ledger.js';
import { type MigrateResult, migrateSchema } from './migrate.js';
import {
  DEFAULT_BATCH_SIZE,
  DEFAULT_LEARNERS_TABLE,
  DEFAULT_SCHEMA,
  type PostgresStorageOptions,
} from './options.js';
import { createPgDatabase } from './pg-database.js';
import { createPgliteDatabase } from './pglite-database.js';
import { createRunStore } from './run-store.js';

/** Every storage port on one PostgreSQL schema, with the learner store and migrations. */
export interface PostgresStorage extends Storage {
  /** Learner source with filters pushed down into SQL; also writes learners for seeding. */
  learners: LearnerStore;
  /** The database the stores run on, for hosts that want to run their own SQL in the schema. */
  readonly database: Database;
  /** Name of the schema, unquoted. */
  readonly schema: string;
  /**
   * Creates the schema and applies pending migrations. Idempotent, and safe when several
   * processes call it at once. Call it once at start-up, before any other method.
   */
  migrate(): Promise<MigrateResult>;
  /** Closes the connections the storage opened; a pool or PGlite the host passed stays open. */
  close(): Promise<void>;
}

/**
 * Creates the PostgreSQL storage: automations, learners, ledger, runs and communications in one
 * schema, on node-postgres (a connection string or a pool) or on an embedded PGlite.
 *
 * @throws {AutomationsError} with code `INVALID_ARGUMENT` when an option is invalid.
 */
export function createPostgresStorage(options: PostgresStorageOptions = {}): PostgresStorage {
  const schemaName = options.schema ?? DEFAULT_SCHEMA;
  const schema = quoteIdentifier(schemaName, 'schema');
  const learnersTable = quoteTableName(
    options.learnersTable ?? DEFAULT_LEARNERS_TABLE,
    schema,
    'learnersTable',
  );
  const batchSize = checkBatchSize(options.batchSize ?? DEFAULT_BATCH_SIZE);
  const database = openDatabase(options);

  return {
    automations: createAutomationStore({ database, schema }),
    learners: createLearnerStore({ database, learnersTable, batchSize }),
    ledger: createDeliveryLedger({ database, schema }),
    runs: createRunStore({ database, schema }),
    communications: createCommunicationLog({ database, schema }),
    database,
    schema: schemaName,
    migrate: () => migrateSchema(database, schemaName, schema),
    close: () => database.close(),
  };
}

function openDatabase(options: PostgresStorageOptions): Database {
  const connectionOptions = (
    ['connectionString', 'pool', 'pglite', 'pgliteInstance'] as const
  ).filter((name) => options[name] !== undefined);
  if (connectionOptions.length > 1) {
    throw invalidOption(
      connectionOptions.join(' and '),
      'were both given: pass only one way to connect.',
    );
  }

  if (options.pool !== undefined) return createPgDatabase({ pool: options.pool, ownsPool: false });
  if (options.connectionString !== undefined) {
    const pool = new pg.Pool({ connectionString: options.connectionString });

    return createPgDatabase({ pool, ownsPool: true });
  }
  if (options.pgliteInstance !== undefined) {
    return createPgliteDatabase({ pglite: options.pgliteInstance, ownsDatabase: false });
  }

  const pglite = new PGlite(options.pglite?.dataDir);

  return createPgliteDatabase({ pglite, ownsDatabase: true });
}

function checkBatchSize(batchSize: number): number {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw invalidOption('batchSize', `${batchSize} is invalid: use a whole number of at least 1.`);
  }

  return batchSize;
}
