export type * from './automation-store.js';
export type * from './communication-log.js';
export type * from './delivery-ledger.js';
export type * from './learner-source.js';
export * from './logger.js';
export type * from './run-store.js';
export type * from './storage.js';
export type * from './transports.js';
