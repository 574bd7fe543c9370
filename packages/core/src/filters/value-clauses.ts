import type { FilterName, LinkFilter, LinkMatch, SetMatch } from '../model/filters.js';
import type { Learner, LearnerLink } from '../model/learner.js';
import { type ClauseBuilder, ClauseCost, type FilterClause, type LearnerTest } from './clause.js';
import { containsAll, containsAny, hasLink } from './list-tests.js';
import { describeLink, listValues } from './wording.js';

type ListReader = (learner: Learner) => readonly string[];
type ValueReader = (learner: Learner) => string | null | undefined;
type LinksReader = (learner: Learner) => readonly LearnerLink[];

/** Compiles `tags`: `any`, `all` or `none` of the values. */
export const tags: ClauseBuilder<'tags'> = (match) =>
  setMatchClause('tags', 'tags', (learner) => learner.tags, match);

/** Compiles `fileTypes`: `any`, `all` or `none` of the values, as for tags. */
export const fileTypes: ClauseBuilder<'fileTypes'> = (match) =>
  setMatchClause('fileTypes', 'file types', (learner) => learner.fileTypes, match);

/** Compiles `sites`: linked site ids matched with anyOf, noneOf, isBlank or notBlank. */
export const sites: ClauseBuilder<'sites'> = (match) =>
  linkedIdsClause('sites', 'site', (learner) => learner.sites, match);

/** Compiles `qualificationPlans`, like `sites`. */
export const qualificationPlans: ClauseBuilder<'qualificationPlans'> = (match) =>
  linkedIdsClause(
    'qualificationPlans',
    'qualification plan',
    (learner) => learner.qualificationPlans,
    match,
  );

/** Compiles `contracts`, like `sites`. */
export const contracts: ClauseBuilder<'contracts'> = (match) =>
  linkedIdsClause('contracts', 'contract', (learner) => learner.contracts, match);

/** Compiles `providerEndCodes`: anyOf, noneOf, isBlank or notBlank on the single code. */
export const providerEndCodes: ClauseBuilder<'providerEndCodes'> = (match) =>
  singleValueClause(
    'providerEndCodes',
    'provider end code',
    (learner) => learner.providerEndCode,
    match,
  );

/** Compiles `providerDestinations`, like `providerEndCodes`. */
export const providerDestinations: ClauseBuilder<'providerDestinations'> = (match) =>
  singleValueClause(
    'providerDestinations',
    'provider destination',
    (learner) => learner.providerDestination,
    match,
  );

/** Compiles `programmes`: the learner's programme is one of the values. */
export const programmes: ClauseBuilder<'programmes'> = (values) =>
  oneOfClause('programmes', 'programme', (learner) => learner.programme, values);

/** Compiles `fundingOrganisations`: the learner's funding organisation is one of the values. */
export const fundingOrganisations: ClauseBuilder<'fundingOrganisations'> = (values) =>
  oneOfClause(
    'fundingOrganisations',
    'funding organisation',
    (learner) => learner.fundingOrganisation,
    values,
  );

/** Compiles `ilrExportStatuses`: the learner's ILR export status is one of the values. */
export const ilrExportStatuses: ClauseBuilder<'ilrExportStatuses'> = (values) =>
  oneOfClause(
    'ilrExportStatuses',
    'ILR export status',
    (learner) => learner.ilrExportStatus,
    values,
  );

/** Compiles `asStatuses`: the learner's Apprenticeship Service status is one of the values. */
export const asStatuses: ClauseBuilder<'asStatuses'> = (values) =>
  oneOfClause('asStatuses', 'Apprenticeship Service status', (learner) => learner.asStatus, values);

/** Compiles `officer`: a linked officer with the id, and the relationship when one is given. */
export const officer: ClauseBuilder<'officer'> = (link) =>
  linkClause('officer', 'officer', (learner) => learner.officers, link);

/** Compiles `organisation`: a linked organisation with the id, and the relationship if given. */
export const organisation: ClauseBuilder<'organisation'> = (link) =>
  linkClause('organisation', 'organisation', (learner) => learner.organisations, link);

/** Compiles `selfAssessedDisability`: `yes` is true, `no` is false, and unknown matches neither. */
export const selfAssessedDisability: ClauseBuilder<'selfAssessedDisability'> = (answer) => {
  const expectedValue = answer === 'yes';

  return {
    filter: 'selfAssessedDisability',
    cost: ClauseCost.Field,
    test: (learner) => learner.selfAssessedDisability === expectedValue,
    readLearnerValue: (learner) => learner.selfAssessedDisability ?? null,
    expected: `self-assessed disability ${answer}`,
  };
};

function setMatchClause(
  filter: FilterName,
  subject: string,
  read: ListReader,
  { match, values }: SetMatch,
): FilterClause {
  const valueSet = new Set(values);
  const tests: Record<SetMatch['match'], LearnerTest> = {
    any: (learner) => containsAny(read(learner), valueSet),
    all: (learner) => containsAll(read(learner), values),
    none: (learner) => !containsAny(read(learner), valueSet),
  };

  return {
    filter,
    cost: ClauseCost.List,
    test: tests[match],
    readLearnerValue: read,
    expected: `${subject} include ${match} of ${listValues(values)}`,
  };
}

function linkedIdsClause(
  filter: FilterName,
  noun: string,
  read: ListReader,
  { match, values = [] }: LinkMatch,
): FilterClause {
  const valueSet = new Set(values);
  const tests: Record<LinkMatch['match'], LearnerTest> = {
    anyOf: (learner) => containsAny(read(learner), valueSet),
    noneOf: (learner) => !containsAny(read(learner), valueSet),
    isBlank: (learner) => read(learner).length === 0,
    notBlank: (learner) => read(learner).length > 0,
  };
  const expected: Record<LinkMatch['match'], string> = {
    anyOf: `${noun}s include any of ${listValues(values)}`,
    noneOf: `${noun}s include none of ${listValues(values)}`,
    isBlank: `no ${noun} linked`,
    notBlank: `at least one ${noun} linked`,
  };
  const blankTest = match === 'isBlank' || match === 'notBlank';

  return {
    filter,
    cost: blankTest ? ClauseCost.Field : ClauseCost.List,
    test: tests[match],
    readLearnerValue: read,
    expected: expected[match],
  };
}

// A blank value (absent, null or the empty string) matches noneOf and isBlank.
function singleValueClause(
  filter: FilterName,
  subject: string,
  read: ValueReader,
  { match, values = [] }: LinkMatch,
): FilterClause {
  const valueSet = new Set(values);
  const tests: Record<LinkMatch['match'], LearnerTest> = {
    anyOf: (learner) => isListed(read(learner), valueSet),
    noneOf: (learner) => !isListed(read(learner), valueSet),
    isBlank: (learner) => isBlank(read(learner)),
    notBlank: (learner) => !isBlank(read(learner)),
  };
  const expected: Record<LinkMatch['match'], string> = {
    anyOf: `${subject} one of ${listValues(values)}`,
    noneOf: `${subject} blank or not one of ${listValues(values)}`,
    isBlank: `${subject} blank`,
    notBlank: `${subject} not blank`,
  };

  return {
    filter,
    cost: ClauseCost.Lookup,
    test: tests[match],
    readLearnerValue: (learner) => read(learner) ?? null,
    expected: expected[match],
  };
}

function oneOfClause(
  filter: FilterName,
  subject: string,
  read: ValueReader,
  values: readonly string[],
): FilterClause {
  const valueSet = new Set(values);

  return {
    filter,
    cost: ClauseCost.Lookup,
    test: (learner) => isListed(read(learner), valueSet),
    readLearnerValue: (learner) => read(learner) ?? null,
    expected: `${subject} one of ${listValues(values)}`,
  };
}

function linkClause(
  filter: FilterName,
  noun: string,
  read: LinksReader,
  link: LinkFilter,
): FilterClause {
  const { id, relationship } = link;

  return {
    filter,
    cost: ClauseCost.Records,
    test: (learner) => hasLink(read(learner), id, relationship),
    readLearnerValue: read,
    expected: `${noun} ${describeLink(link)}`,
  };
}

function isListed(value: string | null | undefined, values: ReadonlySet<string>): boolean {
  return value !== undefined && value !== null && values.has(value);
}

function isBlank(value: string | null | undefined): boolean {
  return value === undefined || value === null || value === '';
}
