import { describe } from 'vitest';
import type { Storage } from '../ports/storage.js';
import { describeAutomationStoreContract } from './automation-store-contract.js';
import { describeCommunicationLogContract } from './communication-log-contract.js';
import { describeDeliveryLedgerContract } from './delivery-ledger-contract.js';
import { describeLearnerSourceContract } from './learner-source-contract.js';
import { type StorageContractOptions, useFreshStorage } from './options.js';
import { describeRunStoreContract } from './run-store-contract.js';

/**
 * Registers vitest tests that check a storage adapter against every MUST of the storage ports.
 * They cover automation CRUD with version conflicts and the paged, searchable list, atomic ledger
 * reservation and Max Messages counting under concurrency, run claims with leases and takeovers,
 * and communication log idempotency. They also check that the learner source yields exactly the
 * learners core's filters match, in id order.
 *
 * Call it at the top level of a test file. Every test gets a storage from `create` and passes
 * `now` explicitly, so results never depend on the clock.
 */
export function runStorageContractTests<S extends Storage>(
  name: string,
  options: StorageContractOptions<S>,
): void {
  describe(`${name} storage contract`, () => {
    const storage = useFreshStorage(options);

    describeAutomationStoreContract(storage);
    describeDeliveryLedgerContract(storage);
    describeRunStoreContract(storage);
    describeCommunicationLogContract(storage);
    describeLearnerSourceContract(storage, options);
  });
}
