import { describe, expect, it } from 'vitest';
import {
  AutomationsError,
  createMergeCatalogue,
  type MergeField,
  mergeFields,
} from '../../src/index.js';

const cohort: MergeField = { key: 'cohort', label: 'Cohort', type: 'text', example: 'Autumn 2026' };

function catchError(action: () => unknown): AutomationsError {
  try {
    action();
  } catch (error) {
    if (error instanceof AutomationsError) return error;
    throw error;
  }
  throw new Error('expected an AutomationsError');
}

describe('mergeFields', () => {
  it('lists every scalar learner field', () => {
    const keys = mergeFields.map((field) => field.key).sort();

    expect(keys).toEqual(
      [
        'actualEndDate',
        'asStatus',
        'email',
        'enteredOn',
        'expectedEndDate',
        'firstName',
        'fundingOrganisation',
        'id',
        'ilrExportStatus',
        'lastName',
        'mobile',
        'programme',
        'providerDestination',
        'providerEndCode',
        'startDate',
      ].sort(),
    );
  });

  it('labels fields in sentence case', () => {
    const labels = new Map(mergeFields.map((field) => [field.key, field.label]));

    expect(labels.get('firstName')).toBe('First name');
    expect(labels.get('expectedEndDate')).toBe('Expected end date');
  });

  it('types the dates as date', () => {
    const dates = mergeFields.filter((field) => field.type === 'date').map((field) => field.key);

    expect(dates).toEqual(['enteredOn', 'startDate', 'expectedEndDate', 'actualEndDate']);
  });

  it('gives every field an example', () => {
    const missing = mergeFields.filter((field) => field.example.trim() === '');

    expect(missing).toEqual([]);
  });
});

describe('createMergeCatalogue', () => {
  it('appends host fields after built-ins', () => {
    const catalogue = createMergeCatalogue([cohort]);

    expect(catalogue.map((field) => field.key)).toEqual([
      ...mergeFields.map((field) => field.key),
      'cohort',
    ]);
  });

  it('returns the built-ins without host fields', () => {
    expect(createMergeCatalogue()).toEqual(mergeFields);
  });

  it('rejects a key clashing with a built-in', () => {
    const error = catchError(() => createMergeCatalogue([{ ...cohort, key: 'firstName' }]));

    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain('"firstName"');
    expect(error.message).toContain('built-in');
  });

  it('rejects a key that is not an identifier', () => {
    for (const key of ['cohort.name', '1st', 'first name', '', 'a-b', 'x()']) {
      const error = catchError(() => createMergeCatalogue([{ ...cohort, key }]));

      expect(error.code, key).toBe('INVALID_ARGUMENT');
      expect(error.message, key).toContain(JSON.stringify(key));
    }
  });

  it('rejects a repeated host key', () => {
    const error = catchError(() => createMergeCatalogue([cohort, { ...cohort, label: 'Group' }]));

    expect(error.message).toContain('same key');
  });

  it('rejects an unknown type', () => {
    const field = { ...cohort, type: 'boolean' } as unknown as MergeField;
    const error = catchError(() => createMergeCatalogue([field]));

    expect(error.message).toContain('"boolean"');
  });

  it('accepts underscores and digits', () => {
    const catalogue = createMergeCatalogue([{ ...cohort, key: '_cohort_2' }]);

    expect(catalogue.at(-1)?.key).toBe('_cohort_2');
  });

  it('freezes the catalogue', () => {
    expect(Object.isFrozen(createMergeCatalogue([cohort]))).toBe(true);
  });
});
