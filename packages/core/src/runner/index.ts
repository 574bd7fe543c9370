export { DEFAULT_CONCURRENCY, DEFAULT_LEASE_MS } from './config.js';
export { createRunner } from './create-runner.js';
export { DEFAULT_RETRY } from './retry.js';
export type { RunnerTimer } from './timer.js';
export type * from './types.js';
