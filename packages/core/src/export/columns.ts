import { describeFilters } from '../filters/describe.js';
import type { AutomationListRow } from '../service/types.js';
import { toSpreadsheetDate } from './spreadsheet-date.js';

/** A cell value as the export writes it; `null` leaves the cell empty. */
export type ExportValue = string | number | Date | null;

/** One column of the automation export. */
export interface ExportColumn {
  /** Text of the header cell. */
  header: string;
  /** What the column's cells contain, which decides their format and width. */
  kind: 'text' | 'number' | 'date';
  /** Reads the cell value from a list row; dates are local wall-clock times in `timeZone`. */
  read: (row: AutomationListRow, timeZone: string) => ExportValue;
}

const CHANNEL_NAMES = { email: 'Email', sms: 'SMS' } as const;

/** The columns of the automation export, in sheet order. */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { header: 'Name', kind: 'text', read: (row) => row.automation.name },
  { header: 'Type', kind: 'text', read: (row) => CHANNEL_NAMES[row.automation.channel] },
  { header: 'Title', kind: 'text', read: (row) => row.automation.title },
  { header: 'Schedule', kind: 'text', read: (row) => row.scheduleDescription },
  {
    header: 'Next run',
    kind: 'date',
    read: (row, timeZone) => (row.nextRunAt ? toSpreadsheetDate(row.nextRunAt, timeZone) : null),
  },
  { header: 'Audience filters', kind: 'text', read: (row) => describeAudience(row) },
  {
    header: 'Max messages',
    kind: 'number',
    read: (row) => row.automation.delivery.maxMessages ?? null,
  },
  {
    header: 'Updated',
    kind: 'date',
    read: (row, timeZone) => toSpreadsheetDate(row.automation.updatedAt, timeZone),
  },
];

function describeAudience(row: AutomationListRow): string {
  const lines = describeFilters(row.automation.filters);

  return lines.length > 0 ? lines.join('\n') : 'All learners';
}
