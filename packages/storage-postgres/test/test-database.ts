import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll } from 'vitest';
import {
  createPostgresStorage,
  type PostgresStorage,
  type PostgresStorageOptions,
} from '../src/index.js';

/** Where the tests run: the server at `DATABASE_URL` when it is set, else an in-memory PGlite. */
export type TestTarget = 'postgres' | 'pglite';

/** The configured target. */
export const configuredTarget: TestTarget = process.env.DATABASE_URL ? 'postgres' : 'pglite';

/** Path of the shared filter cases, next to the repository. */
export const filterCasesFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/cases/filters.json',
);

/** Connections a test file shares, with storages each on a fresh schema. */
export interface TestDatabase {
  readonly target: TestTarget;
  /** Creates a storage on a new schema with a random name and migrates it. */
  createStorage(options?: PostgresStorageOptions): Promise<PostgresStorage>;
  /** Drops the storage's schema and closes it. */
  destroyStorage(storage: PostgresStorage): Promise<void>;
  /** Connection options for another storage on the same database. */
  connection(): PostgresStorageOptions;
}

/**
 * Opens one pool (or one PGlite) for the calling test file and closes it after the file's tests.
 * Every storage gets its own schema, dropped by `destroyStorage`.
 */
export function useTestDatabase(target: TestTarget = configuredTarget): TestDatabase {
  let pool: pg.Pool | undefined;
  let pglite: PGlite | undefined;

  const connection = (): PostgresStorageOptions => {
    if (target === 'postgres') {
      pool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });

      return { pool };
    }
    pglite ??= new PGlite();

    return { pgliteInstance: pglite };
  };

  afterAll(async () => {
    await pool?.end();
    await pglite?.close();
  });

  return {
    target,
    connection,
    createStorage: async (options = {}) => {
      const storage = createPostgresStorage({
        ...connection(),
        schema: randomSchemaName(),
        ...options,
      });
      await storage.migrate();

      return storage;
    },
    destroyStorage: async (storage) => {
      await storage.database.query(`DROP SCHEMA IF EXISTS "${storage.schema}" CASCADE`);
      await storage.close();
    },
  };
}

/** Returns a schema name no other test uses. */
export function randomSchemaName(): string {
  return `test_${randomUUID().replaceAll('-', '')}`;
}
