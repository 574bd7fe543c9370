import { describe, expect, test } from 'vitest';
import { explainFilters, type Filters } from '../../src/index.js';
import { makeLearner, RUN_DATE } from './learner-fixture.js';

const options = { runDate: RUN_DATE };
const endDateReminder: Filters = {
  episodeStatus: 'inLearning',
  expectedToEndBetween: { from: { daysFromRunDate: 0 }, to: { daysFromRunDate: 30 } },
  tags: { match: 'none', values: ['do-not-contact'] },
};

describe('explainFilters', () => {
  test('one entry per applying filter', () => {
    const explanations = explainFilters(endDateReminder, makeLearner(), options);

    expect(explanations.map((explanation) => explanation.filter)).toEqual([
      'episodeStatus',
      'expectedToEndBetween',
      'tags',
    ]);
  });

  test('range shows resolved dates', () => {
    const [, range] = explainFilters(endDateReminder, makeLearner(), options);

    expect(range?.expected).toBe('expected end date from 7 December 2026 to 6 January 2027');
  });

  test('failed clause shows learner value', () => {
    const learner = makeLearner({ startDate: '2026-01-05', expectedEndDate: '2027-03-01' });
    const [, range] = explainFilters(endDateReminder, learner, options);

    expect(range).toEqual({
      filter: 'expectedToEndBetween',
      passed: false,
      learnerValue: '2027-03-01',
      expected: 'expected end date from 7 December 2026 to 6 January 2027',
    });
  });

  test('status shows status on run date', () => {
    const learner = makeLearner({ startDate: '2026-12-08' });
    const [status] = explainFilters(endDateReminder, learner, options);

    expect(status).toMatchObject({ passed: false, learnerValue: 'yetToStart' });
  });

  test('absent value shows as null', () => {
    const [programme] = explainFilters({ programmes: ['prog-st0118'] }, makeLearner(), options);

    expect(programme?.learnerValue).toBeNull();
  });

  test('non-filtering values have no entry', () => {
    const filters: Filters = {
      episodeStatus: 'all',
      pastExpectedEnd: false,
      breakInLearning: { mode: 'all', scope: 'ever' },
    };

    expect(explainFilters(filters, makeLearner(), options)).toEqual([]);
  });

  test('break wording names the run date', () => {
    const filters: Filters = { breakInLearning: { mode: 'exclude', scope: 'current' } };
    const [entry] = explainFilters(filters, makeLearner(), options);

    expect(entry?.expected).toBe('not on a break in learning on 7 December 2026');
  });

  test('officer wording names the relationship', () => {
    const filters: Filters = { officer: { id: 'o-7', relationship: 'Assessor' } };
    const [entry] = explainFilters(filters, makeLearner(), options);

    expect(entry?.expected).toBe('officer o-7 as Assessor');
  });
});
