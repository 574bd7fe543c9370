import { AutomationsError, ErrorCode } from '../errors/errors.js';
import { parseSchedule } from '../model/parse.js';
import { formatValue } from '../model/plain-data.js';
import type { Schedule } from '../model/schedule.js';
import { runDatesFrom } from './run-dates.js';
import { DEFAULT_TIME_ZONE, RUN_TIME } from './run-time.js';
import { assertTimeZone, localDate, localTimeToInstant, requireValidInstant } from './time-zone.js';

/** Options of {@link nextRunTimes}. */
export interface NextRunTimesOptions {
  /** Only run times strictly after this instant are returned. */
  after: Date;
  /** How many run times to return: a whole number from 0 to 1000. */
  count: number;
  /** IANA time zone of the host, in which runs happen at 05:00. @default 'Europe/London' */
  timeZone?: string | undefined;
}

/** Options of {@link nextRunTime}. */
export type NextRunTimeOptions = Omit<NextRunTimesOptions, 'count'>;

// Each run time costs a few Intl calls, so a count from a hostile or mistaken caller is bounded
// well below what would stall the process. A list on screen shows a handful.
const MAX_COUNT = 1000;

/**
 * Returns the next `count` run times of a schedule strictly after `after`, in increasing order.
 * Each is 05:00 local time in `timeZone` on a run date (see {@link isRunDate}); where 05:00 does
 * not exist or happens twice, {@link localTimeToInstant} decides. A run date the zone skipped
 * whole (30 December 2011 in Pacific/Apia) has no run time, as the runner never sees that date.
 * Calendar dates end at 9999-12-31, so fewer than `count` run times are returned near it. The
 * result does not depend on the time zone of the process.
 *
 * @throws {ValidationError} when the schedule is invalid, including one that never runs (only
 *   30 February).
 * @throws {AutomationsError} with code `INVALID_ARGUMENT` when `count` is not a whole number
 *   from 0 to 1000, `after` is not a valid Date from year 1 to 9999, or `timeZone` is unknown.
 */
export function nextRunTimes(schedule: Schedule, options: NextRunTimesOptions): Date[] {
  const validSchedule = parseSchedule(schedule);
  const count = requireCount(options.count);
  const after = requireValidInstant(options.after, 'after');
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  assertTimeZone(timeZone);

  const runTimes: Date[] = [];
  if (count === 0) return runTimes;

  for (const date of runDatesFrom(validSchedule, localDate(after, timeZone))) {
    const runTime = localTimeToInstant(date, RUN_TIME, timeZone);
    const dayExists = localDate(runTime, timeZone) === date;
    if (dayExists && runTime.getTime() > after.getTime()) runTimes.push(runTime);
    if (runTimes.length === count) break;
  }

  return runTimes;
}

/**
 * Returns the first run time of a schedule strictly after `after`, as {@link nextRunTimes} does
 * with a count of 1. The type admits `undefined`, but a schedule that passes validation always
 * has a next run time.
 *
 * @throws the errors of {@link nextRunTimes}.
 */
export function nextRunTime(schedule: Schedule, options: NextRunTimeOptions): Date | undefined {
  return nextRunTimes(schedule, { ...options, count: 1 })[0];
}

function requireCount(count: number): number {
  if (!Number.isInteger(count) || count < 0 || count > MAX_COUNT) {
    throw new AutomationsError(
      ErrorCode.InvalidArgument,
      `Invalid count ${formatValue(count)}: pass a whole number of run times from 0 to ${MAX_COUNT}`,
    );
  }

  return count;
}
