import { AutomationsError, ErrorCode } from '@pics/automations-core';
import type pg from 'pg';
import { deliveryKey, RUN_MATCH, type WorkerContext } from './context.js';
import { bossDb } from './database.js';
import { type FinishJobData, finishJobId, QUEUES } from './jobs.js';
import { readRunReport, type WorkerRunReport } from './report.js';

/** Sends the finish job of a run on `client`, inside the caller's transaction. */
export async function sendFinishJob(
  context: WorkerContext,
  client: pg.PoolClient,
  data: FinishJobData,
): Promise<void> {
  const { config } = context;
  await context.boss.send(
    QUEUES.finish,
    { automationId: data.automationId, runDate: data.runDate },
    {
      id: finishJobId(data),
      retryLimit: config.retryLimit,
      retryDelay: config.retryDelaySeconds,
      retryBackoff: true,
      db: bossDb(client),
    },
  );
}

/**
 * Finishes a run whose batches are all finished: marks it finished in the RunStore with its
 * report as the summary, then in the worker's plan table. Safe to repeat.
 */
export async function finishRun(
  context: WorkerContext,
  data: FinishJobData,
): Promise<WorkerRunReport> {
  const { config } = context;
  const logger = config.logger.child({ automationId: data.automationId, runDate: data.runDate });
  const finishedAt = config.clock();
  const report = await readRunReport(config.pool, config.schema, data);
  const final: WorkerRunReport = { ...report, status: 'finished', finishedAt };
  await markRunFinished(context, data, final);

  await config.pool.query(
    `UPDATE ${config.schema}.run_plans SET finished_at = $3, report = $4::jsonb
     WHERE ${RUN_MATCH} AND finished_at IS NULL`,
    [data.automationId, data.runDate, finishedAt, JSON.stringify(final)],
  );
  context.deliveries.delete(deliveryKey(data));
  logger.info(
    {
      matched: final.matched,
      sent: final.sent,
      skipped: final.skipped,
      failed: final.failed,
      uncertain: final.uncertain,
    },
    'Run finished',
  );

  return final;
}

async function markRunFinished(
  context: WorkerContext,
  data: FinishJobData,
  report: WorkerRunReport,
): Promise<void> {
  const { config } = context;
  try {
    await config.storage.runs.finish({
      ...data,
      holder: config.holder,
      summary: report,
      now: report.finishedAt ?? config.clock(),
    });
  } catch (error) {
    if (!(error instanceof AutomationsError) || error.code !== ErrorCode.VersionConflict) {
      throw error;
    }
    config.logger.warn(
      { err: error, ...data },
      'Another process took the run over after the lease lapsed and finishes it; recording the workers report only',
    );
  }
}
