import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Learner, parseLearner } from '../../src/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Reads an acceptance case file shared with the other implementations of the design. */
export function readCases<T>(name: string): T {
  return JSON.parse(readFileSync(path.resolve(repoRoot, '../shared/cases', name), 'utf8')) as T;
}

/** Returns a valid learner with every optional scalar present, overridden by `changes`. */
export function makeLearner(changes: Partial<Learner> = {}): Learner {
  return {
    ...parseLearner({
      id: 'L01',
      firstName: 'Amara',
      lastName: 'Okafor',
      email: 'amara.okafor@example.com',
      mobile: '07400 100001',
      enteredOn: '2026-08-20',
      startDate: '2026-09-01',
      expectedEndDate: '2026-12-04',
      actualEndDate: '2026-11-27',
      programme: 'prog-st0118',
      fundingOrganisation: 'fund-esfa',
      ilrExportStatus: 'ready',
      asStatus: 'approved',
      providerEndCode: 'completed',
      providerDestination: 'employed',
      fields: { cohort: 'Autumn 2026', reviewDate: '2027-03-15', hours: 12.5 },
    }),
    ...changes,
  };
}
