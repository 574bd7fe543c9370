import { describe, expect, test } from 'vitest';
import {
  AutomationsError,
  compileFilters,
  ErrorCode,
  type Filters,
  matchesFilters,
  ValidationError,
} from '../../src/index.js';
import { makeLearner, RUN_DATE } from './learner-fixture.js';

const options = { runDate: RUN_DATE };

describe('compileFilters validation', () => {
  test('invalid filters throw ValidationError', () => {
    const filters = { tags: { match: 'any', values: [] } } as unknown as Filters;

    expect(() => compileFilters(filters, options)).toThrow(ValidationError);
  });

  test('validation names the path', () => {
    const filters = { tags: { match: 'any', values: [] } } as unknown as Filters;

    expect(() => compileFilters(filters, options)).toThrow(/tags\.values/);
  });

  test('still on status needs status', () => {
    const filters = { stillOnStatusBetween: { from: '2026-11-01', to: '2026-11-30' } };

    expect(() => compileFilters(filters, options)).toThrow(ValidationError);
  });

  test('unknown filter is rejected', () => {
    const filters = { colour: 'blue' } as unknown as Filters;

    expect(() => compileFilters(filters, options)).toThrow(/colour/);
  });

  test('invalid run date names runDate', () => {
    expect(() => compileFilters({}, { runDate: '2026-02-30' })).toThrow(/runDate "2026-02-30"/);
  });

  test('invalid run date has argument code', () => {
    const error = captureError(() => compileFilters({}, { runDate: '07/12/2026' }));

    expect(error).toMatchObject({ code: ErrorCode.InvalidArgument });
  });

  test('invalid run date is an AutomationsError', () => {
    const error = captureError(() => matchesFilters({}, makeLearner(), { runDate: '' }));

    expect(error).toBeInstanceOf(AutomationsError);
  });

  test('bigint run date is an AutomationsError', () => {
    const error = captureError(() =>
      compileFilters({}, { runDate: 20261207n as unknown as string }),
    );

    expect(error).toBeInstanceOf(AutomationsError);
  });

  test('Map of filters is rejected', () => {
    const filters = new Map([['tags', { match: 'any', values: ['x'] }]]) as unknown as Filters;

    expect(() => compileFilters(filters, options)).toThrow(ValidationError);
  });
});

describe('filter edge cases', () => {
  test('no filters match everyone', () => {
    expect(matchesFilters({}, makeLearner(), options)).toBe(true);
  });

  test('pastExpectedEnd false does not filter', () => {
    const learner = makeLearner({ expectedEndDate: '2026-12-31' });

    expect(matchesFilters({ pastExpectedEnd: false }, learner, options)).toBe(true);
  });

  test('pastExpectedEnd excludes the run date', () => {
    const learner = makeLearner({ expectedEndDate: RUN_DATE });

    expect(matchesFilters({ pastExpectedEnd: true }, learner, options)).toBe(false);
  });

  test('pastExpectedEnd needs an end date', () => {
    expect(matchesFilters({ pastExpectedEnd: true }, makeLearner(), options)).toBe(false);
  });

  test('break ending on run date is current', () => {
    const learner = makeLearner({
      breaksInLearning: [{ startDate: '2026-11-01', endDate: RUN_DATE }],
    });
    const filters: Filters = { breakInLearning: { mode: 'only', scope: 'current' } };

    expect(matchesFilters(filters, learner, options)).toBe(true);
  });

  test('break ended yesterday is not current', () => {
    const learner = makeLearner({
      breaksInLearning: [{ startDate: '2026-11-01', endDate: '2026-12-06' }],
    });
    const filters: Filters = { breakInLearning: { mode: 'exclude', scope: 'current' } };

    expect(matchesFilters(filters, learner, options)).toBe(true);
  });

  test('break starting tomorrow is not current', () => {
    const learner = makeLearner({ breaksInLearning: [{ startDate: '2026-12-08' }] });
    const filters: Filters = { breakInLearning: { mode: 'only', scope: 'current' } };

    expect(matchesFilters(filters, learner, options)).toBe(false);
  });

  test('break starting today is current', () => {
    const learner = makeLearner({ breaksInLearning: [{ startDate: RUN_DATE, endDate: null }] });
    const filters: Filters = { breakInLearning: { mode: 'only', scope: 'current' } };

    expect(matchesFilters(filters, learner, options)).toBe(true);
  });

  test('officer relationship is optional', () => {
    const learner = makeLearner({ officers: [{ id: 'o-7', relationship: 'Reviewer' }] });

    expect(matchesFilters({ officer: { id: 'o-7' } }, learner, options)).toBe(true);
  });

  test('officer relationship must match when given', () => {
    const learner = makeLearner({ officers: [{ id: 'o-7', relationship: 'Reviewer' }] });

    expect(
      matchesFilters({ officer: { id: 'o-7', relationship: 'Assessor' } }, learner, options),
    ).toBe(false);
  });

  test('organisation needs id and relationship on one link', () => {
    const learner = makeLearner({
      organisations: [
        { id: 'org-1', relationship: 'Training partner' },
        { id: 'org-2', relationship: 'Employer' },
      ],
    });
    const filters = { organisation: { id: 'org-1', relationship: 'Employer' } };

    expect(matchesFilters(filters, learner, options)).toBe(false);
  });

  test('unknown disability matches yes never', () => {
    const learner = makeLearner({ selfAssessedDisability: null });

    expect(matchesFilters({ selfAssessedDisability: 'yes' }, learner, options)).toBe(false);
  });

  test('unknown disability matches no never', () => {
    expect(matchesFilters({ selfAssessedDisability: 'no' }, makeLearner(), options)).toBe(false);
  });

  test('empty code counts as blank', () => {
    const learner = makeLearner({ providerEndCode: '' });

    expect(matchesFilters({ providerEndCodes: { match: 'isBlank' } }, learner, options)).toBe(true);
  });

  test('blank code matches noneOf', () => {
    const filters: Filters = {
      providerDestinations: { match: 'noneOf', values: ['ft-employment'] },
    };

    expect(matchesFilters(filters, makeLearner(), options)).toBe(true);
  });

  test('blank code fails anyOf', () => {
    const learner = makeLearner({ providerEndCode: null });
    const filters: Filters = { providerEndCodes: { match: 'anyOf', values: ['completed'] } };

    expect(matchesFilters(filters, learner, options)).toBe(false);
  });

  test('no linked sites matches noneOf', () => {
    const filters: Filters = { sites: { match: 'noneOf', values: ['site-leeds'] } };

    expect(matchesFilters(filters, makeLearner(), options)).toBe(true);
  });

  test('absent programme fails programmes', () => {
    expect(matchesFilters({ programmes: ['prog-st0118'] }, makeLearner(), options)).toBe(false);
  });

  test('tags all needs every value', () => {
    const learner = makeLearner({ tags: ['Priority'] });
    const filters: Filters = { tags: { match: 'all', values: ['Priority', 'Alumni'] } };

    expect(matchesFilters(filters, learner, options)).toBe(false);
  });
});

function captureError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }

  return undefined;
}
