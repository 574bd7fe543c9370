import { describe, expect, it } from 'vitest';
import {
  createMergeCatalogue,
  type MergeField,
  mergeFields,
  searchMergeFields,
} from '../../src/index.js';

function keys(fields: readonly MergeField[]): string[] {
  return fields.map((field) => field.key);
}

describe('searchMergeFields', () => {
  it('returns everything for an empty query', () => {
    expect(keys(searchMergeFields(''))).toEqual(keys(mergeFields));
  });

  it('treats a blank query as empty', () => {
    expect(searchMergeFields('  ')).toHaveLength(mergeFields.length);
  });

  it('ignores case', () => {
    expect(keys(searchMergeFields('FIRSTNAME'))).toEqual(['firstName']);
  });

  it('matches label text', () => {
    expect(keys(searchMergeFields('first n'))).toEqual(['firstName']);
  });

  it('puts the exact key first', () => {
    const catalogue = createMergeCatalogue([
      { key: 'identifier', label: 'Identifier', type: 'text', example: 'X1' },
    ]);

    expect(keys(searchMergeFields('id', catalogue)).slice(0, 2)).toEqual(['id', 'identifier']);
  });

  it('ranks key prefix before label word', () => {
    expect(keys(searchMergeFields('end'))).toEqual([
      'expectedEndDate',
      'actualEndDate',
      'providerEndCode',
    ]);
  });

  it('ranks label word before substring', () => {
    const result = keys(searchMergeFields('d'));

    expect(result.slice(0, 5)).toEqual([
      'startDate',
      'expectedEndDate',
      'actualEndDate',
      'providerDestination',
      'email',
    ]);
  });

  it('ranks key prefix before label word prefix', () => {
    const catalogue: MergeField[] = [
      { key: 'nextReview', label: 'Start of review', type: 'date', example: '1 May 2027' },
      { key: 'startTime', label: 'Begins', type: 'text', example: '09:00' },
    ];

    expect(keys(searchMergeFields('start', catalogue))).toEqual(['startTime', 'nextReview']);
  });

  it('keeps catalogue order for ties', () => {
    expect(keys(searchMergeFields('name'))).toEqual(['firstName', 'lastName']);
  });

  it('returns nothing without a match', () => {
    expect(searchMergeFields('zzz')).toEqual([]);
  });

  it('matches the middle of a key', () => {
    expect(keys(searchMergeFields('rganis'))).toEqual(['fundingOrganisation']);
  });
});
