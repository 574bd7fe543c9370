import { readFileSync } from 'node:fs';
import {
  type CalendarDate,
  compileFilters,
  type Filters,
  type Learner,
  matchesFilters,
  parseFilters,
  parseLearner,
} from '@pics/automations-core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { filterScenarioArbitrary } from '../../core/test/filters/arbitraries.js';
import type { PostgresStorage } from '../src/index.js';
import { filterCasesFile, useTestDatabase } from './test-database.js';

const database = useTestDatabase();
let storage: PostgresStorage;

beforeAll(async () => {
  // A small batch makes most queries span several batches (or keyset pages).
  storage = await database.createStorage({ batchSize: 3 });
});
afterAll(() => database.destroyStorage(storage));

async function replaceLearners(learners: readonly Learner[]): Promise<void> {
  await storage.database.query(`DELETE FROM "${storage.schema}".learners`);
  await storage.learners.upsertLearners({ learners });
}

async function findIds(filters: Filters, runDate: CalendarDate): Promise<string[]> {
  const ids: string[] = [];
  for await (const learner of storage.learners.findLearners({ filters, runDate })) {
    ids.push(learner.id);
  }

  return ids;
}

function expectedIds(learners: readonly Learner[], filters: Filters, runDate: CalendarDate) {
  return learners
    .filter((learner) => matchesFilters(filters, learner, { runDate }))
    .map((learner) => learner.id)
    .sort();
}

describe(`filters in SQL (${database.target})`, () => {
  test('random filters match core', async () => {
    await fc.assert(
      fc.asyncProperty(filterScenarioArbitrary({ maxFilters: 4 }), async (scenario) => {
        await replaceLearners(scenario.learners);

        const found = await findIds(scenario.filters, scenario.runDate);

        expect(found).toEqual(expectedIds(scenario.learners, scenario.filters, scenario.runDate));
      }),
      { numRuns: 200 },
    );
  });

  const caseFile = JSON.parse(readFileSync(filterCasesFile, 'utf8')) as {
    learners: unknown[];
    cases: { name: string; runDate: string; filters: unknown; matching: string[] }[];
  };
  const caseLearners = caseFile.learners.map((learner) => parseLearner(learner));

  test.each(caseFile.cases)('case $name', async ({ runDate, filters, matching }) => {
    await replaceLearners(caseLearners);
    const parsed = parseFilters(filters);

    const found = await findIds(parsed, runDate);

    expect(found).toEqual(matching);
    expect(found).toEqual(
      caseLearners.filter(compileFilters(parsed, { runDate })).map((l) => l.id),
    );
  });
});
