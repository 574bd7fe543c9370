import { createHash } from 'node:crypto';
import type { CalendarDate } from '@pics/automations-core';

/** Names of the pg-boss queues the worker uses. */
export const QUEUES = Object.freeze({
  /** Scheduled: finds the automations due today and sends a plan job for each. */
  tick: 'pics-automations-tick',
  /** One per (automation, run date): records the recipients and sends the batch jobs. */
  plan: 'pics-automations-plan',
  /** One per batch of recipients: sends their messages. */
  batch: 'pics-automations-batch',
  /**
   * Dead-letter queue of `batch`: gets a send-batch job that failed `retryLimit + 1` times, and
   * records its remaining recipients as failed so the run can finish.
   */
  batchGivenUp: 'pics-automations-batch-given-up',
  /** One per run, sent when its last batch finished: marks the run finished. */
  finish: 'pics-automations-finish',
});

/** Data of a plan job. */
export interface PlanJobData {
  automationId: string;
  runDate: CalendarDate;
}

/** Data of a send-batch job. */
export interface BatchJobData extends PlanJobData {
  /** Batch number within the run, from 0. */
  batch: number;
}

/** Data of a finish job. */
export type FinishJobData = PlanJobData;

// Namespace of the worker's name-based UUIDs (RFC 9562, version 5); any fixed UUID would do.
const NAMESPACE = Buffer.from('6f1d4a52c3e84b0f9a7e2d5c8b1f0e37', 'hex');

/**
 * Returns a name-based UUID (version 5, SHA-1) for a job, so the same job is sent under the same
 * id however often it is sent, and pg-boss keeps only the first.
 */
export function jobId(...parts: readonly (string | number)[]): string {
  const name = Buffer.from(JSON.stringify(parts), 'utf8');
  const bytes = createHash('sha1').update(NAMESPACE).update(name).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');

  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Returns the id of the plan job of a run. */
export function planJobId({ automationId, runDate }: PlanJobData): string {
  return jobId('plan', automationId, runDate);
}

/** Returns the id of a send-batch job. */
export function batchJobId({ automationId, runDate, batch }: BatchJobData): string {
  return jobId('batch', automationId, runDate, batch);
}

/** Returns the id of the finish job of a run. */
export function finishJobId({ automationId, runDate }: FinishJobData): string {
  return jobId('finish', automationId, runDate);
}
