import * as rruleModule from 'rrule';
import { type CalendarDate, toDayNumber } from '../model/calendar-date.js';
import { parseSchedule } from '../model/parse.js';
import { type Schedule, WEEKDAYS } from '../model/schedule.js';
import { runDatesFrom } from './run-dates.js';
import { DEFAULT_TIME_ZONE, RUN_TIME } from './run-time.js';
import { assertTimeZone, localDate } from './time-zone.js';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

// rrule 2.8 publishes CommonJS as `main` and ESM only through the bundler-only `module` field.
// Node's ESM loader finds no named exports in that CommonJS file and offers only `default`, while
// bundlers and require() expose `RRule` directly.
const { RRule } =
  'RRule' in rruleModule
    ? rruleModule
    : (rruleModule as unknown as { default: typeof rruleModule }).default;

/** Options of {@link toRRule}. */
export interface ToRRuleOptions {
  /** IANA time zone of the host, written as the DTSTART's TZID. @default 'Europe/London' */
  timeZone?: string | undefined;
  /**
   * First date the rule covers. DTSTART is the first run date on or after it, because RFC 5545
   * leaves a rule undefined when its DTSTART is not an occurrence.
   * @default today's date in `timeZone`
   */
  start?: CalendarDate | undefined;
}

/**
 * Writes a schedule as RFC 5545 text: a `DTSTART;TZID=<zone>:` line at 05:00 local, then an
 * `RRULE:` line, such as `FREQ=WEEKLY;BYDAY=MO,FR;BYHOUR=5;BYMINUTE=0;BYSECOND=0` or
 * `FREQ=YEARLY;BYMONTH=1,9;BYMONTHDAY=1,15;BYHOUR=5;BYMINUTE=0;BYSECOND=0`. Lines are separated
 * by `\n`, as the rrule package writes them. For `UTC` the DTSTART is written in UTC form
 * (`DTSTART:20261207T050000Z`) without a TZID.
 *
 * RFC 5545 skips a BYMONTHDAY that a month lacks, as {@link isRunDate} does.
 *
 * @throws {ValidationError} when the schedule is invalid or never runs.
 * @throws {AutomationsError} with code `INVALID_ARGUMENT` when `timeZone` is unknown or `start`
 *   is not a real date.
 */
export function toRRule(schedule: Schedule, options: ToRRuleOptions = {}): string {
  const validSchedule = parseSchedule(schedule);
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  assertTimeZone(timeZone);

  const start = options.start ?? localDate(new Date(), timeZone);
  const firstRunDate = runDatesFrom(validSchedule, start).next().value as CalendarDate;

  return RRule.optionsToString({
    ...frequencyOptions(validSchedule),
    dtstart: floatingRunTime(firstRunDate),
    tzid: timeZone,
    byhour: RUN_TIME.hour,
    byminute: RUN_TIME.minute,
    bysecond: 0,
  });
}

function frequencyOptions(schedule: Schedule) {
  if (schedule.kind === 'daysOfWeek') {
    const weekdays = WEEKDAYS.flatMap((weekday, index) =>
      schedule.days.includes(weekday) ? [index] : [],
    );

    return { freq: RRule.WEEKLY, byweekday: weekdays };
  }

  const byNumber = (a: number, b: number) => a - b;

  return {
    freq: RRule.YEARLY,
    bymonth: [...schedule.months].sort(byNumber),
    bymonthday: [...schedule.days].sort(byNumber),
  };
}

// rrule writes a DTSTART with a TZID from the UTC fields of the Date, so 05:00 local on the
// run date is passed as 05:00 UTC on that date.
function floatingRunTime(date: CalendarDate): Date {
  const minutes = RUN_TIME.hour * 60 + RUN_TIME.minute;

  return new Date(toDayNumber(date) * MS_PER_DAY + minutes * MS_PER_MINUTE);
}
