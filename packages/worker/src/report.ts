import {
  type CalendarDate,
  emptyFailureCounts,
  emptySkipCounts,
  type FailureReason,
  type RunKey,
  type SkipReason,
  type SmsEncoding,
} from '@pics/automations-core';
import type pg from 'pg';
import { RUN_MATCH } from './context.js';

/**
 * Progress or final report of one run spread over workers, read from the worker's tables, so any
 * process can read it at any time. The counts mean what they mean in core's
 * `AutomationRunReport`, so a finished run adds up to the figures of a single-process run.
 */
export interface WorkerRunReport {
  automationId: string;
  runDate: CalendarDate;
  /**
   * `notPlanned`: no plan job has run yet. `running`: batches are out. `finished`: every batch
   * finished and the run is marked finished.
   */
  status: 'notPlanned' | 'running' | 'finished';
  /** Learners that matched the filters when the run was planned: the run's recipients. */
  matched: number;
  sent: number;
  skipped: Record<SkipReason, number>;
  failed: Record<FailureReason, number>;
  /**
   * Recipients whose ledger entry an attempt reserved but never completed, because its worker
   * died during the transport call: maybe sent, never resent. Also counted in `skipped.uncertain`.
   */
  uncertain: number;
  /** Recipients not handled yet. */
  pending: number;
  /** For SMS: segments of the messages sent, where the transport or the renderer reported them. */
  segments: number;
  /** For SMS: messages sent per encoding, where it was recorded; all zero for email. */
  smsEncodings: Record<SmsEncoding, number>;
  batches: number;
  batchesFinished: number;
  plannedAt?: Date | undefined;
  finishedAt?: Date | undefined;
}

interface OutcomeRow {
  outcome: string | null;
  reason: string | null;
  encoding: SmsEncoding | null;
  count: number;
  segments: number;
}

interface PlanRow {
  planned_at: Date;
  finished_at: Date | null;
  batches: number;
  batches_finished: number;
}

/** Reads the report of one run from the worker's tables in `schema` (quoted). */
export async function readRunReport(
  pool: pg.Pool,
  schema: string,
  key: RunKey,
): Promise<WorkerRunReport> {
  const params = [key.automationId, key.runDate];
  const plans = await pool.query<PlanRow>(
    `SELECT planned_at, finished_at, batches,
       (SELECT count(*)::integer FROM ${schema}.run_batches
        WHERE ${RUN_MATCH} AND finished_at IS NOT NULL) AS batches_finished
     FROM ${schema}.run_plans WHERE ${RUN_MATCH}`,
    params,
  );
  const report = emptyReport(key);
  const plan = plans.rows[0];
  if (plan === undefined) return report;

  const outcomes = await pool.query<OutcomeRow>(
    `SELECT outcome, reason, encoding, count(*)::integer AS count,
       coalesce(sum(segments), 0)::integer AS segments
     FROM ${schema}.run_recipients WHERE ${RUN_MATCH} GROUP BY outcome, reason, encoding`,
    params,
  );
  for (const row of outcomes.rows) addOutcome(report, row);

  return {
    ...report,
    status: plan.finished_at === null ? 'running' : 'finished',
    batches: plan.batches,
    batchesFinished: plan.batches_finished,
    plannedAt: plan.planned_at,
    finishedAt: plan.finished_at ?? undefined,
  };
}

function addOutcome(report: WorkerRunReport, row: OutcomeRow): void {
  report.matched += row.count;
  if (row.outcome === null) report.pending += row.count;
  else if (row.outcome === 'sent') {
    report.sent += row.count;
    report.segments += row.segments;
    if (row.encoding !== null) report.smsEncodings[row.encoding] += row.count;
  } else if (row.outcome === 'skipped') {
    report.skipped[row.reason as SkipReason] += row.count;
    if (row.reason === 'uncertain') report.uncertain += row.count;
  } else report.failed[row.reason as FailureReason] += row.count;
}

function emptyReport(key: RunKey): WorkerRunReport {
  return {
    automationId: key.automationId,
    runDate: key.runDate,
    status: 'notPlanned',
    matched: 0,
    sent: 0,
    skipped: emptySkipCounts(),
    failed: emptyFailureCounts(),
    uncertain: 0,
    pending: 0,
    segments: 0,
    smsEncodings: { 'GSM-7': 0, 'UCS-2': 0 },
    batches: 0,
    batchesFinished: 0,
  };
}
