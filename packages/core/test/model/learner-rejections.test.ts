import { describe, expect, test } from 'vitest';
import { parseLearner } from '../../src/index.js';
import { issuesOf } from './validation-issues.js';

const learner = {
  id: 'L1',
  firstName: 'Amara',
  lastName: 'Okafor',
  enteredOn: '2026-08-20',
};

describe('learner rejections', () => {
  test('impossible calendar date', () => {
    expect(issuesOf(() => parseLearner({ ...learner, startDate: '2026-02-30' }))).toEqual([
      { path: 'startDate', message: '"2026-02-30" is not a real date: write it as YYYY-MM-DD' },
    ]);
  });

  test('misspelt field', () => {
    expect(issuesOf(() => parseLearner({ ...learner, expectedEnd: '2027-01-05' }))).toEqual([
      {
        path: 'expectedEnd',
        message: 'unknown key "expectedEnd": remove it or correct its spelling',
      },
    ]);
  });

  test('unknown contact method', () => {
    const input = { ...learner, allowedContactMethods: ['email', 'pigeon'] };

    expect(issuesOf(() => parseLearner(input)).map((issue) => issue.path)).toEqual([
      'allowedContactMethods.1',
    ]);
  });

  test('lists default to empty', () => {
    expect(parseLearner(learner).tags).toEqual([]);
  });
});
