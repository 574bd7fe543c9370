import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { compileFilters, type Learner, matchesFilters, parseLearner } from '../../src/index.js';

interface FilterCase {
  name: string;
  runDate: string;
  filters: Record<string, unknown>;
  matching: string[];
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const casesPath = path.resolve(repoRoot, '../shared/cases/filters.json');
const caseFile = JSON.parse(readFileSync(casesPath, 'utf8')) as {
  learners: unknown[];
  cases: FilterCase[];
};
const learners: Learner[] = caseFile.learners.map(parseLearner);

describe('filter acceptance cases', () => {
  test.each(caseFile.cases)('compiled: $name', ({ runDate, filters, matching }) => {
    const matches = compileFilters(filters, { runDate });

    expect(learners.filter(matches).map((learner) => learner.id)).toEqual(matching);
  });

  test.each(caseFile.cases)('one-off: $name', ({ runDate, filters, matching }) => {
    const ids = learners
      .filter((learner) => matchesFilters(filters, learner, { runDate }))
      .map((learner) => learner.id);

    expect(ids).toEqual(matching);
  });
});
