/**
 * A plain reading of the filter rules, written apart from the filter engine and without its
 * optimisations (it walks every day of a range), for property tests to compare the engine with.
 */
import {
  addDays,
  type CalendarDate,
  type DateBound,
  type DateRange,
  type Filters,
  type Learner,
  type LinkMatch,
  type SetMatch,
} from '../../src/index.js';

type Status = 'leavers' | 'inLearning' | 'yetToStart';

/** Returns whether a learner matches the filters on the run date, by the rules as written. */
export function referenceMatches(filters: Filters, learner: Learner, runDate: CalendarDate) {
  const checks: boolean[] = [];
  const check = <Value>(value: Value | undefined, rule: (value: Value) => boolean) => {
    if (value !== undefined) checks.push(rule(value));
  };

  check(filters.enteredBetween, (range) => inRange(learner.enteredOn, range, runDate));
  check(filters.startedBetween, (range) => inRange(learner.startDate, range, runDate));
  check(filters.expectedToEndBetween, (range) => inRange(learner.expectedEndDate, range, runDate));
  check(filters.endedBetween, (range) => inRange(learner.actualEndDate, range, runDate));
  check(
    filters.episodeStatus,
    (status) => status === 'all' || statusOn(learner, runDate) === status,
  );
  check(filters.stillOnStatusBetween, (range) => {
    const days = daysOf(range, runDate);
    return days.length > 0 && days.every((day) => statusOn(learner, day) === filters.episodeStatus);
  });
  check(filters.tags, (match) => setMatches(learner.tags, match));
  check(filters.fileTypes, (match) => setMatches(learner.fileTypes, match));
  check(filters.sites, (match) => listMatches(learner.sites, match));
  check(filters.qualificationPlans, (match) => listMatches(learner.qualificationPlans, match));
  check(filters.contracts, (match) => listMatches(learner.contracts, match));
  check(filters.providerEndCodes, (match) => codeMatches(learner.providerEndCode, match));
  check(filters.providerDestinations, (match) => codeMatches(learner.providerDestination, match));
  check(filters.programmes, (values) => values.includes(learner.programme ?? ''));
  check(filters.fundingOrganisations, (values) =>
    values.includes(learner.fundingOrganisation ?? ''),
  );
  check(filters.ilrExportStatuses, (values) => values.includes(learner.ilrExportStatus ?? ''));
  check(filters.asStatuses, (values) => values.includes(learner.asStatus ?? ''));
  check(filters.officer, (link) =>
    learner.officers.some(
      (o) => o.id === link.id && (link.relationship ?? o.relationship) === o.relationship,
    ),
  );
  check(filters.organisation, (link) =>
    learner.organisations.some(
      (o) => o.id === link.id && (link.relationship ?? o.relationship) === o.relationship,
    ),
  );
  check(
    filters.pastExpectedEnd,
    (past) => !past || (!!learner.expectedEndDate && learner.expectedEndDate < runDate),
  );
  check(
    filters.selfAssessedDisability,
    (answer) => learner.selfAssessedDisability === (answer === 'yes'),
  );
  check(filters.breakInLearning, ({ mode, scope }) => {
    const onBreak = learner.breaksInLearning.some(
      (entry) =>
        scope === 'ever' ||
        (entry.startDate <= runDate && (!entry.endDate || entry.endDate >= runDate)),
    );
    return mode === 'all' || (mode === 'only' ? onBreak : !onBreak);
  });

  return checks.every(Boolean);
}

function statusOn(learner: Learner, day: CalendarDate): Status {
  if (learner.actualEndDate && learner.actualEndDate <= day) return 'leavers';
  if (learner.startDate && learner.startDate <= day) return 'inLearning';
  return 'yetToStart';
}

function resolve(bound: DateBound, runDate: CalendarDate): CalendarDate {
  return typeof bound === 'string' ? bound : addDays(runDate, bound.daysFromRunDate);
}

function inRange(date: CalendarDate | null | undefined, range: DateRange, runDate: CalendarDate) {
  if (!date) return false;
  if (range.from !== undefined && date < resolve(range.from, runDate)) return false;
  return range.to === undefined || date <= resolve(range.to, runDate);
}

function daysOf(range: DateRange, runDate: CalendarDate): CalendarDate[] {
  const from = resolve(range.from!, runDate);
  const to = resolve(range.to!, runDate);
  const days: CalendarDate[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

function setMatches(list: readonly string[], { match, values }: SetMatch): boolean {
  if (match === 'all') return values.every((value) => list.includes(value));
  const any = values.some((value) => list.includes(value));
  return match === 'any' ? any : !any;
}

function listMatches(list: readonly string[], { match, values = [] }: LinkMatch): boolean {
  if (match === 'isBlank') return list.length === 0;
  if (match === 'notBlank') return list.length > 0;
  const any = values.some((value) => list.includes(value));
  return match === 'anyOf' ? any : !any;
}

function codeMatches(code: string | null | undefined, match: LinkMatch): boolean {
  return listMatches(code ? [code] : [], match);
}
