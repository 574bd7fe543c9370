import type { FilterName, Filters, LinkMatch, SetMatch } from '../model/filters.js';
import { parseFilters } from '../model/parse.js';
import { FILTER_NAMES } from './build-clauses.js';
import { describeLink, describeRange, describeStatus, listValues } from './wording.js';

/** Describes one filter value, or returns `undefined` when the value does not filter. */
type Describer<Name extends FilterName> = (
  value: NonNullable<Filters[Name]>,
  filters: Filters,
) => string | undefined;

const describers: { readonly [Name in FilterName]: Describer<Name> } = {
  episodeStatus: (status) =>
    status === 'all' ? undefined : `Episode status: ${describeStatus(status)}`,
  stillOnStatusBetween: (range, { episodeStatus = 'all' }) =>
    `Still ${describeStatus(episodeStatus)}: ${describeRange(range)}`,
  enteredBetween: (range) => `Entered: ${describeRange(range)}`,
  startedBetween: (range) => `Started: ${describeRange(range)}`,
  expectedToEndBetween: (range) => `Expected to end: ${describeRange(range)}`,
  endedBetween: (range) => `Ended: ${describeRange(range)}`,
  pastExpectedEnd: (past) => (past ? 'Past expected end date' : undefined),
  breakInLearning: ({ mode, scope }) => {
    if (mode === 'all') return undefined;

    const condition =
      scope === 'current' ? 'on a break on the run date' : 'with any break recorded';

    return `Break in learning: ${mode === 'only' ? 'only' : 'exclude'} learners ${condition}`;
  },
  tags: (match) => `Tags: ${describeSetMatch(match)}`,
  sites: (match) => `Sites: ${describeLinkMatch(match)}`,
  qualificationPlans: (match) => `Qualification plans: ${describeLinkMatch(match)}`,
  contracts: (match) => `Contracts: ${describeLinkMatch(match)}`,
  programmes: (values) => `Programmes: any of ${listValues(values)}`,
  fundingOrganisations: (values) => `Funding organisations: any of ${listValues(values)}`,
  officer: (link) => `Officer: ${describeLink(link)}`,
  organisation: (link) => `Organisation: ${describeLink(link)}`,
  ilrExportStatuses: (values) => `ILR export statuses: any of ${listValues(values)}`,
  asStatuses: (values) => `Apprenticeship Service statuses: any of ${listValues(values)}`,
  selfAssessedDisability: (answer) => `Self-assessed disability: ${answer}`,
  providerEndCodes: (match) => `Provider end codes: ${describeLinkMatch(match)}`,
  providerDestinations: (match) => `Provider destinations: ${describeLinkMatch(match)}`,
  fileTypes: (match) => `File types: ${describeSetMatch(match)}`,
};

/**
 * Describes each filter that applies in one line, for the automation list and the Excel export,
 * such as `Tags: none of do-not-contact` or `Expected to end: from the run date to 30 days after
 * it`. Relative dates stay relative because no run date is given. Filters that do not filter
 * (`episodeStatus: 'all'`, `pastExpectedEnd: false`, `breakInLearning` mode `all`) have no line.
 * Values are shown as stored, so ids stay ids.
 *
 * @throws {ValidationError} when the filters are invalid.
 */
export function describeFilters(filters: Filters): string[] {
  const valid = parseFilters(filters);
  const lines: string[] = [];
  for (const name of FILTER_NAMES) {
    const line = describeFilter(name, valid);
    if (line !== undefined) lines.push(line);
  }

  return lines;
}

function describeFilter<Name extends FilterName>(name: Name, filters: Filters): string | undefined {
  const value = filters[name];
  if (value === undefined) return undefined;

  const describe = describers[name] as Describer<Name>;

  return describe(value as NonNullable<Filters[Name]>, filters);
}

function describeSetMatch({ match, values }: SetMatch): string {
  return `${match} of ${listValues(values)}`;
}

function describeLinkMatch({ match, values = [] }: LinkMatch): string {
  if (match === 'isBlank') return 'blank';
  if (match === 'notBlank') return 'not blank';

  return `${match === 'anyOf' ? 'any' : 'none'} of ${listValues(values)}`;
}
