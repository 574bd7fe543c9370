import type { FilterName, Filters } from '../model/filters.js';
import type { Learner } from '../model/learner.js';
import { buildClauses } from './build-clauses.js';
import { type FilterOptions, toClauseContext } from './options.js';

/** The outcome of one filter for one learner, with the values behind it. */
export interface FilterExplanation {
  /** Name of the filter. */
  filter: FilterName;
  /** Whether the learner passed it. */
  passed: boolean;
  /**
   * The learner's value the filter looked at, with absent values as `null`: a date, a list, a
   * code, or for `episodeStatus` the status on the run date.
   */
  learnerValue: unknown;
  /**
   * The filter's requirement in words, with dates resolved, such as
   * `expected end date from 7 December 2026 to 6 January 2027`.
   */
  expected: string;
}

/**
 * Explains how a learner fared against each filter that applies on a run date, so a host can show
 * why a learner did or did not get a message. The learner matches exactly when every entry
 * passed. Filters that do not filter (absent, `episodeStatus: 'all'`, `pastExpectedEnd: false`,
 * `breakInLearning` mode `all`) have no entry.
 *
 * @throws {ValidationError} when the filters are invalid.
 * @throws {AutomationsError} with code `INVALID_ARGUMENT` when `runDate` is not a real date.
 */
export function explainFilters(
  filters: Filters,
  learner: Learner,
  options: FilterOptions,
): FilterExplanation[] {
  return buildClauses(toClauseContext(filters, options)).map((clause) => ({
    filter: clause.filter,
    passed: clause.test(learner),
    learnerValue: clause.readLearnerValue(learner),
    expected: clause.expected,
  }));
}
