import type { LearnerInput, LearnerStore, Storage } from '@pics/automations-core';
import { createMemoryAutomationStore } from './automation-store.js';
import { createMemoryCommunicationLog } from './communication-log.js';
import { createMemoryDeliveryLedger } from './delivery-ledger.js';
import { createMemoryLearnerStore } from './learner-store.js';
import { createMemoryRunStore } from './run-store.js';

/** Options of {@link createMemoryStorage}. */
export interface MemoryStorageOptions {
  /** Learners to store from the start, as `upsertLearners` would. @default [] */
  learners?: readonly LearnerInput[] | undefined;
  /**
   * Validate each learner with `parseLearner` when it is stored, which rejects a malformed record
   * with a `ValidationError` and fills in absent lists. Turn it off only for records that were
   * parsed already.
   * @default true
   */
  validateLearners?: boolean | undefined;
}

/** Name of this adapter in logs and reports. */
export const MEMORY_STORAGE_NAME = 'memory';

/** A {@link Storage} whose learner source also accepts writes. */
export interface MemoryStorage extends Storage {
  learners: LearnerStore;
}

/**
 * Creates storage that keeps every record in the memory of this process: automations, learners,
 * the delivery ledger, run claims and the communication log. Records are copied on the way in
 * and out, so changing an object passed to or returned by the store never changes stored state.
 *
 * Every guarantee of the storage ports holds between callers in one process, because each method
 * checks and writes without yielding to the event loop. Nothing is shared between processes and
 * nothing survives a restart.
 *
 * @throws {ValidationError} when `learners` contains an invalid record and `validateLearners` is on.
 */
export function createMemoryStorage(options: MemoryStorageOptions = {}): MemoryStorage {
  return {
    automations: createMemoryAutomationStore(),
    learners: createMemoryLearnerStore({
      validate: options.validateLearners ?? true,
      initial: options.learners ?? [],
    }),
    ledger: createMemoryDeliveryLedger(),
    runs: createMemoryRunStore(),
    communications: createMemoryCommunicationLog(),
  };
}
