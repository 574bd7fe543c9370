/**
 * The daily run of communication automations spread over many worker processes on several
 * machines, with pg-boss on PostgreSQL.
 *
 * Glossary:
 * - tick: a scheduled job that finds the automations due today and sends a plan job for each.
 * - plan job: one per run (automation and run date); claims the run, records its recipients and
 *   sends the send-batch jobs.
 * - send-batch job: sends the messages of up to `batchSize` recipients with core's ledger rules.
 * - finish job: sent by the run's last batch; marks the run finished with its report.
 *
 * @packageDocumentation
 */
export type { BatchOutcome } from './batch.js';
export { type AutomationsWorker, createWorker } from './create-worker.js';
export { QUEUES } from './jobs.js';
export {
  DEFAULT_BOSS_SCHEMA,
  DEFAULT_WORKER_SCHEMA,
  WORKER_DEFAULTS,
  type WorkerOptions,
} from './options.js';
export type { PlanOutcome } from './plan.js';
export type { WorkerRunReport } from './report.js';
export type { TickResult } from './tick.js';
