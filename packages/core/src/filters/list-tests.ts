import type { CalendarDate } from '../model/calendar-date.js';
import type { BreakInLearning, LearnerLink } from '../model/learner.js';

// Indexed loops, with no callbacks or iterators, so the compiled predicate allocates nothing per
// learner.

/** Returns whether any item of a list is in a set. */
export function containsAny(list: readonly string[], values: ReadonlySet<string>): boolean {
  for (let index = 0; index < list.length; index++) {
    if (values.has(list[index] as string)) return true;
  }

  return false;
}

/** Returns whether a list contains every one of the values. */
export function containsAll(list: readonly string[], values: readonly string[]): boolean {
  for (let index = 0; index < values.length; index++) {
    if (!list.includes(values[index] as string)) return false;
  }

  return true;
}

/** Returns whether a list of links has one with the id, and the relationship when one is given. */
export function hasLink(
  links: readonly LearnerLink[],
  id: string,
  relationship: string | undefined,
): boolean {
  for (let index = 0; index < links.length; index++) {
    const link = links[index] as LearnerLink;
    if (link.id === id && (relationship === undefined || link.relationship === relationship)) {
      return true;
    }
  }

  return false;
}

/**
 * Returns whether a learner is on a break on a date: a break that started on or before it and has
 * no end date, or ends on or after it.
 */
export function hasCurrentBreak(breaks: readonly BreakInLearning[], date: CalendarDate): boolean {
  for (let index = 0; index < breaks.length; index++) {
    const current = breaks[index] as BreakInLearning;
    const endDate = current.endDate;
    if (
      current.startDate <= date &&
      (endDate === undefined || endDate === null || endDate >= date)
    ) {
      return true;
    }
  }

  return false;
}
