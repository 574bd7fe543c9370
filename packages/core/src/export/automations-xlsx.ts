import ExcelJS from 'exceljs';
import { MAX_PAGE_SIZE } from '../service/list.js';
import type { AutomationListRow, AutomationService } from '../service/types.js';
import { EXPORT_COLUMNS, type ExportColumn, type ExportValue } from './columns.js';
import { toInertText } from './inert-text.js';
import { requireExportOptions } from './options.js';

/** Options of {@link exportAutomationsXlsx}. */
export interface ExportAutomationsOptions {
  /** The service whose list is exported; its time zone is used for dates. */
  service: AutomationService;
  /** Case-insensitive part of the name, as in the list. @default every automation */
  search?: string | undefined;
  /** Export only this page of the list, counted from 1. @default every page */
  page?: number | undefined;
  /** Rows per page when `page` is given, as in the list. @default 10 */
  pageSize?: number | undefined;
}

/** Date and time format of the date cells: day first, as British users read dates. */
export const EXPORT_DATE_FORMAT = 'dd/mm/yyyy hh:mm';

const SHEET_NAME = 'Automations';
const MIN_TEXT_WIDTH = 8;
const MAX_TEXT_WIDTH = 60;
const DATE_WIDTH = 17;

/**
 * Exports the automation list to an Excel workbook (xlsx) and returns the file's bytes. The sheet
 * has a bold, frozen header row and one row per automation with its name, type, title, schedule
 * in words, next run, audience filters (one per line), Max Messages and last update.
 *
 * Dates are real Excel dates showing the wall-clock time in the service's time zone, and Max
 * Messages is a number (empty when there is no limit). Every text value is written as a string
 * cell, never a formula, and text that a spreadsheet could take for a formula is made inert by
 * {@link toInertText}: a single quote goes in front of it.
 *
 * @example
 * ```ts
 * const bytes = await exportAutomationsXlsx({ service, search: 'reminder' });
 * await writeFile('automations.xlsx', bytes);
 * ```
 *
 * @throws {AutomationsError} with code `INVALID_ARGUMENT` unless `options` is an object whose
 *   `service` has a `list` method, such as `{ service }`.
 * @throws {ValidationError} when `page` or `pageSize` is invalid, as the list does.
 */
export async function exportAutomationsXlsx(options: ExportAutomationsOptions): Promise<Buffer> {
  requireExportOptions(options);
  const rows = await readRows(options);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });

  const values = rows.map((row) => EXPORT_COLUMNS.map((column) => readCell(column, row, options)));
  sheet.columns = EXPORT_COLUMNS.map((column, index) => ({
    header: column.header,
    width: columnWidth(
      column,
      values.map((rowValues) => rowValues[index] ?? null),
    ),
    style: columnStyle(column),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const rowValues of values) sheet.addRow(rowValues);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function readRows(options: ExportAutomationsOptions): Promise<AutomationListRow[]> {
  const { service, search, page, pageSize } = options;
  if (page !== undefined) return (await service.list({ search, page, pageSize })).rows;

  const rows: AutomationListRow[] = [];
  for (let next = 1; ; next += 1) {
    const result = await service.list({ search, page: next, pageSize: MAX_PAGE_SIZE });
    rows.push(...result.rows);
    if (next >= result.pageCount) return rows;
  }
}

function readCell(
  column: ExportColumn,
  row: AutomationListRow,
  options: ExportAutomationsOptions,
): ExportValue {
  const value = column.read(row, options.service.timeZone) ?? null;

  return typeof value === 'string' ? toInertText(value) : value;
}

function columnStyle(column: ExportColumn): Partial<ExcelJS.Style> {
  if (column.kind === 'date') return { numFmt: EXPORT_DATE_FORMAT };
  if (column.kind === 'number') return { numFmt: '0' };

  return { alignment: { wrapText: true, vertical: 'top' } };
}

// Fits a text column to its longest line, within bounds, so a long title wraps instead of
// making the sheet wide.
function columnWidth(column: ExportColumn, values: readonly ExportValue[]): number {
  if (column.kind === 'date') return DATE_WIDTH;

  const lengths = values.flatMap((value) =>
    value === null
      ? []
      : String(value)
          .split('\n')
          .map((line) => line.length),
  );
  const longest = Math.max(column.header.length, ...lengths);

  return Math.min(MAX_TEXT_WIDTH, Math.max(MIN_TEXT_WIDTH, longest + 2));
}
