import { AutomationsError, ErrorCode } from '../errors/errors.js';
import {
  type CalendarDate,
  formatCalendarDate,
  parseCalendarDate,
} from '../model/calendar-date.js';
import { formatValue } from '../model/plain-data.js';

/** A wall-clock time of day: hour 0-23 and minute 0-59. */
export interface LocalTime {
  hour: number;
  minute: number;
}

/** Calendar date and wall-clock time as a zone shows them, seconds included. */
interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const MS_PER_SECOND = 1000;
const MS_PER_DAY = 86_400_000;
// Zone offsets stay within a day of UTC, so these instants fall between 0001-01-01 and
// 9999-12-31 in every zone.
const EARLIEST_INSTANT = new Date(0).setUTCFullYear(1, 0, 2);
const LATEST_INSTANT = Date.UTC(9999, 11, 31) - 1;

// Formatters are costly to build and a host uses few zones, so one per zone name is kept for the
// life of the process. Only names that Intl accepted are stored.
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Returns the calendar date that an instant falls on in an IANA time zone. The result does not
 * depend on the time zone of the process.
 *
 * @throws {AutomationsError} with code `INVALID_ARGUMENT` when `timeZone` is not a time zone
 *   that Intl supports, or `instant` is an invalid Date.
 */
export function localDate(instant: Date, timeZone: string): CalendarDate {
  const wall = wallClockAt(requireValidInstant(instant).getTime(), timeZone);

  return formatCalendarDate(wall);
}

/**
 * Returns the instant at which a wall-clock time happens on a calendar date in an IANA time zone.
 * The result does not depend on the time zone of the process.
 *
 * When clocks go forward and the time does not exist (02:30 on the spring change in London), the
 * result is the instant just after the gap, the moment the clocks change. When clocks go back and
 * the time happens twice (01:30 on the autumn change in London), the result is the first one.
 *
 * @throws {AutomationsError} with code `INVALID_ARGUMENT` when the date is not a real
 *   `YYYY-MM-DD` date, the time is out of range, or `timeZone` is not a time zone Intl supports.
 */
export function localTimeToInstant(date: CalendarDate, time: LocalTime, timeZone: string): Date {
  const wall = toWallClockMs(date, requireValidTime(time));
  const offsetBefore = offsetAt(wall - MS_PER_DAY, timeZone);
  const offsetAfter = offsetAt(wall + MS_PER_DAY, timeZone);

  // NOTE: the offsets are sampled one day either side, so a zone that changes its offset twice
  // within those two days could resolve a time wrongly.
  const matches = [wall - offsetBefore, wall - offsetAfter].filter(
    (candidate) => candidate + offsetAt(candidate, timeZone) === wall,
  );
  if (matches.length > 0) return new Date(Math.min(...matches));

  return new Date(findOffsetChange(wall - offsetAfter, wall - offsetBefore, timeZone));
}

/**
 * Checks that a time zone name is one that Intl supports, such as `Europe/London` or `UTC`.
 *
 * @throws {AutomationsError} with code `INVALID_ARGUMENT` naming the zone when it is unknown.
 */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached) return cached;

  const formatter = createFormatter(timeZone);
  formatters.set(timeZone, formatter);

  return formatter;
}

function createFormatter(timeZone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch (error) {
    throw new AutomationsError(
      ErrorCode.InvalidArgument,
      `Invalid time zone ${formatValue(timeZone)}: use an IANA name such as "Europe/London"`,
      { cause: error },
    );
  }
}

function wallClockAt(epochMs: number, timeZone: string): WallClock {
  const wall: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type in wall) wall[part.type as keyof WallClock] = Number(part.value);
  }

  return wall;
}

// The zone's offset from UTC at an instant, in milliseconds, to the whole second.
function offsetAt(epochMs: number, timeZone: string): number {
  const wholeSecondMs = Math.floor(epochMs / MS_PER_SECOND) * MS_PER_SECOND;
  const wall = wallClockAt(wholeSecondMs, timeZone);
  return wallClockAsUtc(wall) - wholeSecondMs;
}

// Binary search, to the second, for the first instant in (earliest, latest] whose offset differs
// from the offset at `earliest`: the moment the clocks jump over a wall-clock time.
function findOffsetChange(earliest: number, latest: number, timeZone: string): number {
  const offsetBefore = offsetAt(earliest, timeZone);
  let low = earliest;
  let high = latest;
  while (high - low > MS_PER_SECOND) {
    const middle = low + Math.floor((high - low) / 2 / MS_PER_SECOND) * MS_PER_SECOND;
    if (offsetAt(middle, timeZone) === offsetBefore) low = middle;
    else high = middle;
  }

  return high;
}

// The wall-clock reading as if it were UTC, in milliseconds since the epoch.
function toWallClockMs(date: CalendarDate, time: LocalTime): number {
  const parts = parseCalendarDate(date);
  if (!parts) {
    throw new AutomationsError(
      ErrorCode.InvalidArgument,
      `Invalid calendar date ${formatValue(date)}: write a real date as YYYY-MM-DD`,
    );
  }

  return wallClockAsUtc({ ...parts, hour: time.hour, minute: time.minute, second: 0 });
}

// Date.UTC reads the years 0 to 99 as 1900 to 1999, so the year is set on its own.
function wallClockAsUtc(wall: WallClock): number {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);

  return date.setUTCHours(wall.hour, wall.minute, wall.second);
}

function requireValidTime(time: LocalTime): LocalTime {
  const validHour = Number.isInteger(time.hour) && time.hour >= 0 && time.hour <= 23;
  const validMinute = Number.isInteger(time.minute) && time.minute >= 0 && time.minute <= 59;
  if (!validHour || !validMinute) {
    throw new AutomationsError(
      ErrorCode.InvalidArgument,
      `Invalid time ${time.hour}:${time.minute}: use a whole hour 0-23 and minute 0-59`,
    );
  }

  return time;
}

/**
 * Returns the instant unchanged when it is a valid Date whose calendar date, in every time zone,
 * can be written `YYYY-MM-DD`: from 0001-01-02 to 9999-12-30 in UTC.
 *
 * @throws {AutomationsError} with code `INVALID_ARGUMENT` for a non-Date, an invalid Date, or
 *   one outside that range.
 */
export function requireValidInstant(instant: Date, name = 'instant'): Date {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    const shown = instant instanceof Date ? 'Invalid Date' : formatValue(instant);
    throw new AutomationsError(
      ErrorCode.InvalidArgument,
      `Invalid ${name} ${shown}: pass a valid Date`,
    );
  }
  const time = instant.getTime();
  if (time < EARLIEST_INSTANT || time > LATEST_INSTANT) {
    throw new AutomationsError(
      ErrorCode.InvalidArgument,
      `Invalid ${name} ${instant.toISOString()}: pass a Date from 0001-01-02 to 9999-12-30 (UTC), whose local date has a four-digit year in every time zone`,
    );
  }

  return instant;
}
