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

  test('message names the learner id', () => {
    const { enteredOn: _, ...input } = { ...learner, id: 'A1' };

    expect(() => parseLearner(input)).toThrow('Invalid learner "A1": enteredOn: is required');
  });

  test('message without id names none', () => {
    const { id: _, ...input } = learner;

    expect(() => parseLearner(input)).toThrow('Invalid learner: id: is required');
  });

  test('message ignores a blank id', () => {
    expect(() => parseLearner({ ...learner, id: ' ' })).toThrow(
      'Invalid learner: id: must not be blank',
    );
  });

  test('error records its subject', () => {
    const error = catchError(() => parseLearner({ ...learner, startDate: 'soon' }));

    expect(error).toMatchObject({ subject: 'learner "L1"' });
  });

  test('lists default to empty', () => {
    expect(parseLearner(learner).tags).toEqual([]);
  });
});

function catchError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }

  throw new Error('the action did not throw');
}
