import { AutomationsError, ErrorCode } from '../errors/errors.js';
import {
  addDays,
  type CalendarDate,
  type DateParts,
  daysInMonth,
  formatCalendarDate,
  isoWeekday,
  parseCalendarDate,
} from '../model/calendar-date.js';
import { formatValue } from '../model/plain-data.js';
import {
  type DaysOfMonthSchedule,
  type DaysOfWeekSchedule,
  type Schedule,
  WEEKDAYS,
} from '../model/schedule.js';

// 29 February comes round at most 8 years apart (2096, then 2104), so a schedule with no run
// date in 9 years has none at all.
const SEARCH_YEARS = 9;
const MONTHS_PER_YEAR = 12;
const DAYS_PER_WEEK = 7;
// The last date that `YYYY-MM-DD` can write.
const LAST_YEAR = 9999;
const LAST_DATE = '9999-12-31';

/**
 * Returns whether a calendar date is a run date of a schedule: its weekday is ticked, or its
 * month and its day of the month are both ticked. A day that a month lacks (31 April) is never a
 * run date, and no other day runs in its place.
 *
 * @throws {AutomationsError} with code `INVALID_ARGUMENT` when `date` is not a real
 *   `YYYY-MM-DD` date.
 */
export function isRunDate(schedule: Schedule, date: CalendarDate): boolean {
  const parts = requireRunDate(date);
  if (schedule.kind === 'daysOfWeek') return runsOnWeekday(schedule, date);

  return schedule.months.includes(parts.month) && schedule.days.includes(parts.day);
}

/**
 * Yields the run dates of a schedule on or after `start`, in calendar order, up to 9999-12-31,
 * the last date `YYYY-MM-DD` can write.
 *
 * @throws {AutomationsError} with code `INVALID_ARGUMENT` when `start` is not a real date, or
 *   when the schedule has no run date in 9 years and so never runs.
 */
export function runDatesFrom(schedule: Schedule, start: CalendarDate): Generator<CalendarDate> {
  const parts = requireRunDate(start);
  if (schedule.kind === 'daysOfWeek') return weeklyRunDatesFrom(schedule, start);

  return monthlyRunDatesFrom(schedule, parts);
}

function* weeklyRunDatesFrom(
  schedule: DaysOfWeekSchedule,
  start: CalendarDate,
): Generator<CalendarDate> {
  let date = start;
  let daysWithoutRun = 0;
  for (;;) {
    if (runsOnWeekday(schedule, date)) {
      daysWithoutRun = 0;
      yield date;
    } else if (++daysWithoutRun > DAYS_PER_WEEK) {
      throw neverRunsError();
    }
    if (date === LAST_DATE) return;
    date = addDays(date, 1);
  }
}

// Jumps month by month, so a rare date such as 29 February costs one step per month, not per day.
function* monthlyRunDatesFrom(
  schedule: DaysOfMonthSchedule,
  start: DateParts,
): Generator<CalendarDate> {
  const days = [...new Set(schedule.days)].sort((a, b) => a - b);
  const startDate = formatCalendarDate(start);
  let { year, month } = start;
  let monthsWithoutRun = 0;
  for (;;) {
    const dates = schedule.months.includes(month) ? datesInMonth(year, month, days) : [];
    const dueDates = dates.filter((date) => date >= startDate);
    yield* dueDates;

    monthsWithoutRun = dueDates.length > 0 ? 0 : monthsWithoutRun + 1;
    if (monthsWithoutRun > SEARCH_YEARS * MONTHS_PER_YEAR) throw neverRunsError();

    month = (month % MONTHS_PER_YEAR) + 1;
    if (month === 1) year += 1;
    if (year > LAST_YEAR) return;
  }
}

function datesInMonth(year: number, month: number, days: readonly number[]): CalendarDate[] {
  const lastDay = daysInMonth(year, month);

  return days
    .filter((day) => day <= lastDay)
    .map((day) => formatCalendarDate({ year, month, day }));
}

function runsOnWeekday(schedule: DaysOfWeekSchedule, date: CalendarDate): boolean {
  const weekday = WEEKDAYS[isoWeekday(date) - 1];

  return weekday !== undefined && schedule.days.includes(weekday);
}

function requireRunDate(date: CalendarDate): DateParts {
  const parts = typeof date === 'string' ? parseCalendarDate(date) : undefined;
  if (!parts) {
    throw new AutomationsError(
      ErrorCode.InvalidArgument,
      `Invalid calendar date ${formatValue(date)}: write a real date as YYYY-MM-DD`,
    );
  }

  return parts;
}

function neverRunsError(): AutomationsError {
  return new AutomationsError(
    ErrorCode.InvalidArgument,
    `Schedule never runs: it has no run date in ${SEARCH_YEARS} years, so tick a day that exists`,
  );
}
