export { DEFAULT_CONCURRENCY, DEFAULT_LEASE_MS } from './config.js';
export { createRunner } from './create-runner.js';
export {
  createLearnerDeliverer,
  type LearnerDeliverer,
  type LearnerOutcome,
  type PrepareRunArgs,
  type RunDelivery,
} from './learner-delivery.js';
export { emptyFailureCounts, emptySkipCounts } from './report.js';
export { DEFAULT_RETRY } from './retry.js';
export { listDueAutomations } from './run-due.js';
export { DEFAULT_SEND_TIMEOUT_MS, SendTimedOutError } from './send-timeout.js';
export type { RunnerTimer } from './timer.js';
export type * from './types.js';
