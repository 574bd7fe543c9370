/** A row as the driver returns it: column name to parsed value. */
export type Row = Record<string, unknown>;

/**
 * Runs one SQL statement with positional parameters (`$1`, `$2`, …) and returns its rows.
 *
 * Values MUST travel only as parameters. Columns of type `date` MUST come back as `YYYY-MM-DD`
 * strings, `timestamptz` as `Date`, `jsonb` as parsed JSON and `text[]` as string arrays.
 */
export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/**
 * The slice of a PostgreSQL client the storage uses, so one store works on node-postgres and on
 * PGlite alike.
 */
export interface Database extends Queryable {
  /**
   * Runs `work` inside one transaction on one connection, commits when it resolves and rolls
   * back when it throws. Transaction-scoped advisory locks taken inside last until the commit.
   */
  transaction<T>(work: (transaction: Queryable) => Promise<T>): Promise<T>;

  /**
   * Runs a query through a server-side cursor and yields its rows in batches of at most
   * `batchSize`, so a large result never sits in memory at once. Optional: without it the
   * learner source pages through the rows by id.
   */
  cursor?<T extends Row = Row>(
    sql: string,
    params: readonly unknown[],
    batchSize: number,
  ): AsyncIterable<T[]>;

  /** Releases the connections this database opened; connections the host passed in stay open. */
  close(): Promise<void>;
}
