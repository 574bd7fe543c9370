import pg from 'pg';
import Cursor from 'pg-cursor';
import type { Database, Queryable, Row } from './database.js';
import { storageFailed } from './errors.js';

const DATE_OID = 1082;

// Per-query type parsers, so a `date` comes back as its `YYYY-MM-DD` text without changing the
// global parsers of a pool the host shares with other code.
const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === DATE_OID
      ? (text: string) => text
      : pg.types.getTypeParser(oid, format ?? 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

/** Options of {@link createPgDatabase}. */
export interface PgDatabaseOptions {
  /** The pool to run queries on. */
  pool: pg.Pool;
  /** Whether `close()` ends the pool: true when the storage created it, false when the host did. */
  ownsPool: boolean;
}

/** Creates a {@link Database} over a node-postgres pool, with cursors for large reads. */
export function createPgDatabase({ pool, ownsPool }: PgDatabaseOptions): Database {
  return {
    query: (sql, params) => runQuery(pool, sql, params),
    transaction: (work) => runTransaction(pool, work),
    cursor: (sql, params, batchSize) => readWithCursor(pool, sql, params, batchSize),
    close: async () => {
      if (ownsPool) await pool.end();
    },
  };
}

async function runQuery<T extends Row>(
  client: pg.Pool | pg.PoolClient,
  sql: string,
  params: readonly unknown[] = [],
): Promise<T[]> {
  try {
    const result = await client.query<T>({ text: sql, values: [...params], types: typeParsers });

    return result.rows;
  } catch (error) {
    throw storageFailed(error);
  }
}

async function runTransaction<T>(
  pool: pg.Pool,
  work: (transaction: Queryable) => Promise<T>,
): Promise<T> {
  const client = await connect(pool);
  try {
    await runQuery(client, 'BEGIN');
    const result = await work({ query: (sql, params) => runQuery(client, sql, params) });
    await runQuery(client, 'COMMIT');

    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function* readWithCursor<T extends Row>(
  pool: pg.Pool,
  sql: string,
  params: readonly unknown[],
  batchSize: number,
): AsyncIterable<T[]> {
  const client = await connect(pool);
  const cursor = client.query(new Cursor<T>(sql, [...params], { types: typeParsers }));
  try {
    while (true) {
      const rows = await readBatch(cursor, batchSize);
      if (rows.length === 0) return;
      yield rows;
    }
  } finally {
    // Closing the cursor also ends the implicit transaction that holds its snapshot.
    await cursor.close().catch(() => undefined);
    client.release();
  }
}

async function readBatch<T>(cursor: Cursor<T>, batchSize: number): Promise<T[]> {
  try {
    return await cursor.read(batchSize);
  } catch (error) {
    throw storageFailed(error);
  }
}

async function connect(pool: pg.Pool): Promise<pg.PoolClient> {
  try {
    return await pool.connect();
  } catch (error) {
    throw storageFailed(error);
  }
}
