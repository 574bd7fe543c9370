import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { Database, Queryable, Row } from './database.js';
import { storageFailed } from './errors.js';

const DATE_OID = 1082;

// PGlite parses `date` into a JS Date at UTC midnight; the store keeps calendar dates as text.
const parsers = { [DATE_OID]: (text: string) => text };

/** Options of {@link createPgliteDatabase}. */
export interface PgliteDatabaseOptions {
  /** The embedded database. */
  pglite: PGlite;
  /** Whether `close()` closes it: true when the storage created it. */
  ownsDatabase: boolean;
}

/**
 * Creates a {@link Database} over PGlite. PGlite runs one connection and queues every query and
 * transaction behind the one in progress, so it offers no cursor: the learner source pages by id.
 */
export function createPgliteDatabase({ pglite, ownsDatabase }: PgliteDatabaseOptions): Database {
  return {
    query: (sql, params) => runQuery(pglite, sql, params),
    transaction: (work) => runTransaction(pglite, work),
    close: async () => {
      if (ownsDatabase && !pglite.closed) await pglite.close();
    },
  };
}

async function runQuery<T extends Row>(
  client: PGlite | Transaction,
  sql: string,
  params: readonly unknown[] = [],
): Promise<T[]> {
  try {
    const result = await client.query<T>(sql, [...params], { parsers });

    return result.rows;
  } catch (error) {
    throw storageFailed(error);
  }
}

async function runTransaction<T>(
  pglite: PGlite,
  work: (transaction: Queryable) => Promise<T>,
): Promise<T> {
  try {
    return await pglite.transaction((transaction) =>
      work({ query: (sql, params) => runQuery(transaction, sql, params) }),
    );
  } catch (error) {
    throw storageFailed(error);
  }
}
