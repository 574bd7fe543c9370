/**
 * PostgreSQL storage for communication automations: every storage port on one schema, with the
 * audience filters compiled to SQL. Runs on node-postgres or on an embedded PGlite.
 *
 * @packageDocumentation
 */
export type { Database, Queryable, Row } from './database.js';
export { compileFiltersToSql, type SqlCondition } from './filters-sql.js';
export { LEARNER_COLUMNS } from './learner-row.js';
export type { MigrateResult } from './migrate.js';
export type { PgliteOptions, PostgresStorageOptions } from './options.js';
export { createPostgresStorage, type PostgresStorage } from './storage.js';
