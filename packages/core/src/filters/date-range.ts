import { addDays, type CalendarDate } from '../model/calendar-date.js';
import type { DateBound, DateRange } from '../model/filters.js';

/** A date range with each bound as a fixed date; an absent bound leaves that side open. */
export interface ResolvedDateRange {
  /** First date in the range, inclusive. */
  from?: CalendarDate;
  /** Last date in the range, inclusive. */
  to?: CalendarDate;
}

/**
 * Resolves the bounds of a date range against a run date, so `{ daysFromRunDate: -7 }` becomes
 * the date a week before it. Fixed dates are returned unchanged and absent bounds stay absent.
 * A range whose `from` ends up after its `to` is empty, so no date is in it.
 *
 * @throws {RangeError} when `runDate` is not a real `YYYY-MM-DD` date and a bound is relative.
 */
export function resolveDateRange(range: DateRange, runDate: CalendarDate): ResolvedDateRange {
  const resolved: ResolvedDateRange = {};
  if (range.from !== undefined) resolved.from = resolveDateBound(range.from, runDate);
  if (range.to !== undefined) resolved.to = resolveDateBound(range.to, runDate);

  return resolved;
}

/** Resolves one bound: a fixed date as is, or the run date moved by `daysFromRunDate` days. */
export function resolveDateBound(bound: DateBound, runDate: CalendarDate): CalendarDate {
  return typeof bound === 'string' ? bound : addDays(runDate, bound.daysFromRunDate);
}

/**
 * Returns whether a date is in a resolved range, both bounds inclusive. An absent date (undefined,
 * null) is in no range. Dates compare as `YYYY-MM-DD` strings, which orders them by day.
 */
export function isInDateRange(
  date: CalendarDate | null | undefined,
  range: ResolvedDateRange,
): boolean {
  if (date === undefined || date === null) return false;
  if (range.from !== undefined && date < range.from) return false;

  return range.to === undefined || date <= range.to;
}
