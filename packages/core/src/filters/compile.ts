import type { Filters } from '../model/filters.js';
import type { Learner } from '../model/learner.js';
import { buildClauses } from './build-clauses.js';
import type { LearnerTest } from './clause.js';
import { type FilterOptions, toClauseContext } from './options.js';

/**
 * Compiles audience filters for one run date into a predicate on learners. The filters are
 * validated, relative date bounds resolved and value lists turned into Sets once, here, so the
 * predicate only compares. It checks only the filters that apply, cheapest first, stops at the
 * first that fails, and allocates nothing per learner. With no filters it matches every learner.
 *
 * The predicate expects learners as {@link parseLearner} returns them, with every list present.
 *
 * @throws {ValidationError} when the filters are invalid, listing each problem with its path.
 * @throws {AutomationsError} with code `INVALID_ARGUMENT` when `runDate` is not a real
 *   `YYYY-MM-DD` date.
 */
export function compileFilters(
  filters: Filters,
  options: FilterOptions,
): (learner: Learner) => boolean {
  const clauses = buildClauses(toClauseContext(filters, options));
  const tests = clauses
    .map((clause, index) => ({ clause, index }))
    .sort((first, second) => first.clause.cost - second.clause.cost || first.index - second.index)
    .map(({ clause }) => clause.test);

  return allOf(tests);
}

/**
 * Returns whether one learner matches audience filters on a run date. Use
 * {@link compileFilters} to test many learners, because this validates the filters on every call.
 *
 * @throws {ValidationError} when the filters are invalid.
 * @throws {AutomationsError} with code `INVALID_ARGUMENT` when `runDate` is not a real date.
 */
export function matchesFilters(
  filters: Filters,
  learner: Learner,
  options: FilterOptions,
): boolean {
  return compileFilters(filters, options)(learner);
}

// Nests the tests in closures of up to four, so the predicate makes direct calls with no loop.
function allOf(tests: readonly LearnerTest[]): LearnerTest {
  const [first, second, third, fourth] = tests;
  if (first === undefined) return () => true;
  if (second === undefined) return first;
  if (third === undefined) return (learner) => first(learner) && second(learner);
  if (fourth === undefined) {
    return (learner) => first(learner) && second(learner) && third(learner);
  }

  const rest = allOf(tests.slice(3));

  return (learner) => first(learner) && second(learner) && third(learner) && rest(learner);
}
