import type { CalendarDate } from '../model/calendar-date.js';
import type { Filters } from '../model/filters.js';
import type { Learner } from '../model/learner.js';

/** Arguments of {@link LearnerSource.findLearners}. */
export interface FindLearnersQuery {
  /** The automation's audience filters, already validated. */
  filters: Filters;
  /** The run date the filters are evaluated on. */
  runDate: CalendarDate;
  /** Stops the iteration early when aborted. */
  signal?: AbortSignal | undefined;
}

/**
 * Yields the learners that match an automation's filters on a run date.
 *
 * A source MUST yield exactly the learners for which core's `matchesFilters` returns true, each
 * once, in ascending order of `id` (compared as strings by UTF-16 code unit, as
 * `Array.prototype.sort` does). It MUST NOT hold every learner in memory at once when the
 * learners live elsewhere: it streams them.
 */
export interface LearnerSource {
  /** Yields matching learners in ascending id order. */
  findLearners(args: FindLearnersQuery): AsyncIterable<Learner>;
}

/**
 * A learner source that a host or an example can also write to, for seeding and tests.
 * Optional: hosts usually own their learner data and only implement {@link LearnerSource}.
 */
export interface LearnerStore extends LearnerSource {
  /** Inserts learners, replacing any with the same id. Idempotent. */
  upsertLearners(args: { learners: readonly Learner[] }): Promise<void>;

  /** Returns the learner with this id, or `undefined`. */
  getLearner(args: { id: string }): Promise<Learner | undefined>;

  /** Returns how many learners are stored. */
  countLearners(): Promise<number>;
}
