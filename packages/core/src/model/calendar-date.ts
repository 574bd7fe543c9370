/**
 * A calendar date written `YYYY-MM-DD`, with no time of day and no time zone. A run date is the
 * local calendar date of a run in the host's time zone.
 */
export type CalendarDate = string;

/** English month names, January first. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Year, month (1-12) and day of month (1-31) of a calendar date. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Returns the number of days in a month of a year, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(utcMidnight(year, month + 1, 0)).getUTCDate();
}

/**
 * Splits a `YYYY-MM-DD` string into its parts, or returns `undefined` when the text is not of that
 * form or names a day that does not exist (`2026-02-30`).
 */
export function parseCalendarDate(text: string): DateParts | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;

  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;

  return { year, month, day };
}

/** Returns whether a string is a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(text: string): boolean {
  return parseCalendarDate(text) !== undefined;
}

/** Formats date parts as `YYYY-MM-DD`. */
export function formatCalendarDate(parts: DateParts): CalendarDate {
  const year = String(parts.year).padStart(4, '0');
  const month = String(parts.month).padStart(2, '0');
  const day = String(parts.day).padStart(2, '0');

  return `${year}-${month}-${day}`;
}

/**
 * Returns the number of days between 1970-01-01 and a calendar date (negative before it).
 * Throws a `RangeError` when the text is not a real `YYYY-MM-DD` date.
 */
export function toDayNumber(date: CalendarDate): number {
  const parts = requireCalendarDate(date);

  return utcMidnight(parts.year, parts.month, parts.day) / MS_PER_DAY;
}

/** Returns the calendar date a number of days after 1970-01-01. */
export function fromDayNumber(dayNumber: number): CalendarDate {
  const instant = new Date(dayNumber * MS_PER_DAY);

  return formatCalendarDate({
    year: instant.getUTCFullYear(),
    month: instant.getUTCMonth() + 1,
    day: instant.getUTCDate(),
  });
}

/** Returns the calendar date `days` days after `date` (before it when negative). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Returns the ISO weekday of a calendar date: 1 for Monday through 7 for Sunday. */
export function isoWeekday(date: CalendarDate): number {
  const parts = requireCalendarDate(date);
  const weekday = new Date(utcMidnight(parts.year, parts.month, parts.day)).getUTCDay();

  return weekday === 0 ? 7 : weekday;
}

// Date.UTC reads the years 0 to 99 as 1900 to 1999, so the year is set on its own. Month 1 is
// January, and day 0 is the last day of the month before.
function utcMidnight(year: number, month: number, day: number): number {
  return new Date(0).setUTCFullYear(year, month - 1, day);
}

function requireCalendarDate(date: CalendarDate): DateParts {
  const parts = parseCalendarDate(date);
  if (!parts) {
    throw new RangeError(`Invalid calendar date "${date}": write a real date as YYYY-MM-DD`);
  }

  return parts;
}
