import { describe, expect, test } from 'vitest';
import { parseAutomation, parseFilters } from '../../src/index.js';
import { automationWith, issuesOf } from './validation-issues.js';

function filterIssues(filters: Record<string, unknown>) {
  return issuesOf(() => parseAutomation(automationWith({ filters })));
}

const FROM_AFTER_TO = 'from is after to, so no date is in the range: swap them';
const NEEDS_STATUS =
  'needs an episodeStatus other than all: choose leavers, inLearning or yetToStart';

describe('date range rejections', () => {
  test('range with neither bound', () => {
    expect(filterIssues({ startedBetween: {} })).toEqual([
      { path: 'filters.startedBetween', message: 'give a from date, a to date or both' },
    ]);
  });

  test('fixed from after to', () => {
    expect(filterIssues({ enteredBetween: { from: '2026-09-02', to: '2026-09-01' } })).toEqual([
      { path: 'filters.enteredBetween.from', message: FROM_AFTER_TO },
    ]);
  });

  test('relative from after to', () => {
    const range = { from: { daysFromRunDate: 7 }, to: { daysFromRunDate: -7 } };

    expect(filterIssues({ expectedToEndBetween: range })).toEqual([
      { path: 'filters.expectedToEndBetween.from', message: FROM_AFTER_TO },
    ]);
  });

  test('impossible calendar date', () => {
    expect(filterIssues({ endedBetween: { from: '2026-02-30' } })).toEqual([
      {
        path: 'filters.endedBetween.from',
        message: '"2026-02-30" is not a real date: write it as YYYY-MM-DD',
      },
    ]);
  });

  test('unknown key inside a range', () => {
    expect(filterIssues({ startedBetween: { from: '2026-09-01', until: '2026-09-30' } })).toEqual([
      {
        path: 'filters.startedBetween.until',
        message: 'unknown key "until": remove it or correct its spelling',
      },
    ]);
  });
});

describe('stillOnStatusBetween rejections', () => {
  const bothBounds = { from: { daysFromRunDate: -30 }, to: { daysFromRunDate: 0 } };

  test('without episodeStatus', () => {
    expect(filterIssues({ stillOnStatusBetween: bothBounds })).toEqual([
      { path: 'filters.stillOnStatusBetween', message: NEEDS_STATUS },
    ]);
  });

  test('with episodeStatus all', () => {
    expect(filterIssues({ episodeStatus: 'all', stillOnStatusBetween: bothBounds })).toEqual([
      { path: 'filters.stillOnStatusBetween', message: NEEDS_STATUS },
    ]);
  });

  test('without a to bound', () => {
    const range = { from: { daysFromRunDate: -30 } };

    expect(filterIssues({ episodeStatus: 'inLearning', stillOnStatusBetween: range })).toEqual([
      { path: 'filters.stillOnStatusBetween', message: 'needs both a from and a to date' },
    ]);
  });

  test('without a from bound', () => {
    const range = { to: '2026-12-01' };

    expect(filterIssues({ episodeStatus: 'leavers', stillOnStatusBetween: range })).toEqual([
      { path: 'filters.stillOnStatusBetween', message: 'needs both a from and a to date' },
    ]);
  });
});

describe('list filter rejections', () => {
  test('tags with no values', () => {
    expect(filterIssues({ tags: { match: 'any', values: [] } })).toEqual([
      { path: 'filters.tags.values', message: 'choose at least one value' },
    ]);
  });

  test('fileTypes with no values', () => {
    expect(filterIssues({ fileTypes: { match: 'all', values: [] } })).toEqual([
      { path: 'filters.fileTypes.values', message: 'choose at least one value' },
    ]);
  });

  test('sites anyOf with no values', () => {
    expect(filterIssues({ sites: { match: 'anyOf', values: [] } })).toEqual([
      { path: 'filters.sites.values', message: 'choose at least one value for anyOf' },
    ]);
  });

  test('contracts noneOf without values', () => {
    expect(filterIssues({ contracts: { match: 'noneOf' } })).toEqual([
      { path: 'filters.contracts.values', message: 'choose at least one value for noneOf' },
    ]);
  });

  test('providerEndCodes anyOf with no values', () => {
    expect(filterIssues({ providerEndCodes: { match: 'anyOf', values: [] } })).toEqual([
      { path: 'filters.providerEndCodes.values', message: 'choose at least one value for anyOf' },
    ]);
  });

  test('empty programmes', () => {
    expect(filterIssues({ programmes: [] })).toEqual([
      { path: 'filters.programmes', message: 'choose at least one programme' },
    ]);
  });

  test('empty fundingOrganisations', () => {
    expect(filterIssues({ fundingOrganisations: [] })).toEqual([
      { path: 'filters.fundingOrganisations', message: 'choose at least one funding organisation' },
    ]);
  });

  test('empty ilrExportStatuses', () => {
    expect(filterIssues({ ilrExportStatuses: [] })).toEqual([
      { path: 'filters.ilrExportStatuses', message: 'choose at least one ILR export status' },
    ]);
  });

  test('empty asStatuses', () => {
    expect(filterIssues({ asStatuses: [] })).toEqual([
      {
        path: 'filters.asStatuses',
        message: 'choose at least one Apprenticeship Service status',
      },
    ]);
  });

  test('repeated tag', () => {
    expect(filterIssues({ tags: { match: 'none', values: ['a', 'b', 'a'] } })).toEqual([
      { path: 'filters.tags.values.2', message: '"a" is repeated: list each value once' },
    ]);
  });

  test('repeated site', () => {
    expect(filterIssues({ sites: { match: 'noneOf', values: ['s1', 's1'] } })).toEqual([
      { path: 'filters.sites.values.1', message: '"s1" is repeated: list each value once' },
    ]);
  });

  test('values given with isBlank', () => {
    expect(filterIssues({ sites: { match: 'isBlank', values: ['site-leeds'] } })).toEqual([
      { path: 'filters.sites.values', message: 'isBlank takes no values: remove them' },
    ]);
  });

  test('values given with notBlank', () => {
    expect(filterIssues({ providerDestinations: { match: 'notBlank', values: ['X'] } })).toEqual([
      {
        path: 'filters.providerDestinations.values',
        message: 'notBlank takes no values: remove them',
      },
    ]);
  });
});

describe('unknown filter keys', () => {
  test('misspelt filter name', () => {
    expect(filterIssues({ tag: { match: 'any', values: ['x'] } })).toEqual([
      { path: 'filters.tag', message: 'unknown key "tag": remove it or correct its spelling' },
    ]);
  });

  test('unknown key inside a filter', () => {
    expect(filterIssues({ officer: { id: 'o-7', relation: 'Assessor' } })).toEqual([
      {
        path: 'filters.officer.relation',
        message: 'unknown key "relation": remove it or correct its spelling',
      },
    ]);
  });

  test('parseFilters rejects unknown keys', () => {
    expect(issuesOf(() => parseFilters({ pastExpectedDate: true }))).toEqual([
      {
        path: 'pastExpectedDate',
        message: 'unknown key "pastExpectedDate": remove it or correct its spelling',
      },
    ]);
  });
});
