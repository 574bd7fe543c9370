import { AutomationsError, ErrorCode } from '../errors/errors.js';
import { type CalendarDate, isCalendarDate } from '../model/calendar-date.js';
import type { Filters } from '../model/filters.js';
import { parseFilters } from '../model/parse.js';
import { formatValue } from '../model/plain-data.js';
import type { ClauseContext } from './clause.js';

/** Options of the filter functions. */
export interface FilterOptions {
  /** The run date, a local calendar date `YYYY-MM-DD`, that relative bounds resolve against. */
  runDate: CalendarDate;
}

/**
 * Validates filters and options into the context clauses are built from.
 *
 * @throws {ValidationError} when the filters are invalid, listing each problem with its path.
 * @throws {AutomationsError} with code `INVALID_ARGUMENT` when `runDate` is not a real date.
 */
export function toClauseContext(filters: Filters, options: FilterOptions): ClauseContext {
  const runDate: unknown = options?.runDate;
  if (typeof runDate !== 'string' || !isCalendarDate(runDate)) {
    throw new AutomationsError(
      ErrorCode.InvalidArgument,
      `Invalid runDate ${formatValue(runDate)}: pass the run date as a real calendar date written YYYY-MM-DD`,
    );
  }

  return { runDate, filters: parseFilters(filters) };
}
