import { formatBritishDate } from '../merge/format.js';
import type { CalendarDate } from '../model/calendar-date.js';
import type { DateBound, DateRange, EpisodeStatus, LinkFilter } from '../model/filters.js';
import type { ResolvedDateRange } from './date-range.js';

const STATUS_WORDS: Record<EpisodeStatus, string> = {
  all: 'any status',
  leavers: 'a leaver',
  inLearning: 'in learning',
  yetToStart: 'yet to start',
};

/** Formats a `YYYY-MM-DD` date in British form, such as `7 December 2026`. */
export function formatLongDate(date: CalendarDate): string {
  return formatBritishDate(date);
}

/** Returns the words for an episode status, such as `in learning`. */
export function describeStatus(status: EpisodeStatus): string {
  return STATUS_WORDS[status];
}

/** Joins values with commas, in the order given. */
export function listValues(values: Iterable<string>): string {
  return [...values].join(', ');
}

/** Describes a resolved range with dates in British form: `from 1 May 2026 to 31 May 2026`. */
export function describeResolvedRange(range: ResolvedDateRange): string {
  const from = range.from === undefined ? undefined : formatLongDate(range.from);
  const to = range.to === undefined ? undefined : formatLongDate(range.to);

  return describeBounds(from, to);
}

/**
 * Describes a range as saved, relative bounds in words: `from the run date to 30 days after it`.
 */
export function describeRange(range: DateRange): string {
  if (range.from !== undefined && range.to !== undefined && isSameBound(range.from, range.to)) {
    return describeSingleDay(range.from);
  }

  const from = range.from === undefined ? undefined : describeBound(range.from, false);
  const secondMention = typeof range.from === 'object';
  const to = range.to === undefined ? undefined : describeBound(range.to, secondMention);

  return describeBounds(from, to);
}

/** Describes an officer or organisation link: `o-7 as Assessor` or `o-7 (any relationship)`. */
export function describeLink(link: LinkFilter): string {
  return link.relationship === undefined
    ? `${link.id} (any relationship)`
    : `${link.id} as ${link.relationship}`;
}

function describeBounds(from: string | undefined, to: string | undefined): string {
  if (from !== undefined && to !== undefined) {
    return from === to ? `on ${from}` : `from ${from} to ${to}`;
  }

  return from !== undefined ? `on or after ${from}` : `on or before ${to ?? ''}`;
}

// A second relative bound refers back to the run date as "it", so a range reads
// "from the run date to 30 days after it".
function describeBound(bound: DateBound, runDateMentioned: boolean): string {
  if (typeof bound === 'string') return formatLongDate(bound);

  const days = bound.daysFromRunDate;
  if (days === 0) return 'the run date';

  const count = Math.abs(days) === 1 ? '1 day' : `${Math.abs(days)} days`;
  const direction = days > 0 ? 'after' : 'before';

  return `${count} ${direction} ${runDateMentioned ? 'it' : 'the run date'}`;
}

function isSameBound(first: DateBound, second: DateBound): boolean {
  if (typeof first === 'string' || typeof second === 'string') return first === second;

  return first.daysFromRunDate === second.daysFromRunDate;
}

function describeSingleDay(bound: DateBound): string {
  if (typeof bound === 'object' && bound.daysFromRunDate !== 0) {
    return `exactly ${describeBound(bound, false)}`;
  }

  return `on ${describeBound(bound, false)}`;
}
