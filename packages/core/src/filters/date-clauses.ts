import type { CalendarDate } from '../model/calendar-date.js';
import type { Learner } from '../model/learner.js';
import { type ClauseBuilder, ClauseCost, type FilterClause, type LearnerTest } from './clause.js';
import { type ResolvedDateRange, resolveDateRange } from './date-range.js';
import { episodeStatusOn, heldEpisodeStatusThroughout } from './episode-status.js';
import { hasCurrentBreak } from './list-tests.js';
import { describeResolvedRange, describeStatus, formatLongDate } from './wording.js';

type DateReader = (learner: Learner) => CalendarDate | null | undefined;

/** Compiles `enteredBetween`: enteredOn is in the range. */
export const enteredBetween: ClauseBuilder<'enteredBetween'> = (range, { runDate }) =>
  dateRangeClause(
    'enteredBetween',
    'entry date',
    (learner) => learner.enteredOn,
    resolveDateRange(range, runDate),
  );

/** Compiles `startedBetween`: startDate is in the range. */
export const startedBetween: ClauseBuilder<'startedBetween'> = (range, { runDate }) =>
  dateRangeClause(
    'startedBetween',
    'start date',
    (learner) => learner.startDate,
    resolveDateRange(range, runDate),
  );

/** Compiles `expectedToEndBetween`: expectedEndDate is in the range. */
export const expectedToEndBetween: ClauseBuilder<'expectedToEndBetween'> = (range, { runDate }) =>
  dateRangeClause(
    'expectedToEndBetween',
    'expected end date',
    (learner) => learner.expectedEndDate,
    resolveDateRange(range, runDate),
  );

/** Compiles `endedBetween`: actualEndDate is in the range. */
export const endedBetween: ClauseBuilder<'endedBetween'> = (range, { runDate }) =>
  dateRangeClause(
    'endedBetween',
    'actual end date',
    (learner) => learner.actualEndDate,
    resolveDateRange(range, runDate),
  );

/** Compiles `pastExpectedEnd`: `true` keeps learners whose expectedEndDate is before the run date. */
export const pastExpectedEnd: ClauseBuilder<'pastExpectedEnd'> = (past, { runDate }) => {
  // An unticked box: `false` keeps every learner rather than those not past their end date.
  if (!past) return undefined;

  return {
    filter: 'pastExpectedEnd',
    cost: ClauseCost.Field,
    test: (learner) => {
      const date = learner.expectedEndDate;
      return date !== undefined && date !== null && date < runDate;
    },
    readLearnerValue: (learner) => learner.expectedEndDate ?? null,
    expected: `expected end date before ${formatLongDate(runDate)}`,
  };
};

/** Compiles `episodeStatus`: the learner's status on the run date; `all` does not filter. */
export const episodeStatus: ClauseBuilder<'episodeStatus'> = (status, { runDate }) => {
  if (status === 'all') return undefined;

  return {
    filter: 'episodeStatus',
    cost: ClauseCost.Field,
    test: (learner) => episodeStatusOn(learner, runDate) === status,
    readLearnerValue: (learner) => episodeStatusOn(learner, runDate),
    expected: `episode status ${describeStatus(status)} on ${formatLongDate(runDate)}`,
  };
};

/**
 * Compiles `stillOnStatusBetween`: the learner held the chosen episodeStatus on every day of the
 * range. Validation guarantees both bounds and a status other than `all`.
 */
export const stillOnStatusBetween: ClauseBuilder<'stillOnStatusBetween'> = (
  range,
  { runDate, filters },
) => {
  const status = filters.episodeStatus;
  const { from, to } = resolveDateRange(range, runDate);
  if (status === undefined || status === 'all' || from === undefined || to === undefined) {
    return undefined;
  }

  return {
    filter: 'stillOnStatusBetween',
    cost: ClauseCost.Field,
    test: (learner) => heldEpisodeStatusThroughout(learner, status, from, to),
    readLearnerValue: (learner) => ({
      startDate: learner.startDate ?? null,
      actualEndDate: learner.actualEndDate ?? null,
    }),
    expected: `episode status ${describeStatus(status)} on every day ${describeResolvedRange({ from, to })}`,
  };
};

/**
 * Compiles `breakInLearning`: mode `only` keeps, and `exclude` drops, learners on a break on the
 * run date (scope `current`) or with any break recorded (scope `ever`). Mode `all` does not filter.
 */
export const breakInLearning: ClauseBuilder<'breakInLearning'> = ({ mode, scope }, { runDate }) => {
  if (mode === 'all') return undefined;

  const onBreak: LearnerTest =
    scope === 'current'
      ? (learner) => hasCurrentBreak(learner.breaksInLearning, runDate)
      : (learner) => learner.breaksInLearning.length > 0;
  const onDate = formatLongDate(runDate);
  const wordsForOnly =
    scope === 'current' ? `on a break in learning on ${onDate}` : 'a break in learning recorded';
  const wordsForExclude =
    scope === 'current'
      ? `not on a break in learning on ${onDate}`
      : 'no break in learning recorded';

  return {
    filter: 'breakInLearning',
    cost: scope === 'current' ? ClauseCost.Records : ClauseCost.Field,
    test: mode === 'only' ? onBreak : (learner) => !onBreak(learner),
    readLearnerValue: (learner) => learner.breaksInLearning,
    expected: mode === 'only' ? wordsForOnly : wordsForExclude,
  };
};

function dateRangeClause(
  filter: FilterClause['filter'],
  subject: string,
  read: DateReader,
  range: ResolvedDateRange,
): FilterClause {
  return {
    filter,
    cost: ClauseCost.Field,
    test: rangeTest(read, range),
    readLearnerValue: (learner) => read(learner) ?? null,
    expected: `${subject} ${describeResolvedRange(range)}`,
  };
}

// One closure per combination of bounds, so the test checks only the bounds the range has.
function rangeTest(read: DateReader, { from, to }: ResolvedDateRange): LearnerTest {
  if (from !== undefined && to !== undefined) {
    return (learner) => {
      const date = read(learner);
      return date !== undefined && date !== null && date >= from && date <= to;
    };
  }
  if (from !== undefined) {
    return (learner) => {
      const date = read(learner);
      return date !== undefined && date !== null && date >= from;
    };
  }

  return (learner) => {
    const date = read(learner);
    return date !== undefined && date !== null && to !== undefined && date <= to;
  };
}
