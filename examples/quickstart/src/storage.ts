import type { LearnerStore, Storage } from '@pics/automations-core';
import { createMemoryStorage } from '@pics/automations-storage-memory';
import type { QuickstartFlags } from './flags.js';

/** Storage the quickstart can seed: its learner source accepts writes. */
export interface QuickstartStorage extends Storage {
  learners: LearnerStore;
}

/**
 * Creates the storage the flags choose. The quickstart keeps everything in memory, so each run
 * starts empty.
 */
export async function createStorageFromFlags(_flags: QuickstartFlags): Promise<QuickstartStorage> {
  return createMemoryStorage();
}
