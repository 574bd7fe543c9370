import { describe, expect, test } from 'vitest';
import { isInDateRange, matchesFilters, resolveDateRange } from '../../src/index.js';
import { makeLearner, RUN_DATE } from './learner-fixture.js';

describe('resolveDateRange', () => {
  test('relative bounds move from run date', () => {
    const range = { from: { daysFromRunDate: -7 }, to: { daysFromRunDate: 30 } };

    expect(resolveDateRange(range, RUN_DATE)).toEqual({ from: '2026-11-30', to: '2027-01-06' });
  });

  test('fixed bounds stay as written', () => {
    expect(resolveDateRange({ from: '2026-09-01' }, RUN_DATE)).toEqual({ from: '2026-09-01' });
  });

  test('mixed bounds resolve separately', () => {
    const range = { from: '2026-12-01', to: { daysFromRunDate: 0 } };

    expect(resolveDateRange(range, RUN_DATE)).toEqual({ from: '2026-12-01', to: RUN_DATE });
  });

  test('offsets cross month and leap day', () => {
    const range = { from: { daysFromRunDate: 1 } };

    expect(resolveDateRange(range, '2028-02-28')).toEqual({ from: '2028-02-29' });
  });
});

describe('isInDateRange', () => {
  const range = { from: '2026-12-01', to: '2026-12-31' };

  test('from bound is inclusive', () => {
    expect(isInDateRange('2026-12-01', range)).toBe(true);
  });

  test('to bound is inclusive', () => {
    expect(isInDateRange('2026-12-31', range)).toBe(true);
  });

  test('day before from is outside', () => {
    expect(isInDateRange('2026-11-30', range)).toBe(false);
  });

  test('day after to is outside', () => {
    expect(isInDateRange('2027-01-01', range)).toBe(false);
  });

  test('absent date is outside', () => {
    expect(isInDateRange(undefined, range)).toBe(false);
  });

  test('null date is outside', () => {
    expect(isInDateRange(null, range)).toBe(false);
  });

  test('open range still needs a date', () => {
    expect(isInDateRange(null, { to: '2026-12-31' })).toBe(false);
  });

  test('empty range holds no date', () => {
    expect(isInDateRange('2026-12-15', { from: '2026-12-20', to: '2026-12-10' })).toBe(false);
  });
});

describe('date range filters', () => {
  const options = { runDate: RUN_DATE };
  const thisWeek = { from: { daysFromRunDate: -7 }, to: { daysFromRunDate: 0 } };

  test('absent start date never matches', () => {
    expect(matchesFilters({ startedBetween: { to: '2099-12-31' } }, makeLearner(), options)).toBe(
      false,
    );
  });

  test('null expected end never matches', () => {
    const learner = makeLearner({ expectedEndDate: null });

    expect(matchesFilters({ expectedToEndBetween: { from: '2000-01-01' } }, learner, options)).toBe(
      false,
    );
  });

  test('absent actual end never matches', () => {
    expect(matchesFilters({ endedBetween: thisWeek }, makeLearner(), options)).toBe(false);
  });

  test('start on lower bound matches', () => {
    const learner = makeLearner({ startDate: '2026-11-30' });

    expect(matchesFilters({ startedBetween: thisWeek }, learner, options)).toBe(true);
  });

  test('start on upper bound matches', () => {
    const learner = makeLearner({ startDate: RUN_DATE });

    expect(matchesFilters({ startedBetween: thisWeek }, learner, options)).toBe(true);
  });

  test('entered on run date matches', () => {
    const learner = makeLearner({ enteredOn: RUN_DATE });

    expect(matchesFilters({ enteredBetween: { from: RUN_DATE } }, learner, options)).toBe(true);
  });

  test('mixed bounds resolving empty match nobody', () => {
    const learner = makeLearner({ startDate: '2026-12-05' });
    const range = { from: '2026-12-06', to: { daysFromRunDate: -3 } };

    expect(matchesFilters({ startedBetween: range }, learner, options)).toBe(false);
  });
});
