import { describe, expect, test } from 'vitest';
import { describeFilters, type Filters, ValidationError } from '../../src/index.js';

describe('describeFilters', () => {
  test('no filters give no lines', () => {
    expect(describeFilters({})).toEqual([]);
  });

  test('tags none lists values', () => {
    expect(describeFilters({ tags: { match: 'none', values: ['do-not-contact'] } })).toEqual([
      'Tags: none of do-not-contact',
    ]);
  });

  test('relative range refers back to run date', () => {
    const filters: Filters = {
      expectedToEndBetween: { from: { daysFromRunDate: 0 }, to: { daysFromRunDate: 30 } },
    };

    expect(describeFilters(filters)).toEqual([
      'Expected to end: from the run date to 30 days after it',
    ]);
  });

  test('past range ends at run date', () => {
    const filters: Filters = {
      endedBetween: { from: { daysFromRunDate: -60 }, to: { daysFromRunDate: 0 } },
    };

    expect(describeFilters(filters)).toEqual([
      'Ended: from 60 days before the run date to the run date',
    ]);
  });

  test('single relative day', () => {
    const filters: Filters = {
      startedBetween: { from: { daysFromRunDate: -1 }, to: { daysFromRunDate: -1 } },
    };

    expect(describeFilters(filters)).toEqual(['Started: exactly 1 day before the run date']);
  });

  test('fixed open range', () => {
    expect(describeFilters({ enteredBetween: { from: '2026-09-01' } })).toEqual([
      'Entered: on or after 1 September 2026',
    ]);
  });

  test('still on status names status', () => {
    const filters: Filters = {
      episodeStatus: 'inLearning',
      stillOnStatusBetween: { from: '2026-11-01', to: '2026-11-30' },
    };

    expect(describeFilters(filters)).toEqual([
      'Episode status: in learning',
      'Still in learning: from 1 November 2026 to 30 November 2026',
    ]);
  });

  test('link blank and relationship', () => {
    const filters: Filters = {
      sites: { match: 'isBlank' },
      organisation: { id: 'org-1' },
      officer: { id: 'o-7', relationship: 'Assessor' },
    };

    expect(describeFilters(filters)).toEqual([
      'Sites: blank',
      'Officer: o-7 as Assessor',
      'Organisation: org-1 (any relationship)',
    ]);
  });

  test('non-filtering values have no line', () => {
    const filters: Filters = {
      episodeStatus: 'all',
      pastExpectedEnd: false,
      breakInLearning: { mode: 'all', scope: 'current' },
    };

    expect(describeFilters(filters)).toEqual([]);
  });

  test('break and disability wording', () => {
    const filters: Filters = {
      breakInLearning: { mode: 'only', scope: 'ever' },
      selfAssessedDisability: 'yes',
    };

    expect(describeFilters(filters)).toEqual([
      'Break in learning: only learners with any break recorded',
      'Self-assessed disability: yes',
    ]);
  });

  test('invalid filters throw', () => {
    const filters = { programmes: [] } as Filters;

    expect(() => describeFilters(filters)).toThrow(ValidationError);
  });
});
