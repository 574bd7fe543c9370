import {
  type CalendarDate,
  type DateRange,
  type EpisodeStatus,
  type FilterName,
  type Filters,
  type LinkFilter,
  type LinkMatch,
  resolveDateRange,
  type SetMatch,
} from '@pics/automations-core';

/** A boolean SQL expression over the learners table with its positional parameters. */
export interface SqlCondition {
  /** The expression; `TRUE` when no filter applies. */
  sql: string;
  /** Values of `$1`, `$2`, … in order. */
  params: unknown[];
}

/**
 * Compiles an automation's filters into one SQL condition on the learners table, true for
 * exactly the learners core's `matchesFilters` keeps on `runDate`.
 *
 * Every value the filters carry travels as a parameter; the only identifiers in the text are the
 * fixed column names of the learners table. Relative date bounds are resolved here, against
 * `runDate`, so the condition never reads the database clock.
 */
export function compileFiltersToSql(filters: Filters, runDate: CalendarDate): SqlCondition {
  const context = new CompileContext(filters, runDate);
  const clauses: string[] = [];
  for (const name of Object.keys(builders) as FilterName[]) {
    const value = filters[name];
    if (value === undefined) continue;

    const clause = (builders[name] as ClauseBuilder<FilterName>)(value, context);
    if (clause !== undefined) clauses.push(clause);
  }

  return {
    sql: clauses.length === 0 ? 'TRUE' : clauses.map((clause) => `(${clause})`).join(' AND '),
    params: context.params,
  };
}

// Collects parameters and returns their placeholders, cast so PostgreSQL never guesses a type.
class CompileContext {
  readonly params: unknown[] = [];

  constructor(
    readonly filters: Filters,
    readonly runDate: CalendarDate,
  ) {}

  parameter(value: unknown, type: 'date' | 'text' | 'text[]' | 'jsonb' | 'boolean'): string {
    this.params.push(value);

    return `$${this.params.length}::${type}`;
  }

  date(value: CalendarDate): string {
    return this.parameter(value, 'date');
  }
}

type ClauseBuilder<Name extends FilterName> = (
  value: NonNullable<Filters[Name]>,
  context: CompileContext,
) => string | undefined;

type ClauseBuilders = { [Name in FilterName]: ClauseBuilder<Name> };

const builders: ClauseBuilders = {
  enteredBetween: (range, context) => dateRangeSql('entered_on', range, context),
  startedBetween: (range, context) => dateRangeSql('start_date', range, context),
  expectedToEndBetween: (range, context) => dateRangeSql('expected_end_date', range, context),
  endedBetween: (range, context) => dateRangeSql('actual_end_date', range, context),
  episodeStatus: (status, context) =>
    status === 'all' ? undefined : episodeStatusSql(status, context.date(context.runDate)),
  stillOnStatusBetween: stillOnStatusSql,
  tags: (match, context) => setMatchSql('tags', match, context),
  sites: (match, context) => linkedIdsSql('sites', match, context),
  qualificationPlans: (match, context) => linkedIdsSql('qualification_plans', match, context),
  contracts: (match, context) => linkedIdsSql('contracts', match, context),
  programmes: (values, context) => `programme = ANY(${context.parameter(values, 'text[]')})`,
  fundingOrganisations: (values, context) =>
    `funding_organisation = ANY(${context.parameter(values, 'text[]')})`,
  officer: (link, context) => linkSql('officers', link, context),
  organisation: (link, context) => linkSql('organisations', link, context),
  pastExpectedEnd: (past, context) =>
    past ? `expected_end_date < ${context.date(context.runDate)}` : undefined,
  breakInLearning: breakInLearningSql,
  ilrExportStatuses: (values, context) =>
    `ilr_export_status = ANY(${context.parameter(values, 'text[]')})`,
  asStatuses: (values, context) => `as_status = ANY(${context.parameter(values, 'text[]')})`,
  selfAssessedDisability: (answer, context) =>
    `self_assessed_disability = ${context.parameter(answer === 'yes', 'boolean')}`,
  providerEndCodes: (match, context) => singleValueSql('provider_end_code', match, context),
  providerDestinations: (match, context) => singleValueSql('provider_destination', match, context),
  fileTypes: (match, context) => setMatchSql('file_types', match, context),
};

// A null date compares to NULL, which WHERE treats as false: an absent date is in no range.
function dateRangeSql(column: string, range: DateRange, context: CompileContext): string {
  const { from, to } = resolveDateRange(range, context.runDate);
  const bounds: string[] = [];
  if (from !== undefined) bounds.push(`${column} >= ${context.date(from)}`);
  if (to !== undefined) bounds.push(`${column} <= ${context.date(to)}`);

  return bounds.join(' AND ');
}

// The status on one day, as core's episodeStatusOn computes it; `day` is a placeholder.
function episodeStatusSql(status: Exclude<EpisodeStatus, 'all'>, day: string): string {
  const notLeaver = `(actual_end_date IS NULL OR actual_end_date > ${day})`;
  if (status === 'leavers') return `actual_end_date <= ${day}`;
  if (status === 'inLearning') return `${notLeaver} AND start_date <= ${day}`;

  return `${notLeaver} AND (start_date IS NULL OR start_date > ${day})`;
}

// The status changes at most twice (on start_date, then on actual_end_date) and never returns,
// so holding it on every day of [from, to] needs only the two ends of the range.
function stillOnStatusSql(range: DateRange, context: CompileContext): string | undefined {
  const status = context.filters.episodeStatus;
  const { from, to } = resolveDateRange(range, context.runDate);
  if (status === undefined || status === 'all' || from === undefined || to === undefined) {
    return undefined;
  }
  if (from > to) return 'FALSE';
  if (status === 'leavers') return `actual_end_date <= ${context.date(from)}`;

  const last = context.date(to);
  const notLeaverByEnd = `(actual_end_date IS NULL OR actual_end_date > ${last})`;
  if (status === 'inLearning') return `start_date <= ${context.date(from)} AND ${notLeaverByEnd}`;

  return `(start_date IS NULL OR start_date > ${last}) AND ${notLeaverByEnd}`;
}

// `&&` (overlap) and `@>` (contains) are the operators the GIN indexes on list columns serve.
function setMatchSql(column: string, { match, values }: SetMatch, context: CompileContext): string {
  const list = context.parameter(values, 'text[]');
  if (match === 'any') return `${column} && ${list}`;
  if (match === 'all') return `${column} @> ${list}`;

  return `NOT (${column} && ${list})`;
}

function linkedIdsSql(column: string, { match, values }: LinkMatch, context: CompileContext) {
  if (match === 'isBlank') return `cardinality(${column}) = 0`;
  if (match === 'notBlank') return `cardinality(${column}) > 0`;

  const list = context.parameter(values ?? [], 'text[]');

  return match === 'anyOf' ? `${column} && ${list}` : `NOT (${column} && ${list})`;
}

// A blank value (null or the empty string) matches isBlank and noneOf, never anyOf.
function singleValueSql(column: string, { match, values }: LinkMatch, context: CompileContext) {
  const blank = `(${column} IS NULL OR ${column} = '')`;
  if (match === 'isBlank') return blank;
  if (match === 'notBlank') return `NOT ${blank}`;

  const listed = `${column} = ANY(${context.parameter(values ?? [], 'text[]')})`;

  return match === 'anyOf' ? listed : `${column} IS NULL OR NOT (${listed})`;
}

// `@>` on a jsonb array holds when one element has every key given, which is the link rule.
function linkSql(column: string, { id, relationship }: LinkFilter, context: CompileContext) {
  const expected = relationship === undefined ? { id } : { id, relationship };

  return `${column} @> ${context.parameter(JSON.stringify([expected]), 'jsonb')}`;
}

function breakInLearningSql(
  { mode, scope }: NonNullable<Filters['breakInLearning']>,
  context: CompileContext,
): string | undefined {
  if (mode === 'all') return undefined;

  const onBreak =
    scope === 'current' ? currentBreakSql(context) : "breaks_in_learning <> '[]'::jsonb";

  return mode === 'only' ? onBreak : `NOT (${onBreak})`;
}

// On a break on the run date: one started on or before it that has no end date or ends on or
// after it. JSON null and a missing endDate both read as SQL NULL through `->>`.
function currentBreakSql(context: CompileContext): string {
  const day = context.date(context.runDate);

  return `EXISTS (
    SELECT 1 FROM jsonb_array_elements(breaks_in_learning) AS break
    WHERE (break->>'startDate')::date <= ${day}
      AND (break->>'endDate' IS NULL OR (break->>'endDate')::date >= ${day})
  )`;
}
