import { initialSchema } from './001-initial-schema.js';
import { smsSize } from './002-sms-size.js';

/**
 * One versioned change to the storage's schema. `statements` run in order inside one transaction,
 * with `{schema}` replaced by the quoted schema name.
 */
export interface Migration {
  /** Increasing whole number; each version is applied once and recorded in `schema_migrations`. */
  version: number;
  /** Short description stored next to the version. */
  name: string;
  /** One SQL statement per entry, each without parameters. */
  statements: readonly string[];
}

/**
 * Every migration in version order. Append new ones; never edit one that has shipped, because
 * databases that already applied it will not run it again.
 */
export const migrations: readonly Migration[] = [initialSchema, smsSize];
