import {
  assertTimeZone,
  DEFAULT_TIME_ZONE,
  type Logger,
  silentLogger,
} from '@pics/automations-core';
import type { PostgresStorage } from '@pics/automations-storage-postgres';
import pg from 'pg';
import { invalidOption } from './errors.js';
import {
  DEFAULT_BOSS_SCHEMA,
  DEFAULT_WORKER_SCHEMA,
  WORKER_DEFAULTS,
  type WorkerOptions,
} from './options.js';

// Unquoted-identifier shape with PostgreSQL's 63-byte limit.
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** {@link WorkerOptions} checked, with every default applied. */
export interface WorkerConfig {
  pool: pg.Pool;
  /** Whether `stop()` ends the pool: true when the worker created it. */
  ownsPool: boolean;
  /** Worker schema, unquoted. */
  schemaName: string;
  /** Worker schema, double-quoted for SQL. */
  schema: string;
  bossSchema: string;
  storage: PostgresStorage;
  timeZone: string;
  batchSize: number;
  concurrency: number;
  parallelBatches: number;
  batchExpireInSeconds: number;
  planExpireInSeconds: number;
  retryLimit: number;
  retryDelaySeconds: number;
  tickCron: string;
  pollingIntervalSeconds: number;
  maintenanceIntervalSeconds: number;
  shutdownTimeoutMs: number;
  leaseMs: number;
  /** Holder of every run claim this fleet makes, shared by all its processes. */
  holder: string;
  logger: Logger;
  clock: () => Date;
}

/**
 * Checks worker options and applies their defaults. Transport and retry options are checked by
 * core's runner configuration.
 *
 * @throws {AutomationsError} with code `INVALID_ARGUMENT` naming the option at fault.
 */
export function resolveWorkerConfig(options: WorkerOptions): WorkerConfig {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  assertTimeZone(timeZone);
  const schemaName = requireIdentifier('schema', options.schema ?? DEFAULT_WORKER_SCHEMA);
  const { pool, ownsPool } = openPool(options);

  return {
    pool,
    ownsPool,
    schemaName,
    schema: `"${schemaName}"`,
    bossSchema: requireIdentifier('bossSchema', options.bossSchema ?? DEFAULT_BOSS_SCHEMA),
    storage: options.storage,
    timeZone,
    ...resolveNumbers(options),
    tickCron: options.tickCron ?? WORKER_DEFAULTS.tickCron,
    holder: `pics-worker:${schemaName}`,
    logger: options.logger ?? silentLogger,
    clock: options.clock ?? (() => new Date()),
  };
}

function resolveNumbers(options: WorkerOptions) {
  const pick = (name: keyof typeof WORKER_DEFAULTS & keyof WorkerOptions) =>
    (options[name] as number | undefined) ?? (WORKER_DEFAULTS[name] as number);

  return {
    batchSize: requireWhole('batchSize', pick('batchSize'), 1),
    concurrency: requireWhole('concurrency', pick('concurrency'), 1),
    parallelBatches: requireWhole('parallelBatches', pick('parallelBatches'), 1),
    batchExpireInSeconds: requireWhole('batchExpireInSeconds', pick('batchExpireInSeconds'), 1),
    planExpireInSeconds: requireWhole('planExpireInSeconds', pick('planExpireInSeconds'), 1),
    retryLimit: requireWhole('retryLimit', pick('retryLimit'), 0),
    retryDelaySeconds: requireWhole('retryDelaySeconds', pick('retryDelaySeconds'), 0),
    pollingIntervalSeconds: requireAtLeast(
      'pollingIntervalSeconds',
      pick('pollingIntervalSeconds'),
      0.5,
    ),
    maintenanceIntervalSeconds: requireWhole(
      'maintenanceIntervalSeconds',
      pick('maintenanceIntervalSeconds'),
      1,
    ),
    shutdownTimeoutMs: requireWhole('shutdownTimeoutMs', pick('shutdownTimeoutMs'), 0),
    leaseMs: requireWhole('leaseMs', pick('leaseMs'), 1000),
  };
}

function openPool(options: WorkerOptions): { pool: pg.Pool; ownsPool: boolean } {
  if (options.pool !== undefined && options.connectionString !== undefined) {
    throw invalidOption('pool', 'and connectionString', 'only one way to connect');
  }
  if (options.pool !== undefined) return { pool: options.pool, ownsPool: false };
  if (options.connectionString !== undefined) {
    return { pool: new pg.Pool({ connectionString: options.connectionString }), ownsPool: true };
  }

  throw invalidOption(
    'connectionString',
    undefined,
    'a PostgreSQL connection string or a pool: pg-boss needs a PostgreSQL server',
  );
}

function requireIdentifier(option: string, name: string): string {
  if (IDENTIFIER.test(name)) return name;

  throw invalidOption(option, name, 'letters, digits and underscores, at most 63 characters');
}

function requireWhole(option: string, value: number, minimum: number): number {
  if (Number.isInteger(value) && value >= minimum) return value;

  throw invalidOption(option, value, `a whole number of at least ${minimum}`);
}

function requireAtLeast(option: string, value: number, minimum: number): number {
  if (Number.isFinite(value) && value >= minimum) return value;

  throw invalidOption(option, value, `a number of at least ${minimum}`);
}
