import type { MergeField } from '@pics/automations-core';

/**
 * Merge fields that learners read from an ILR file carry in `fields`, for hosts to add to the
 * catalogue with `createMergeCatalogue(ilrMergeFields)`. Each value is null when the file leaves
 * it out.
 */
export const ilrMergeFields: readonly MergeField[] = Object.freeze([
  Object.freeze({
    key: 'uln',
    label: 'Unique learner number (ULN)',
    type: 'text',
    example: '1061484016',
  }),
  Object.freeze({ key: 'postcode', label: 'Postcode', type: 'text', example: 'BR1 7SS' }),
  Object.freeze({
    key: 'dateOfBirth',
    label: 'Date of birth',
    type: 'date',
    example: '27 February 1999',
  }),
] satisfies MergeField[]);
