import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runStorageContractTests } from '@pics/automations-core/testing';
import { createMemoryStorage } from '../src/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

runStorageContractTests('memory', {
  create: () => createMemoryStorage(),
  filterCasesFile: path.resolve(repoRoot, '../shared/cases/filters.json'),
});
