import type { Migration } from './index.js';

// Both columns stay NULL for email and for rows written before this version.
const smsSizeColumns = (table: string) =>
  `ALTER TABLE {schema}.${table}
    ADD COLUMN segments integer CHECK (segments >= 0),
    ADD COLUMN encoding text CHECK (encoding IN ('GSM-7', 'UCS-2'))`;

/** Adds the segment count and encoding of each SMS to the ledger and communications tables. */
export const smsSize: Migration = {
  version: 2,
  name: 'sms segments and encoding',
  statements: [smsSizeColumns('ledger'), smsSizeColumns('communications')],
};
