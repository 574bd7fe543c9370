import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  addDays,
  compileFilters,
  type EpisodeStatusOnDay,
  episodeStatusOn,
  explainFilters,
  type Filters,
  heldEpisodeStatusThroughout,
  matchesFilters,
  parseFilters,
  parseLearner,
} from '../../src/index.js';
import {
  DATE_SPREAD_DAYS,
  dateNear,
  filterScenarioArbitrary,
  filtersArbitrary,
  learnerArbitrary,
  POOLS,
  runDateArbitrary,
} from './arbitraries.js';
import { referenceMatches } from './reference.js';

const STATUSES: EpisodeStatusOnDay[] = ['leavers', 'inLearning', 'yetToStart'];
const LINK_FILTERS = [
  ['sites', POOLS.sites],
  ['qualificationPlans', POOLS.qualificationPlans],
  ['contracts', POOLS.contracts],
  ['providerEndCodes', POOLS.providerEndCodes],
  ['providerDestinations', POOLS.providerDestinations],
] as const;
const SET_FILTERS = [
  ['tags', POOLS.tags],
  ['fileTypes', POOLS.fileTypes],
] as const;

const learnerOnRunDate = runDateArbitrary.chain((runDate) =>
  fc.record({ runDate: fc.constant(runDate), learner: learnerArbitrary(runDate) }),
);

function matchesOn(runDate: string, filters: Filters) {
  return compileFilters(filters, { runDate });
}

describe('filter arbitraries', () => {
  test('learners pass validation', () => {
    fc.assert(
      fc.property(learnerOnRunDate, ({ learner }) => {
        expect(parseLearner(learner)).toEqual(learner);
      }),
    );
  });

  test('filters pass validation', () => {
    fc.assert(
      fc.property(
        runDateArbitrary.chain((runDate) => filtersArbitrary(runDate, { maxFilters: 22 })),
        (filters) => {
          expect(parseFilters(filters)).toEqual(filters);
        },
      ),
    );
  });
});

describe('filter properties', () => {
  test('episode statuses split learners', () => {
    fc.assert(
      fc.property(learnerOnRunDate, ({ runDate, learner }) => {
        const matching = STATUSES.filter((status) =>
          matchesFilters({ episodeStatus: status }, learner, { runDate }),
        );

        expect(matching).toHaveLength(1);
      }),
    );
  });

  test('still on status checks every day', () => {
    const scenario = learnerOnRunDate.chain(({ runDate, learner }) =>
      fc.record({
        learner: fc.constant(learner),
        status: fc.constantFrom(...STATUSES),
        from: dateNear(runDate),
        days: fc.integer({ min: 0, max: 2 * DATE_SPREAD_DAYS }),
      }),
    );

    fc.assert(
      fc.property(scenario, ({ learner, status, from, days }) => {
        const to = addDays(from, days);
        const everyDay = Array.from({ length: days + 1 }, (_, offset) => addDays(from, offset));
        const expected = everyDay.every((day) => episodeStatusOn(learner, day) === status);

        expect(heldEpisodeStatusThroughout(learner, status, from, to)).toBe(expected);
      }),
    );
  });

  test('set none negates any', () => {
    const scenario = learnerOnRunDate.chain((base) =>
      fc.constantFrom(...SET_FILTERS).chain(([name, pool]) =>
        fc.record({
          base: fc.constant(base),
          name: fc.constant(name),
          values: fc.subarray([...pool], { minLength: 1 }),
        }),
      ),
    );

    fc.assert(
      fc.property(scenario, ({ base: { runDate, learner }, name, values }) => {
        const any = matchesFilters({ [name]: { match: 'any', values } }, learner, { runDate });
        const none = matchesFilters({ [name]: { match: 'none', values } }, learner, { runDate });

        expect(none).toBe(!any);
      }),
    );
  });

  test('anyOf and noneOf cover everyone', () => {
    const scenario = learnerOnRunDate.chain((base) =>
      fc.constantFrom(...LINK_FILTERS).chain(([name, pool]) =>
        fc.record({
          base: fc.constant(base),
          name: fc.constant(name),
          values: fc.subarray([...pool], { minLength: 1 }),
        }),
      ),
    );

    fc.assert(
      fc.property(scenario, ({ base: { runDate, learner }, name, values }) => {
        const anyOf = matchesFilters({ [name]: { match: 'anyOf', values } }, learner, { runDate });
        const noneOf = matchesFilters({ [name]: { match: 'noneOf', values } }, learner, {
          runDate,
        });

        expect(anyOf !== noneOf).toBe(true);
      }),
    );
  });

  test('isBlank and notBlank cover everyone', () => {
    const scenario = learnerOnRunDate.chain((base) =>
      fc.record({
        base: fc.constant(base),
        name: fc.constantFrom(...LINK_FILTERS.map(([name]) => name)),
      }),
    );

    fc.assert(
      fc.property(scenario, ({ base: { runDate, learner }, name }) => {
        const blank = matchesFilters({ [name]: { match: 'isBlank' } }, learner, { runDate });
        const notBlank = matchesFilters({ [name]: { match: 'notBlank' } }, learner, { runDate });

        expect(blank !== notBlank).toBe(true);
      }),
    );
  });

  test('compiled agrees with one-off', () => {
    fc.assert(
      fc.property(filterScenarioArbitrary(), ({ runDate, learners, filters }) => {
        const matches = matchesOn(runDate, filters);
        const compiled = learners.map(matches);
        const oneOff = learners.map((learner) => matchesFilters(filters, learner, { runDate }));

        expect(compiled).toEqual(oneOff);
      }),
    );
  });

  test('compiled agrees with reference', () => {
    fc.assert(
      fc.property(filterScenarioArbitrary(), ({ runDate, learners, filters }) => {
        const matches = matchesOn(runDate, filters);

        for (const learner of learners) {
          expect(matches(learner)).toBe(referenceMatches(filters, learner, runDate));
        }
      }),
      { numRuns: 500 },
    );
  });

  test('filters combine with AND', () => {
    fc.assert(
      fc.property(filterScenarioArbitrary(), ({ runDate, learners, filters }) => {
        const singles = Object.entries(filters)
          .filter(([name]) => name !== 'stillOnStatusBetween' && name !== 'episodeStatus')
          .map(([name, value]) => matchesOn(runDate, { [name]: value }));
        const statusPart = matchesOn(runDate, pickStatusFilters(filters));
        const combined = matchesOn(runDate, filters);

        for (const learner of learners) {
          const expected = statusPart(learner) && singles.every((matches) => matches(learner));
          expect(combined(learner)).toBe(expected);
        }
      }),
    );
  });

  test('explanations pass iff matches', () => {
    fc.assert(
      fc.property(filterScenarioArbitrary({ maxFilters: 5 }), ({ runDate, learners, filters }) => {
        for (const learner of learners) {
          const explanations = explainFilters(filters, learner, { runDate });
          const allPassed = explanations.every((explanation) => explanation.passed);
          expect(allPassed).toBe(matchesFilters(filters, learner, { runDate }));
        }
      }),
    );
  });

  test('relative range shifts with run date', () => {
    const scenario = learnerOnRunDate.chain((base) =>
      fc.record({
        base: fc.constant(base),
        from: fc.integer({ min: -DATE_SPREAD_DAYS, max: 0 }),
        to: fc.integer({ min: 0, max: DATE_SPREAD_DAYS }),
      }),
    );

    fc.assert(
      fc.property(scenario, ({ base: { runDate, learner }, from, to }) => {
        const relative = { from: { daysFromRunDate: from }, to: { daysFromRunDate: to } };
        const fixed = { from: addDays(runDate, from), to: addDays(runDate, to) };
        const byRelative = matchesFilters({ startedBetween: relative }, learner, { runDate });

        expect(byRelative).toBe(matchesFilters({ startedBetween: fixed }, learner, { runDate }));
      }),
    );
  });
});

// stillOnStatusBetween needs its episodeStatus, so the two are checked together.
function pickStatusFilters(filters: Filters): Filters {
  const picked: Filters = {};
  if (filters.episodeStatus !== undefined) picked.episodeStatus = filters.episodeStatus;
  if (filters.stillOnStatusBetween !== undefined) {
    picked.stillOnStatusBetween = filters.stillOnStatusBetween;
  }

  return picked;
}
