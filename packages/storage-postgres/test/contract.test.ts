import { runStorageContractTests } from '@pics/automations-core/testing';
import { filterCasesFile, useTestDatabase } from './test-database.js';

const database = useTestDatabase();

runStorageContractTests(`postgres (${database.target})`, {
  create: () => database.createStorage(),
  destroy: (storage) => database.destroyStorage(storage),
  filterCasesFile,
});
