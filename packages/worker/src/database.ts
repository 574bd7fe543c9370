import type pg from 'pg';

/** The one method pg-boss needs to run its SQL on a connection of ours (its `db` option). */
export interface BossDb {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** Returns a pg-boss `db` that runs on a pool or on one client (inside a transaction). */
export function bossDb(client: pg.Pool | pg.PoolClient): BossDb {
  return {
    executeSql: async (text, values) => {
      const result = await client.query(text, values);

      return { rows: result.rows ?? [] };
    },
  };
}

/**
 * Runs `work` in one transaction on one connection of the pool: commits when it resolves, rolls
 * back when it throws.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');

    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
