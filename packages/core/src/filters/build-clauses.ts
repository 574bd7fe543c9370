import type { FilterName, Filters } from '../model/filters.js';
import type { ClauseBuilder, ClauseContext, FilterClause } from './clause.js';
import * as dateClauses from './date-clauses.js';
import * as valueClauses from './value-clauses.js';

type ClauseBuilders = { readonly [Name in FilterName]: ClauseBuilder<Name> };

// Every filter has a builder (the mapped type checks it), in the order the filters are listed
// for people: dates and status first, then links and values.
const clauseBuilders: ClauseBuilders = {
  episodeStatus: dateClauses.episodeStatus,
  stillOnStatusBetween: dateClauses.stillOnStatusBetween,
  enteredBetween: dateClauses.enteredBetween,
  startedBetween: dateClauses.startedBetween,
  expectedToEndBetween: dateClauses.expectedToEndBetween,
  endedBetween: dateClauses.endedBetween,
  pastExpectedEnd: dateClauses.pastExpectedEnd,
  breakInLearning: dateClauses.breakInLearning,
  tags: valueClauses.tags,
  sites: valueClauses.sites,
  qualificationPlans: valueClauses.qualificationPlans,
  contracts: valueClauses.contracts,
  programmes: valueClauses.programmes,
  fundingOrganisations: valueClauses.fundingOrganisations,
  officer: valueClauses.officer,
  organisation: valueClauses.organisation,
  ilrExportStatuses: valueClauses.ilrExportStatuses,
  asStatuses: valueClauses.asStatuses,
  selfAssessedDisability: valueClauses.selfAssessedDisability,
  providerEndCodes: valueClauses.providerEndCodes,
  providerDestinations: valueClauses.providerDestinations,
  fileTypes: valueClauses.fileTypes,
};

/** Every filter name, in the order filters are listed for people. */
export const FILTER_NAMES = Object.keys(clauseBuilders) as readonly FilterName[];

/**
 * Compiles every filter that applies into a clause, in the order of {@link FILTER_NAMES}. Absent
 * filters, and values that do not filter (`episodeStatus: 'all'`, `pastExpectedEnd: false`,
 * `breakInLearning` mode `all`), give no clause. The filters must be valid.
 */
export function buildClauses(context: ClauseContext): FilterClause[] {
  const clauses: FilterClause[] = [];
  for (const name of FILTER_NAMES) {
    const clause = buildClause(name, context);
    if (clause !== undefined) clauses.push(clause);
  }

  return clauses;
}

function buildClause<Name extends FilterName>(
  name: Name,
  context: ClauseContext,
): FilterClause | undefined {
  const value = context.filters[name] as Filters[Name];
  if (value === undefined) return undefined;

  const build = clauseBuilders[name] as ClauseBuilder<Name>;

  return build(value as NonNullable<Filters[Name]>, context);
}
