import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compileFilters } from '../filters/compile.js';
import type { Learner } from '../model/learner.js';
import { parseFilters, parseLearner } from '../model/parse.js';
import type { LearnerSource } from '../ports/learner-source.js';
import type { Storage } from '../ports/storage.js';
import { generateContractLearners } from './contract-learners.js';
import { sampleLearner } from './fixtures.js';
import {
  canSeedLearners,
  type FilterCaseFile,
  isLearnerStore,
  type StorageContractOptions,
  seed,
} from './options.js';

const RUN_DATE = '2026-12-07';

/** Registers the tests of the `LearnerSource` contract, and of `LearnerStore` where it applies. */
export function describeLearnerSourceContract<S extends Storage>(
  storage: () => S,
  options: StorageContractOptions<S>,
): void {
  const register = canSeedLearners(options) ? describe : describe.skip;
  const caseFile = options.filterCasesFile ? readCaseFile(options.filterCasesFile) : undefined;

  register('learner source', () => {
    describeOrderAndSignal(storage, options);
    describeLearnerStore(storage, options);
    describeGeneratedAgreement(storage, options, caseFile);
    if (caseFile) describeFilterCases(storage, options, caseFile);
  });
}

function describeOrderAndSignal<S extends Storage>(
  storage: () => S,
  options: StorageContractOptions<S>,
): void {
  test('yields learners in id order', async () => {
    const ids = ['L10', 'L2', 'L1', 'l0', 'L02', 'Z', 'A'];
    await seed(
      options,
      storage(),
      ids.map((id) => sampleLearner({ id })),
    );

    const found = await collectIds(storage().learners, {});

    expect(found).toEqual([...ids].sort());
  });

  test('yields each learner once', async () => {
    await seed(options, storage(), [sampleLearner({ id: 'L1' }), sampleLearner({ id: 'L2' })]);
    await seed(options, storage(), [sampleLearner({ id: 'L1', firstName: 'Renamed' })]);

    const found: Learner[] = [];
    for await (const learner of storage().learners.findLearners({
      filters: {},
      runDate: RUN_DATE,
    })) {
      found.push(learner);
    }

    expect(found.map((learner) => learner.id)).toEqual(['L1', 'L2']);
    expect(found[0]?.firstName).toBe('Renamed');
  });

  test('aborted signal stops the iteration', async () => {
    const learners = generateContractLearners(50, RUN_DATE);
    await seed(options, storage(), learners);

    const controller = new AbortController();
    const found: string[] = [];
    const iterate = async () => {
      const query = { filters: {}, runDate: RUN_DATE, signal: controller.signal };
      for await (const learner of storage().learners.findLearners(query)) {
        found.push(learner.id);
        controller.abort();
      }
    };
    // A source may end the iteration or throw an abort error; both stop it.
    await iterate().catch(() => undefined);

    expect(found.length).toBeLessThan(learners.length);
  });
}

function describeLearnerStore<S extends Storage>(
  storage: () => S,
  options: StorageContractOptions<S>,
): void {
  test('learner store gets and counts', async (context) => {
    const learners = storage().learners;
    if (!isLearnerStore(learners)) return context.skip();
    await seed(options, storage(), [sampleLearner({ id: 'L1' }), sampleLearner({ id: 'L2' })]);
    await seed(options, storage(), [sampleLearner({ id: 'L1', lastName: 'Replaced' })]);

    expect(await learners.countLearners()).toBe(2);
    expect((await learners.getLearner({ id: 'L1' }))?.lastName).toBe('Replaced');
    expect(await learners.getLearner({ id: 'L-missing' })).toBeUndefined();
  });
}

function describeGeneratedAgreement<S extends Storage>(
  storage: () => S,
  options: StorageContractOptions<S>,
  caseFile: FilterCaseFile | undefined,
): void {
  const filterSets = caseFile?.cases.map((entry) => entry.filters) ?? [{}];

  test('generated learners agree with matchesFilters', async () => {
    const learners = generateContractLearners(400, RUN_DATE);
    await seed(options, storage(), learners);

    for (const raw of filterSets) {
      const filters = parseFilters(raw);
      const expected = matchingIds(learners, filters, RUN_DATE);

      const found = await collectIds(storage().learners, filters);

      expect(found, JSON.stringify(raw)).toEqual(expected);
    }
  });
}

function describeFilterCases<S extends Storage>(
  storage: () => S,
  options: StorageContractOptions<S>,
  caseFile: FilterCaseFile,
): void {
  const learners = caseFile.learners.map((learner) => parseLearner(learner));

  describe('filter cases', () => {
    test.each(caseFile.cases)('$name', async (filterCase) => {
      await seed(options, storage(), learners);
      const filters = parseFilters(filterCase.filters);

      const found = await collectIds(storage().learners, filters, filterCase.runDate);

      expect(found).toEqual(filterCase.matching);
      expect(found).toEqual(matchingIds(learners, filters, filterCase.runDate));
    });
  });
}

async function collectIds(
  source: LearnerSource,
  filters: ReturnType<typeof parseFilters>,
  runDate = RUN_DATE,
): Promise<string[]> {
  const ids: string[] = [];
  for await (const learner of source.findLearners({ filters, runDate })) ids.push(learner.id);

  return ids;
}

function matchingIds(
  learners: readonly Learner[],
  filters: ReturnType<typeof parseFilters>,
  runDate: string,
): string[] {
  // compileFilters returns the same results as matchesFilters, but validates the filters only once.
  const matches = compileFilters(filters, { runDate });

  return learners
    .filter(matches)
    .map((learner) => learner.id)
    .sort();
}

function readCaseFile(path: string): FilterCaseFile {
  return JSON.parse(readFileSync(path, 'utf8')) as FilterCaseFile;
}
