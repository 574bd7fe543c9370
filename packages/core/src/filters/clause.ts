import type { CalendarDate } from '../model/calendar-date.js';
import type { FilterName, Filters } from '../model/filters.js';
import type { Learner } from '../model/learner.js';

/** A predicate on one learner. */
export type LearnerTest = (learner: Learner) => boolean;

/**
 * Relative cost of a clause's test, so the compiled predicate runs cheap clauses first:
 * a field comparison, a lookup in a Set, a scan of one list, a scan of a list of objects.
 */
export const ClauseCost = {
  Field: 1,
  Lookup: 2,
  List: 3,
  Records: 4,
} as const;

/** One filter that applies, compiled against a run date. */
export interface FilterClause {
  /** Name of the filter the clause comes from. */
  readonly filter: FilterName;
  /** Relative cost from {@link ClauseCost}. */
  readonly cost: number;
  /** Whether a learner passes the filter. */
  readonly test: LearnerTest;
  /** Reads the learner value the filter looks at, for explanations. */
  readonly readLearnerValue: (learner: Learner) => unknown;
  /** The filter's requirement in words, with relative dates resolved. */
  readonly expected: string;
}

/** The inputs a clause builder reads besides its own filter value. */
export interface ClauseContext {
  /** Run date that relative bounds resolve against. */
  readonly runDate: CalendarDate;
  /** Every filter of the automation, for filters that depend on another one. */
  readonly filters: Filters;
}

/** Compiles one filter value, or returns `undefined` when the value does not filter. */
export type ClauseBuilder<Name extends FilterName> = (
  value: NonNullable<Filters[Name]>,
  context: ClauseContext,
) => FilterClause | undefined;
