/**
 * Test utilities for storage adapters: the storage contract suite every adapter runs, and sample
 * records. Requires vitest, an optional peer dependency of this package.
 *
 * @packageDocumentation
 */
export { runStorageContractTests } from './testing/contract.js';
export { generateContractLearners } from './testing/contract-learners.js';
export {
  CONTRACT_NOW,
  contractInstant,
  sampleAutomation,
  sampleLearner,
} from './testing/fixtures.js';
export type {
  FilterCase,
  FilterCaseFile,
  StorageContractCapabilities,
  StorageContractOptions,
} from './testing/options.js';
