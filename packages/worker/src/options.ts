import type {
  EmailTransport,
  Logger,
  MergeField,
  RetryOptions,
  SmsTransport,
} from '@pics/automations-core';
import type { PostgresStorage } from '@pics/automations-storage-postgres';
import type pg from 'pg';

/**
 * Options of {@link createWorker}. Give exactly one of `connectionString` and `pool`: pg-boss and
 * the worker's own tables use it, and it must reach the same database as `storage`.
 */
export interface WorkerOptions {
  /**
   * A libpq connection string such as `postgres://user@host:5432/db`. The worker creates a
   * `pg.Pool` for it and ends the pool on `stop()`.
   * @default undefined
   */
  connectionString?: string | undefined;
  /**
   * An existing node-postgres pool. The worker borrows it and `stop()` leaves it open.
   * @default undefined
   */
  pool?: pg.Pool | undefined;
  /**
   * Schema of the worker's tables (run plans, batches, recipients). A plain identifier; created
   * on start.
   * @default 'pics_automations_worker'
   */
  schema?: string | undefined;
  /**
   * Schema of pg-boss's tables. A plain identifier; pg-boss creates and migrates it on start.
   * @default 'pgboss'
   */
  bossSchema?: string | undefined;
  /**
   * The PostgreSQL storage: automations, learners, ledger, runs and communications. It must live
   * in the same database as the worker's tables, because the report reads both.
   */
  storage: PostgresStorage;
  /** Transports by channel, as for `createRunner`. */
  transports: { email?: EmailTransport | undefined; sms?: SmsTransport | undefined };
  /** IANA time zone of the host; run dates, 05:00 and the tick's cron are local to it. @default 'Europe/London' */
  timeZone?: string | undefined;
  /** Region for mobile numbers written without a country code. @default 'GB' */
  defaultPhoneRegion?: string | undefined;
  /** Host merge fields added to the built-in catalogue. @default [] */
  hostMergeFields?: readonly MergeField[] | undefined;
  /** Recipients per send-batch job. At least 1. @default 200 */
  batchSize?: number | undefined;
  /** Messages in flight at once within one batch. At least 1. @default 8 */
  concurrency?: number | undefined;
  /** Send-batch jobs this process works on at once. At least 1. @default 2 */
  parallelBatches?: number | undefined;
  /** Retry policy for transient transport failures, as for `createRunner`. */
  retry?: RetryOptions | undefined;
  /**
   * Maximum wait for one transport call, in milliseconds, as the runner's option of the same name:
   * a call still unsettled then is not retried and its learner is reported uncertain.
   * @default 120000
   */
  sendTimeoutMs?: number | undefined;
  /**
   * Seconds a send-batch job may stay active before pg-boss fails it and another worker retries
   * it. Must exceed the slowest batch: `batchSize` messages at the transport's pace, retries
   * included.
   * @default 900 (15 minutes)
   */
  batchExpireInSeconds?: number | undefined;
  /** Seconds a plan job may stay active; planning reads every learner of the run once. @default 1800 */
  planExpireInSeconds?: number | undefined;
  /** Retries of a failed or expired job before pg-boss gives it up. @default 10 */
  retryLimit?: number | undefined;
  /** Seconds before the first retry of a failed job, doubled on each further retry. @default 30 */
  retryDelaySeconds?: number | undefined;
  /** Cron expression of the tick, in `timeZone`. @default '*\/5 * * * *' (every five minutes) */
  tickCron?: string | undefined;
  /** Seconds between two polls of an empty queue. At least 0.5. @default 2 */
  pollingIntervalSeconds?: number | undefined;
  /**
   * Seconds between two pg-boss maintenance passes, which also fail jobs whose worker died so
   * they are retried. At least 1.
   * @default 60
   */
  maintenanceIntervalSeconds?: number | undefined;
  /**
   * How long `stop()` waits for the batches in hand to finish before it releases them: it stops
   * starting sends, records what was sent and hands the rest back to the queue.
   * @default 30000
   */
  shutdownTimeoutMs?: number | undefined;
  /** How long the run claim in the RunStore lasts without a batch renewing it. @default 3600000 */
  leaseMs?: number | undefined;
  /** pino-compatible logger. @default silent */
  logger?: Logger | undefined;
  /** Returns the current instant. @default () => new Date() */
  clock?: (() => Date) | undefined;
}

/** Default of {@link WorkerOptions.schema}. */
export const DEFAULT_WORKER_SCHEMA = 'pics_automations_worker';

/** Default of {@link WorkerOptions.bossSchema}. */
export const DEFAULT_BOSS_SCHEMA = 'pgboss';

/** Defaults of the numeric and text options of {@link WorkerOptions}. */
export const WORKER_DEFAULTS = Object.freeze({
  batchSize: 200,
  concurrency: 8,
  parallelBatches: 2,
  batchExpireInSeconds: 900,
  planExpireInSeconds: 1800,
  retryLimit: 10,
  retryDelaySeconds: 30,
  tickCron: '*/5 * * * *',
  pollingIntervalSeconds: 2,
  maintenanceIntervalSeconds: 60,
  shutdownTimeoutMs: 30_000,
  leaseMs: 3_600_000,
});
