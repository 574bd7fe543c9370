import path from 'node:path';
import type { LearnerStore, Storage } from '@pics/automations-core';
import { createMemoryStorage } from '@pics/automations-storage-memory';
import { createPostgresStorage } from '@pics/automations-storage-postgres';
import { describeConnectionFailure, serverAddress } from './connection-error.js';
import { SetupError } from './errors.js';
import type { QuickstartFlags } from './flags.js';

/** Storage the quickstart can seed: its learner source accepts writes. */
export interface QuickstartStorage extends Storage {
  learners: LearnerStore;
}

/**
 * Creates the storage the flags choose. `memory` starts empty on every run. `postgres` connects to
 * `--database-url`, or keeps an embedded PGlite database in `--data-dir`, and applies its
 * migrations first, so automations, learners, the ledger and finished runs outlive the process.
 *
 * @throws {SetupError} when the database cannot be opened or migrated. A server that cannot be
 *   reached or rejects the login is named by host and port, never by the whole connection string.
 */
export async function createStorageFromFlags(flags: QuickstartFlags): Promise<QuickstartStorage> {
  if (flags.store === 'memory') return createMemoryStorage();

  const storage = createPostgresStorage({
    schema: flags.schema,
    ...(flags.databaseUrl === undefined
      ? { pglite: { dataDir: path.resolve(flags.dataDir) } }
      : { connectionString: flags.databaseUrl }),
  });
  try {
    await storage.migrate();
  } catch (error) {
    await storage.close();
    throw new SetupError(describeOpenFailure(flags, error), { cause: error });
  }

  return storage;
}

function describeOpenFailure(flags: QuickstartFlags, error: unknown): string {
  const reason = describeConnectionFailure(error);
  if (flags.databaseUrl !== undefined && reason !== undefined) {
    return `Cannot connect to the PostgreSQL server at ${serverAddress(flags.databaseUrl)}: ${reason}`;
  }

  return `Opening ${describeStorage(flags)} failed: ${(error as Error).message}`;
}

/** Describes the storage the flags choose, without the connection string (it may hold a password). */
export function describeStorage(flags: QuickstartFlags): string {
  if (flags.store === 'memory') return 'memory storage';
  if (flags.databaseUrl !== undefined) return `Postgres storage (schema ${flags.schema})`;

  return `Postgres storage in ${path.resolve(flags.dataDir)} (schema ${flags.schema})`;
}
