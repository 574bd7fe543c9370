import type { CalendarDate } from '../model/calendar-date.js';
import type { EpisodeStatus } from '../model/filters.js';

/**
 * A learner's episode status on one day: `leavers`, `inLearning` or `yetToStart`. Exactly one
 * holds for every learner on every day.
 */
export type EpisodeStatusOnDay = Exclude<EpisodeStatus, 'all'>;

/** The two learner dates that decide the episode status. */
export interface EpisodeDates {
  /** Start of the current episode; absent means not started. */
  startDate?: CalendarDate | null | undefined;
  /** Actual end of the episode; absent means the learner has not left. */
  actualEndDate?: CalendarDate | null | undefined;
}

/**
 * Returns a learner's episode status on a date. A leaver has an actualEndDate on or before the
 * date. Otherwise a learner is in learning when startDate is on or before the date, and yet to
 * start when startDate is absent or after it.
 */
export function episodeStatusOn(episode: EpisodeDates, date: CalendarDate): EpisodeStatusOnDay {
  if (isOnOrBefore(episode.actualEndDate, date)) return 'leavers';

  return isOnOrBefore(episode.startDate, date) ? 'inLearning' : 'yetToStart';
}

/**
 * Returns whether a learner held `status` on every day from `from` to `to`, both inclusive, as
 * {@link episodeStatusOn} computes it for each day. An empty range (`from` after `to`) is held by
 * no learner.
 *
 * The status changes at most twice (on startDate and on actualEndDate) and never returns to an
 * earlier one, so the check needs only the two dates and the two ends of the range:
 * - leavers: actualEndDate on or before `from`;
 * - inLearning: startDate on or before `from`, and actualEndDate absent or after `to`;
 * - yetToStart: startDate absent or after `to`, and actualEndDate absent or after `to`.
 */
export function heldEpisodeStatusThroughout(
  episode: EpisodeDates,
  status: EpisodeStatusOnDay,
  from: CalendarDate,
  to: CalendarDate,
): boolean {
  if (from > to) return false;

  const { startDate, actualEndDate } = episode;
  if (status === 'leavers') return isOnOrBefore(actualEndDate, from);
  if (status === 'inLearning') {
    return isOnOrBefore(startDate, from) && !isOnOrBefore(actualEndDate, to);
  }

  return !isOnOrBefore(startDate, to) && !isOnOrBefore(actualEndDate, to);
}

function isOnOrBefore(value: CalendarDate | null | undefined, date: CalendarDate): boolean {
  return value !== undefined && value !== null && value <= date;
}
