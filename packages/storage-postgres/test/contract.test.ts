import { runStorageContractTests } from '@pics/automations-core/testing';
import { configuredTarget, filterCasesFile, useTestDatabase } from './test-database.js';

const database = useTestDatabase();

runStorageContractTests(`postgres (${database.target})`, {
  create: () => database.createStorage(),
  destroy: (storage) => database.destroyStorage(storage),
  filterCasesFile,
});

// With a server configured, the suite also runs on PGlite, so both paths (cursor and keyset
// paging, pool and single connection) pass it in one test run.
if (configuredTarget === 'postgres') {
  const embedded = useTestDatabase('pglite');

  runStorageContractTests('postgres (pglite)', {
    create: () => embedded.createStorage(),
    destroy: (storage) => embedded.destroyStorage(storage),
    filterCasesFile,
  });
}
