import type { LearnerDeliverer, RunDelivery, RunKey } from '@pics/automations-core';
import type PgBoss from 'pg-boss';
import type { WorkerConfig } from './config.js';

/** Everything the job handlers of one worker process share. */
export interface WorkerContext {
  config: WorkerConfig;
  boss: PgBoss;
  /** Core's delivery step: the runner's rules for one learner. */
  deliverer: LearnerDeliverer;
  /** Aborted when `stop()` stops waiting: the batches in hand stop starting new sends. */
  shutdown: AbortController;
  /** Prepared runs (compiled templates) by automation id and run date. */
  deliveries: Map<string, RunDelivery>;
}

/** Returns the key of a run in {@link WorkerContext.deliveries}. */
export function deliveryKey(key: RunKey): string {
  return `${key.automationId}\u0000${key.runDate}`;
}

/** SQL condition on one run's rows in the worker's tables: `$1` automation id, `$2` run date. */
export const RUN_MATCH = 'automation_id = $1 AND run_date = $2::date';
