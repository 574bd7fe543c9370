import {
  type Automation,
  AutomationsError,
  ErrorCode,
  type Learner,
  type LearnerOutcome,
  type LedgerKey,
  type RunDelivery,
} from '@pics/automations-core';
import type pg from 'pg';
import { deliveryKey, RUN_MATCH, type WorkerContext } from './context.js';
import { inTransaction } from './database.js';
import { MESSAGE_PREFIX } from './errors.js';
import { sendFinishJob } from './finish.js';
import type { BatchJobData } from './jobs.js';

/** Result of one attempt at a send-batch job. */
export interface BatchOutcome {
  /** Recipients of the batch handled by this attempt. */
  handled: number;
  /** True when this attempt finished the run's last batch and sent the run's finish job. */
  runComplete: boolean;
}

/** A recipient of a batch: the learner record as it was when the run was planned. */
export interface Recipient {
  learnerId: string;
  learner: Learner;
}

/** Outcome of one recipient. */
export interface RecipientOutcome {
  learnerId: string;
  outcome: LearnerOutcome;
}

/**
 * Sends the messages of one batch with core's delivery step: the ledger entry is reserved before
 * the transport call and completed after it, so a recipient is never sent twice. Only recipients
 * without a recorded outcome are handled, so a retried batch goes on where the last attempt
 * stopped. A recipient that the last attempt reserved but did not complete is reported uncertain.
 *
 * The outcomes and the batch's completion are written in one transaction; the batch that
 * completes the run also sends the run's finish job in it.
 *
 * @throws the first storage error, after recording the outcomes so far; pg-boss retries the job.
 * @throws {AutomationsError} when the worker stopped before the batch was done: the rest of the
 *   batch goes back to the queue.
 */
export async function workBatch(context: WorkerContext, data: BatchJobData): Promise<BatchOutcome> {
  const logger = context.config.logger.child({ ...data });
  const delivery = await runDelivery(context, data);
  await renewLease(context, data);

  const recipients = await pendingRecipients(context, data);
  const { outcomes, error } = await deliverAll(context, data, delivery, recipients);
  const runComplete = await recordOutcomes(context, data, outcomes, error === undefined);
  logger.debug({ handled: outcomes.length, runComplete }, 'Batch handled');
  if (error !== undefined) throw error;
  if (outcomes.length < recipients.length)
    throw new BatchReleasedError(data, recipients.length - outcomes.length);

  return { handled: outcomes.length, runComplete };
}

async function runDelivery(context: WorkerContext, data: BatchJobData): Promise<RunDelivery> {
  const key = deliveryKey(data);
  const cached = context.deliveries.get(key);
  if (cached !== undefined) return cached;

  const { rows } = await context.config.pool.query<{ automation: Automation }>(
    `SELECT automation FROM ${context.config.schema}.run_plans WHERE ${RUN_MATCH}`,
    [data.automationId, data.runDate],
  );
  const automation = rows[0]?.automation;
  if (automation === undefined) {
    throw new AutomationsError(
      ErrorCode.NotFound,
      `${MESSAGE_PREFIX} no plan for automation "${data.automationId}" on ${data.runDate}: send-batch jobs are only sent by the plan job, so the worker tables were changed by hand`,
    );
  }

  const delivery = context.deliverer.prepareRun({
    automation,
    runDate: data.runDate,
    now: context.config.clock(),
    signal: context.shutdown.signal,
  });
  context.deliveries.set(key, delivery);

  return delivery;
}

// The lease keeps a single-process runner from taking the run over while batches are out.
async function renewLease(context: WorkerContext, data: BatchJobData): Promise<void> {
  const { config } = context;
  const renewed = await config.storage.runs.renew({
    ...data,
    holder: config.holder,
    leaseMs: config.leaseMs,
    now: config.clock(),
  });
  if (!renewed) {
    config.logger.warn(
      { ...data },
      'The run is finished or held by another process; sending the batch anyway, since the ledger keeps every message to one send',
    );
  }
}

/** Returns the recipients of a batch without a recorded outcome, in learner id order. */
export async function pendingRecipients(
  context: WorkerContext,
  data: BatchJobData,
): Promise<Recipient[]> {
  const { rows } = await context.config.pool.query<{ learner_id: string; learner: Learner }>(
    `SELECT learner_id, learner FROM ${context.config.schema}.run_recipients
     WHERE ${RUN_MATCH} AND batch = $3 AND outcome IS NULL
     ORDER BY learner_id COLLATE "C"`,
    [data.automationId, data.runDate, data.batch],
  );

  return rows.map((row) => ({ learnerId: row.learner_id, learner: row.learner }));
}

/**
 * Delivers to each recipient with at most `concurrency` in flight, in learner id order. Stops
 * starting new deliveries at the first error or when the worker shuts down, and returns the
 * outcomes of the deliveries that finished.
 */
async function deliverAll(
  context: WorkerContext,
  data: BatchJobData,
  delivery: RunDelivery,
  recipients: readonly Recipient[],
): Promise<{ outcomes: RecipientOutcome[]; error?: unknown }> {
  const outcomes: RecipientOutcome[] = [];
  const signal = context.shutdown.signal;
  let next = 0;
  let error: unknown;

  const lane = async () => {
    while (next < recipients.length && error === undefined && !signal.aborted) {
      const recipient = recipients[next++] as Recipient;
      try {
        const outcome = await delivery.deliver(recipient.learner);
        const runOutcome = await asRunOutcome(
          context,
          { ...data, learnerId: recipient.learnerId },
          outcome,
        );
        outcomes.push({ learnerId: recipient.learnerId, outcome: runOutcome });
      } catch (caught) {
        error ??= caught;
      }
    }
  };
  const lanes = Math.min(context.config.concurrency, recipients.length);
  await Promise.all(Array.from({ length: lanes }, lane));

  return error === undefined ? { outcomes } : { outcomes, error };
}

// A ledger entry of this run date that is already `sent` was sent earlier in this same run: by an
// attempt of this batch that died before recording the outcome, or by a runner that held the run
// before this fleet took it over. Either way the learner got the run's message. The entry has that
// message's SMS segments and encoding.
async function asRunOutcome(
  context: WorkerContext,
  key: LedgerKey,
  outcome: LearnerOutcome,
): Promise<LearnerOutcome> {
  if (outcome.status !== 'skipped' || outcome.reason !== 'alreadySent') return outcome;

  const entry = await context.config.storage.ledger.get(key);

  return { status: 'sent', segments: entry?.segments, encoding: entry?.encoding };
}

/**
 * Records the outcomes and, when the batch is done, marks it finished. Returns whether the run
 * is now complete. Completions of a run's batches lock its plan row in turn, so exactly one of
 * them finds no unfinished batch left and sends the finish job.
 */
export async function recordOutcomes(
  context: WorkerContext,
  data: BatchJobData,
  outcomes: readonly RecipientOutcome[],
  mayFinish: boolean,
): Promise<boolean> {
  return inTransaction(context.config.pool, async (client) => {
    await writeOutcomes(context, client, data, outcomes);
    if (!mayFinish) return false;

    return finishBatch(context, client, data);
  });
}

// An outcome overwrites only a missing or uncertain one: when an expired attempt and its retry
// overlap, the attempt that really sent a message has the last word.
// NOTE: if the retry finishes the run first, the RunStore summary keeps that message uncertain;
// getRunReport, read from this table, shows it sent.
async function writeOutcomes(
  context: WorkerContext,
  client: pg.PoolClient,
  data: BatchJobData,
  outcomes: readonly RecipientOutcome[],
): Promise<void> {
  if (outcomes.length === 0) return;

  const rows = outcomes.map(({ learnerId, outcome }) => ({
    learner_id: learnerId,
    outcome: outcome.status,
    reason: outcome.status === 'sent' ? null : outcome.reason,
    segments: outcome.status === 'sent' ? (outcome.segments ?? null) : null,
    encoding: outcome.status === 'sent' ? (outcome.encoding ?? null) : null,
  }));
  await client.query(
    `UPDATE ${context.config.schema}.run_recipients AS r
     SET outcome = o.outcome, reason = o.reason, segments = o.segments, encoding = o.encoding,
       learner = NULL
     FROM jsonb_to_recordset($3::jsonb)
       AS o(learner_id text, outcome text, reason text, segments integer, encoding text)
     WHERE r.automation_id = $1 AND r.run_date = $2::date AND r.learner_id = o.learner_id
       AND (r.outcome IS NULL OR (r.outcome = 'skipped' AND r.reason = 'uncertain'))`,
    [data.automationId, data.runDate, JSON.stringify(rows)],
  );
}

async function finishBatch(
  context: WorkerContext,
  client: pg.PoolClient,
  data: BatchJobData,
): Promise<boolean> {
  const { schema } = context.config;
  const key = [data.automationId, data.runDate];
  await client.query(`SELECT 1 FROM ${schema}.run_plans WHERE ${RUN_MATCH} FOR UPDATE`, key);
  const pending = await client.query(
    `SELECT 1 FROM ${schema}.run_recipients
     WHERE ${RUN_MATCH} AND batch = $3 AND outcome IS NULL LIMIT 1`,
    [...key, data.batch],
  );
  if (pending.rows.length > 0) return false;

  await client.query(
    `UPDATE ${schema}.run_batches SET finished_at = $4
     WHERE ${RUN_MATCH} AND batch = $3 AND finished_at IS NULL`,
    [...key, data.batch, context.config.clock()],
  );
  const unfinished = await client.query(
    `SELECT 1 FROM ${schema}.run_batches WHERE ${RUN_MATCH} AND finished_at IS NULL LIMIT 1`,
    key,
  );
  if (unfinished.rows.length > 0) return false;

  await sendFinishJob(context, client, data);

  return true;
}

/**
 * The failure a send-batch job ends with when the worker stopped before the batch was done.
 * pg-boss records its message with the job and retries the job; hosts never receive it.
 */
export class BatchReleasedError extends Error {
  constructor(data: BatchJobData, left: number) {
    super(
      `${MESSAGE_PREFIX} worker stopped with ${left} recipients of batch ${data.batch} of automation "${data.automationId}" on ${data.runDate} not yet handled: the batch goes back to the queue and another worker goes on with it`,
    );
    this.name = 'BatchReleasedError';
  }
}
