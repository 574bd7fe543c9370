/**
 * fast-check arbitraries for learners and audience filters around a run date. Dates fall within a
 * few days of the run date and ids come from small pools, so random filters match some learners
 * and miss others. Any implementation of the filters (in memory, in SQL) can be checked on them.
 */
import fc from 'fast-check';
import {
  addDays,
  type BreakInLearning,
  type CalendarDate,
  type DateBound,
  type DateRange,
  type FilterName,
  type Filters,
  fromDayNumber,
  type Learner,
  type LearnerLink,
  type LinkFilter,
  type LinkMatch,
  type SetMatch,
  toDayNumber,
} from '../../src/index.js';

/** Values the list and code fields of generated learners and filters are drawn from. */
export const POOLS = {
  tags: ['Portfolio overdue', 'Priority', 'do-not-contact', 'Alumni'],
  sites: ['site-leeds', 'site-york', 'site-hull'],
  qualificationPlans: ['plan-l2', 'plan-l3', 'plan-l4'],
  contracts: ['c-levy', 'c-aeb', 'c-non-levy'],
  programmes: ['prog-st0118', 'prog-st0787', 'prog-st0312'],
  fundingOrganisations: ['fund-esfa', 'fund-employer'],
  officers: ['o-7', 'o-9', 'o-12'],
  organisations: ['org-1', 'org-2', 'org-3'],
  relationships: ['Assessor', 'Reviewer', 'Employer', 'Training partner'],
  ilrExportStatuses: ['ready', 'exported', 'pending', 'hold'],
  asStatuses: ['approved', 'paused', 'completed'],
  providerEndCodes: ['completed', 'withdrawn', 'transferred'],
  providerDestinations: ['ft-employment', 'further-study', 'unknown'],
  fileTypes: ['ILP', 'Commitment Statement', 'Evidence'],
} as const;

/** Largest number of days between the run date and a generated date. */
export const DATE_SPREAD_DAYS = 12;

/** Every filter name, so generated filters can cover each one. */
export const ALL_FILTER_NAMES = Object.keys({
  enteredBetween: true,
  startedBetween: true,
  expectedToEndBetween: true,
  endedBetween: true,
  episodeStatus: true,
  stillOnStatusBetween: true,
  tags: true,
  sites: true,
  qualificationPlans: true,
  contracts: true,
  programmes: true,
  fundingOrganisations: true,
  officer: true,
  organisation: true,
  pastExpectedEnd: true,
  breakInLearning: true,
  ilrExportStatuses: true,
  asStatuses: true,
  selfAssessedDisability: true,
  providerEndCodes: true,
  providerDestinations: true,
  fileTypes: true,
} satisfies Record<FilterName, true>) as FilterName[];

/** Run dates from 2020 to 2030, month ends and 29 February included. */
export const runDateArbitrary: fc.Arbitrary<CalendarDate> = fc
  .integer({ min: toDayNumber('2020-01-01'), max: toDayNumber('2030-12-31') })
  .map(fromDayNumber);

/** Generates dates within {@link DATE_SPREAD_DAYS} days of the run date. */
export function dateNear(runDate: CalendarDate): fc.Arbitrary<CalendarDate> {
  return fc
    .integer({ min: -DATE_SPREAD_DAYS, max: DATE_SPREAD_DAYS })
    .map((days) => addDays(runDate, days));
}

/** Generates learners with dates near the run date, absent and null values, and ids from {@link POOLS}. */
export function learnerArbitrary(runDate: CalendarDate): fc.Arbitrary<Learner> {
  const date = dateNear(runDate);

  return fc.record(
    {
      id: fc.integer({ min: 1, max: 1_000_000 }).map((number) => `L${number}`),
      firstName: fc.constantFrom('Amara', 'Ben', 'Chloe', 'Dev'),
      lastName: fc.constantFrom('Okafor', 'Hughes', 'Price', 'Shah'),
      email: nullable(fc.constantFrom('learner@example.com', 'other@example.org')),
      mobile: nullable(fc.constantFrom('07400 100001', '+447400100002')),
      allowedContactMethods: fc.subarray(['email', 'sms', 'phone', 'post'] as const),
      enteredOn: date,
      startDate: nullable(date),
      expectedEndDate: nullable(date),
      actualEndDate: nullable(date),
      programme: nullableCode(POOLS.programmes),
      fundingOrganisation: nullableCode(POOLS.fundingOrganisations),
      tags: fc.subarray([...POOLS.tags]),
      sites: fc.subarray([...POOLS.sites]),
      qualificationPlans: fc.subarray([...POOLS.qualificationPlans]),
      contracts: fc.subarray([...POOLS.contracts]),
      officers: linksArbitrary(POOLS.officers),
      organisations: linksArbitrary(POOLS.organisations),
      breaksInLearning: fc.array(breakArbitrary(runDate), { maxLength: 2 }),
      ilrExportStatus: nullableCode(POOLS.ilrExportStatuses),
      asStatus: nullableCode(POOLS.asStatuses),
      selfAssessedDisability: nullable(fc.boolean()),
      providerEndCode: nullableCode(POOLS.providerEndCodes),
      providerDestination: nullableCode(POOLS.providerDestinations),
      fileTypes: fc.subarray([...POOLS.fileTypes]),
      fields: fc.constant({}),
    },
    { requiredKeys: [...REQUIRED_LEARNER_KEYS] },
  );
}

/** Learners with distinct ids, as {@link learnerArbitrary} makes them. */
export function learnersArbitrary(
  runDate: CalendarDate,
  { maxLength = 20 }: { maxLength?: number } = {},
): fc.Arbitrary<Learner[]> {
  return fc.uniqueArray(learnerArbitrary(runDate), {
    selector: (learner) => learner.id,
    maxLength,
  });
}

/**
 * Valid filters with up to `maxFilters` filters chosen from all of them, dates near the run date
 * and values from {@link POOLS}. `stillOnStatusBetween` always comes with an episodeStatus other
 * than `all`, which counts as one of the filters.
 */
export function filtersArbitrary(
  runDate: CalendarDate,
  { maxFilters = 3 }: { maxFilters?: number } = {},
): fc.Arbitrary<Filters> {
  return fc
    .tuple(
      fc.record(filterValueArbitraries(runDate)),
      fc.subarray(ALL_FILTER_NAMES, { maxLength: maxFilters }),
      fc.constantFrom('leavers', 'inLearning', 'yetToStart' as const),
    )
    .map(([values, names, stillOnStatus]) => {
      const filters: Record<string, unknown> = {};
      for (const name of names) filters[name] = values[name];
      if (names.includes('stillOnStatusBetween')) filters.episodeStatus = stillOnStatus;

      return filters as Filters;
    });
}

/** A run date with learners and filters around it. */
export interface FilterScenario {
  runDate: CalendarDate;
  learners: Learner[];
  filters: Filters;
}

/** Generates a run date with learners near it and filters on it. */
export function filterScenarioArbitrary(
  options: { maxLearners?: number; maxFilters?: number } = {},
): fc.Arbitrary<FilterScenario> {
  return runDateArbitrary.chain((runDate) =>
    fc.record({
      runDate: fc.constant(runDate),
      learners: learnersArbitrary(runDate, { maxLength: options.maxLearners ?? 20 }),
      filters: filtersArbitrary(runDate, { maxFilters: options.maxFilters ?? 3 }),
    }),
  );
}

/** Generates date ranges near the run date, with fixed, relative or mixed bounds, one or both. */
export function dateRangeArbitrary(runDate: CalendarDate): fc.Arbitrary<DateRange> {
  const bound = dateBoundArbitrary(runDate);

  return fc.oneof(
    fc.record({ from: bound }),
    fc.record({ to: bound }),
    fullDateRangeArbitrary(runDate),
  );
}

/** Generates date ranges with both bounds near the run date, ordered when of one kind. */
export function fullDateRangeArbitrary(runDate: CalendarDate): fc.Arbitrary<DateRange> {
  const bound = dateBoundArbitrary(runDate);

  return fc.tuple(bound, bound).map(([first, second]) => orderBounds(first, second));
}

type FilterValueArbitraries = { [Name in FilterName]-?: fc.Arbitrary<NonNullable<Filters[Name]>> };

function filterValueArbitraries(runDate: CalendarDate): FilterValueArbitraries {
  return {
    enteredBetween: dateRangeArbitrary(runDate),
    startedBetween: dateRangeArbitrary(runDate),
    expectedToEndBetween: dateRangeArbitrary(runDate),
    endedBetween: dateRangeArbitrary(runDate),
    episodeStatus: fc.constantFrom('all', 'leavers', 'inLearning', 'yetToStart'),
    stillOnStatusBetween: fullDateRangeArbitrary(runDate),
    tags: setMatchArbitrary(POOLS.tags),
    sites: linkMatchArbitrary(POOLS.sites),
    qualificationPlans: linkMatchArbitrary(POOLS.qualificationPlans),
    contracts: linkMatchArbitrary(POOLS.contracts),
    programmes: someOf(POOLS.programmes),
    fundingOrganisations: someOf(POOLS.fundingOrganisations),
    officer: linkFilterArbitrary(POOLS.officers),
    organisation: linkFilterArbitrary(POOLS.organisations),
    pastExpectedEnd: fc.boolean(),
    breakInLearning: fc.record({
      mode: fc.constantFrom('all', 'exclude', 'only'),
      scope: fc.constantFrom('current', 'ever'),
    }),
    ilrExportStatuses: someOf(POOLS.ilrExportStatuses),
    asStatuses: someOf(POOLS.asStatuses),
    selfAssessedDisability: fc.constantFrom('yes', 'no'),
    providerEndCodes: linkMatchArbitrary(POOLS.providerEndCodes),
    providerDestinations: linkMatchArbitrary(POOLS.providerDestinations),
    fileTypes: setMatchArbitrary(POOLS.fileTypes),
  };
}

const REQUIRED_LEARNER_KEYS = [
  'id',
  'firstName',
  'lastName',
  'allowedContactMethods',
  'enteredOn',
  'tags',
  'sites',
  'qualificationPlans',
  'contracts',
  'officers',
  'organisations',
  'breaksInLearning',
  'fileTypes',
  'fields',
] as const;

function nullable<Value>(arbitrary: fc.Arbitrary<Value>): fc.Arbitrary<Value | null> {
  return fc.option(arbitrary, { nil: null, freq: 3 });
}

// Codes may also be the empty string, which counts as blank.
function nullableCode(pool: readonly string[]): fc.Arbitrary<string | null> {
  return nullable(fc.constantFrom('', ...pool));
}

function someOf(pool: readonly string[]): fc.Arbitrary<string[]> {
  return fc.subarray([...pool], { minLength: 1 });
}

function linksArbitrary(ids: readonly string[]): fc.Arbitrary<LearnerLink[]> {
  const link = fc.record({
    id: fc.constantFrom(...ids),
    relationship: fc.constantFrom(...POOLS.relationships),
  });

  return fc.array(link, { maxLength: 3 });
}

function breakArbitrary(runDate: CalendarDate): fc.Arbitrary<BreakInLearning> {
  return fc
    .tuple(dateNear(runDate), nullable(fc.integer({ min: 0, max: DATE_SPREAD_DAYS })))
    .map(([startDate, length]) =>
      length === null ? { startDate } : { startDate, endDate: addDays(startDate, length) },
    );
}

function dateBoundArbitrary(runDate: CalendarDate): fc.Arbitrary<DateBound> {
  return fc.oneof(
    dateNear(runDate),
    fc
      .integer({ min: -DATE_SPREAD_DAYS, max: DATE_SPREAD_DAYS })
      .map((daysFromRunDate) => ({ daysFromRunDate })),
  );
}

// Validation rejects from after to when both bounds are of one kind. Mixed kinds are left as drawn,
// so some resolve to an empty range, which the filters must handle.
function orderBounds(first: DateBound, second: DateBound): DateRange {
  if (typeof first === 'string' && typeof second === 'string') {
    return first <= second ? { from: first, to: second } : { from: second, to: first };
  }
  if (typeof first === 'object' && typeof second === 'object') {
    return first.daysFromRunDate <= second.daysFromRunDate
      ? { from: first, to: second }
      : { from: second, to: first };
  }

  return { from: first, to: second };
}

function setMatchArbitrary(pool: readonly string[]): fc.Arbitrary<SetMatch> {
  return fc.record({ match: fc.constantFrom('any', 'all', 'none'), values: someOf(pool) });
}

function linkMatchArbitrary(pool: readonly string[]): fc.Arbitrary<LinkMatch> {
  return fc.oneof(
    fc.record({ match: fc.constantFrom('anyOf', 'noneOf'), values: someOf(pool) }),
    fc.record({ match: fc.constantFrom('isBlank', 'notBlank') }),
  );
}

function linkFilterArbitrary(ids: readonly string[]): fc.Arbitrary<LinkFilter> {
  return fc.oneof(
    fc.record({ id: fc.constantFrom(...ids) }),
    fc.record({
      id: fc.constantFrom(...ids),
      relationship: fc.constantFrom(...POOLS.relationships),
    }),
  );
}
