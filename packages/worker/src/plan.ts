import { type Automation, AutomationsError, ErrorCode, type Learner } from '@pics/automations-core';
import type pg from 'pg';
import type { WorkerContext } from './context.js';
import { bossDb, inTransaction } from './database.js';
import { MESSAGE_PREFIX } from './errors.js';
import { sendFinishJob } from './finish.js';
import { type BatchJobData, batchJobId, type PlanJobData, QUEUES } from './jobs.js';

/** Outcome of a plan job. */
export type PlanOutcome =
  | { status: 'planned'; recipients: number; batches: number }
  | { status: 'alreadyPlanned' | 'alreadyFinished' | 'automationNotFound' };

/**
 * Plans one run: claims it in the RunStore for this fleet of workers, records every matching
 * learner as a recipient, split into batches of `batchSize`, and sends one send-batch job per
 * batch. The recipients, the batches and their jobs are written in one transaction, so a crash
 * leaves either all of them or none, and the retried plan job starts again from scratch.
 *
 * @throws {AutomationsError} with code `VERSION_CONFLICT` when another process (a single-process
 *   runner) holds the run; pg-boss retries the job, which takes the run over once that lease
 *   lapses or finds it finished.
 */
export async function planRun(context: WorkerContext, data: PlanJobData): Promise<PlanOutcome> {
  const { config } = context;
  const logger = config.logger.child({ automationId: data.automationId, runDate: data.runDate });
  if (await isPlanned(context, data)) return { status: 'alreadyPlanned' };

  const automation = await config.storage.automations.get({ id: data.automationId });
  if (automation === undefined) {
    logger.warn('Automation deleted before its run was planned, so nothing is sent');
    return { status: 'automationNotFound' };
  }

  // Compiles the templates and checks the channel's transport before anything is claimed.
  context.deliverer.prepareRun({ automation, runDate: data.runDate });
  if (!(await claimRun(context, data))) return { status: 'alreadyFinished' };

  const outcome = await writePlan(context, data, automation);
  logger.info({ ...outcome }, 'Run planned');

  return outcome;
}

async function isPlanned(context: WorkerContext, data: PlanJobData): Promise<boolean> {
  const { rows } = await context.config.pool.query(
    `SELECT 1 FROM ${context.config.schema}.run_plans
     WHERE automation_id = $1 AND run_date = $2::date`,
    [data.automationId, data.runDate],
  );

  return rows.length > 0;
}

// Returns false when the run is finished. Every process of the fleet claims with the same
// holder, so a plan job retried while the lease of its first attempt lasts still goes ahead.
async function claimRun(context: WorkerContext, data: PlanJobData): Promise<boolean> {
  const { config } = context;
  const claim = await config.storage.runs.claim({
    ...data,
    holder: config.holder,
    leaseMs: config.leaseMs,
    now: config.clock(),
  });
  if (claim.outcome === 'finished') return false;
  if (claim.outcome === 'claimed' || claim.run.holder === config.holder) return true;

  throw new AutomationsError(
    ErrorCode.VersionConflict,
    `${MESSAGE_PREFIX} the run of automation "${data.automationId}" on ${data.runDate} is held by "${claim.run.holder}" until ${claim.run.leaseExpiresAt.toISOString()}: the plan job is retried and takes the run over if that lease lapses`,
  );
}

function writePlan(
  context: WorkerContext,
  data: PlanJobData,
  automation: Automation,
): Promise<PlanOutcome> {
  return inTransaction(context.config.pool, (client) =>
    planInTransaction(context, client, data, automation),
  );
}

async function planInTransaction(
  context: WorkerContext,
  client: pg.PoolClient,
  data: PlanJobData,
  automation: Automation,
): Promise<PlanOutcome> {
  const { config } = context;
  const inserted = await client.query(
    `INSERT INTO ${config.schema}.run_plans (automation_id, run_date, automation, planned_at)
     VALUES ($1, $2::date, $3::jsonb, $4) ON CONFLICT DO NOTHING RETURNING 1`,
    [data.automationId, data.runDate, JSON.stringify(automation), config.clock()],
  );
  if (inserted.rows.length === 0) return { status: 'alreadyPlanned' };

  let recipients = 0;
  let batches = 0;
  for await (const learners of inBatches(context, automation, data)) {
    await writeBatch(context, client, { ...data, batch: batches }, learners);
    recipients += learners.length;
    batches += 1;
  }
  await client.query(
    `UPDATE ${config.schema}.run_plans SET recipients = $3, batches = $4
     WHERE automation_id = $1 AND run_date = $2::date`,
    [data.automationId, data.runDate, recipients, batches],
  );
  if (batches === 0) await sendFinishJob(context, client, data);

  return { status: 'planned', recipients, batches };
}

async function* inBatches(
  context: WorkerContext,
  automation: Automation,
  data: PlanJobData,
): AsyncIterable<Learner[]> {
  const { batchSize, storage } = context.config;
  let batch: Learner[] = [];
  for await (const learner of storage.learners.findLearners({
    filters: automation.filters,
    runDate: data.runDate,
  })) {
    batch.push(learner);
    if (batch.length === batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

async function writeBatch(
  context: WorkerContext,
  client: pg.PoolClient,
  data: BatchJobData,
  learners: readonly Learner[],
): Promise<void> {
  const { config } = context;
  await client.query(
    `INSERT INTO ${config.schema}.run_recipients (automation_id, run_date, learner_id, batch, learner)
     SELECT $1, $2::date, learner->>'id', $3, learner FROM jsonb_array_elements($4::jsonb) learner`,
    [data.automationId, data.runDate, data.batch, JSON.stringify(learners)],
  );
  await client.query(
    `INSERT INTO ${config.schema}.run_batches (automation_id, run_date, batch, recipients)
     VALUES ($1, $2::date, $3, $4)`,
    [data.automationId, data.runDate, data.batch, learners.length],
  );
  await context.boss.send(QUEUES.batch, data, {
    id: batchJobId(data),
    expireInSeconds: config.batchExpireInSeconds,
    retryLimit: config.retryLimit,
    retryDelay: config.retryDelaySeconds,
    retryBackoff: true,
    deadLetter: QUEUES.batchGivenUp,
    db: bossDb(client),
  });
}
