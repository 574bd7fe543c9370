import { createLearnerDeliverer, type RunKey } from '@pics/automations-core';
import PgBoss from 'pg-boss';
import { workBatch } from './batch.js';
import { resolveWorkerConfig, type WorkerConfig } from './config.js';
import type { WorkerContext } from './context.js';
import { bossDb } from './database.js';
import { finishRun } from './finish.js';
import { giveUpBatch } from './give-up.js';
import { type BatchJobData, type FinishJobData, type PlanJobData, QUEUES } from './jobs.js';
import { migrateWorkerSchema } from './migrate.js';
import type { WorkerOptions } from './options.js';
import { planRun } from './plan.js';
import { readRunReport, type WorkerRunReport } from './report.js';
import { type TickResult, tick } from './tick.js';

/** One worker process of a fleet that shares the daily run through pg-boss. */
export interface AutomationsWorker {
  /**
   * Creates the worker's tables and pg-boss's schema when missing, schedules the tick and starts
   * working on tick, plan, send-batch and finish jobs. Call `storage.migrate()` first.
   */
  start(): Promise<void>;
  /**
   * Stops taking jobs and waits up to `shutdownTimeoutMs` for the batches in hand. A batch still
   * going after that stops starting sends, records what it sent and goes back to the queue. Ends
   * the pool when the worker created it. Call it on SIGTERM.
   */
  stop(): Promise<void>;
  /**
   * Sends a plan job for each automation due on the local date of `now` that is not planned yet,
   * once `now` has reached 05:00 local time. The scheduled tick calls it; hosts and tests may too.
   */
  tick(args?: { now?: Date | undefined }): Promise<TickResult>;
  /** Returns the progress or final report of a run, read from the database. */
  getRunReport(key: RunKey): Promise<WorkerRunReport>;
}

/**
 * Creates a worker. Every process of a fleet runs one, with the same database, schemas and
 * options; together they send each due automation's messages once per run date.
 *
 * @throws {AutomationsError} with code `INVALID_ARGUMENT` when an option is invalid.
 */
export function createWorker(options: WorkerOptions): AutomationsWorker {
  const config = resolveWorkerConfig(options);
  const context: WorkerContext = {
    config,
    boss: createBoss(config),
    deliverer: createLearnerDeliverer({
      storage: config.storage,
      transports: options.transports,
      timeZone: config.timeZone,
      defaultPhoneRegion: options.defaultPhoneRegion ?? 'GB',
      hostMergeFields: options.hostMergeFields ?? [],
      concurrency: config.concurrency,
      retry: options.retry ?? {},
      sendTimeoutMs: options.sendTimeoutMs,
      logger: config.logger,
    }),
    shutdown: new AbortController(),
    deliveries: new Map(),
  };
  const connect = once(() => connectBoss(context));

  return {
    start: async () => {
      await connect();
      await startWorking(context);
    },
    stop: () => stopWorker(context),
    tick: async (args) => {
      await connect();
      return tick(context, args?.now ?? config.clock());
    },
    getRunReport: (key) => readRunReport(config.pool, config.schema, key),
  };
}

function createBoss(config: WorkerConfig): PgBoss {
  const boss = new PgBoss({
    db: bossDb(config.pool),
    schema: config.bossSchema,
    maintenanceIntervalSeconds: config.maintenanceIntervalSeconds,
    pollingIntervalSeconds: config.pollingIntervalSeconds,
  });
  boss.on('error', (error) => config.logger.error({ err: error }, 'pg-boss reported an error'));

  return boss;
}

async function connectBoss(context: WorkerContext): Promise<void> {
  const { config, boss } = context;
  await migrateWorkerSchema(config.pool, config.schemaName, config.schema);
  await boss.start();
  for (const queue of Object.values(QUEUES)) await boss.createQueue(queue);
}

async function startWorking(context: WorkerContext): Promise<void> {
  const { config, boss } = context;
  await work<PlanJobData>(context, QUEUES.plan, (data) => planRun(context, data));
  await work<FinishJobData>(context, QUEUES.finish, (data) => finishRun(context, data));
  await work<object>(context, QUEUES.tick, () => tick(context, config.clock()));
  await work<BatchJobData>(context, QUEUES.batchGivenUp, (data) => giveUpBatch(context, data));
  for (let lane = 0; lane < config.parallelBatches; lane++) {
    await work<BatchJobData>(context, QUEUES.batch, (data) => workBatch(context, data));
  }
  await boss.schedule(QUEUES.tick, config.tickCron, {}, { tz: config.timeZone });
  config.logger.info(
    { parallelBatches: config.parallelBatches, concurrency: config.concurrency },
    'Worker started',
  );
}

/**
 * Works one queue, one job at a time. After each job the loop polls again at once instead of
 * waiting `pollingIntervalSeconds`, so a busy queue is drained without pauses.
 */
async function work<Data extends object>(
  context: WorkerContext,
  queue: string,
  handle: (data: Data) => Promise<unknown>,
): Promise<void> {
  const { boss, config } = context;
  const workerId: string = await boss.work<Data>(queue, { batchSize: 1 }, async ([job]) => {
    if (job === undefined) return;
    try {
      return await handle(job.data);
    } catch (error) {
      config.logger.error(
        { err: error, queue, jobId: job.id, ...job.data },
        'Job failed; pg-boss retries it until its retry limit',
      );
      throw error;
    } finally {
      boss.notifyWorker(workerId);
    }
  });
}

async function stopWorker(context: WorkerContext): Promise<void> {
  const { config, boss, shutdown } = context;
  config.logger.info('Worker stopping: finishing the batches in hand');
  const release = setTimeout(
    () => shutdown.abort(new Error('worker stopped')),
    config.shutdownTimeoutMs,
  );
  try {
    await boss.stop({ graceful: true, timeout: config.shutdownTimeoutMs + 10_000 });
  } finally {
    clearTimeout(release);
  }
  if (config.ownsPool) await config.pool.end();
  config.logger.info('Worker stopped');
}

// Runs `action` once and hands every caller the same promise. A failure is not retried, because
// pg-boss 10 cannot start again after a failed start: the host restarts the process instead.
function once(action: () => Promise<void>): () => Promise<void> {
  let started: Promise<void> | undefined;

  return () => {
    started ??= action();

    return started;
  };
}
