import { addDays, type CalendarDate } from '../model/calendar-date.js';
import type { Learner } from '../model/learner.js';
import { parseLearner } from '../model/parse.js';

// Values that the filters of the learner source tests ask for, plus some they never name.
const TAGS = ['Portfolio overdue', 'Priority', 'do-not-contact', 'Alumni', 'Evidence'];
const SITES = ['site-leeds', 'site-york', 'site-hull'];
const PLANS = ['plan-l2', 'plan-l3', 'plan-l5'];
const CONTRACTS = ['c-levy', 'c-non-levy'];
const PROGRAMMES = ['prog-st0118', 'prog-st0787', 'prog-st0550'];
const FUNDERS = ['fund-esfa', 'fund-employer'];
const RELATIONSHIPS = ['Assessor', 'Reviewer', 'Employer', 'Mentor'];
const STATUSES = ['ready', 'hold', 'exported'];
const AS_STATUSES = ['approved', 'completed', 'paused'];
const END_CODES = ['completed', 'withdrawn', 'transferred'];
const FILE_TYPES = ['ILP', 'Commitment Statement', 'Evidence', 'Review'];

/** A deterministic source of pseudo-random choices (mulberry32), so every run gets the same data. */
class Choices {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** Returns a number in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let value = this.#state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);

    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  integer(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<Value>(values: readonly Value[]): Value {
    return values[Math.floor(this.next() * values.length)]!;
  }

  some(values: readonly string[], probability: number): string[] {
    return values.filter(() => this.chance(probability));
  }

  maybe<Value>(probability: number, value: () => Value): Value | null {
    return this.chance(probability) ? value() : null;
  }
}

/**
 * Returns `count` learners whose dates fall within about a year and a half of `aroundDate` and
 * whose lists, links and codes mix the values the filter tests use, so that every filter keeps
 * some learners and drops others. The same arguments always give the same learners.
 */
export function generateContractLearners(count: number, aroundDate: CalendarDate): Learner[] {
  const choices = new Choices(20_261_207);

  return Array.from({ length: count }, (_, index) => generateLearner(choices, index, aroundDate));
}

function generateLearner(choices: Choices, index: number, aroundDate: CalendarDate): Learner {
  const day = (min: number, max: number) => addDays(aroundDate, choices.integer(min, max));
  const enteredOn = day(-540, 10);
  const startDate = choices.maybe(0.9, () => addDays(enteredOn, choices.integer(0, 60)));
  const expectedEndDate = startDate && addDays(startDate, choices.integer(30, 540));
  const actualEndDate =
    startDate && choices.maybe(0.25, () => addDays(startDate, choices.integer(1, 500)));

  return parseLearner({
    id: `G${String(index).padStart(4, '0')}`,
    firstName: `First${index}`,
    lastName: `Last${index}`,
    enteredOn,
    startDate,
    expectedEndDate,
    actualEndDate,
    programme: choices.maybe(0.9, () => choices.pick(PROGRAMMES)),
    fundingOrganisation: choices.maybe(0.9, () => choices.pick(FUNDERS)),
    tags: choices.some(TAGS, 0.25),
    sites: choices.some(SITES, 0.35),
    qualificationPlans: choices.some(PLANS, 0.3),
    contracts: choices.some(CONTRACTS, 0.4),
    officers: choices.chance(0.7)
      ? [{ id: `o-${choices.integer(6, 8)}`, relationship: choices.pick(RELATIONSHIPS) }]
      : [],
    organisations: choices.chance(0.6)
      ? [{ id: `org-${choices.integer(1, 2)}`, relationship: choices.pick(RELATIONSHIPS) }]
      : [],
    breaksInLearning: generateBreaks(choices, startDate),
    ilrExportStatus: choices.maybe(0.8, () => choices.pick(STATUSES)),
    asStatus: choices.maybe(0.6, () => choices.pick(AS_STATUSES)),
    selfAssessedDisability: choices.maybe(0.7, () => choices.chance(0.3)),
    providerEndCode: actualEndDate && choices.maybe(0.8, () => choices.pick(END_CODES)),
    providerDestination: actualEndDate && choices.maybe(0.5, () => 'ft-employment'),
    fileTypes: choices.some(FILE_TYPES, 0.4),
  });
}

function generateBreaks(choices: Choices, startDate: CalendarDate | null) {
  if (startDate === null || !choices.chance(0.25)) return [];

  const breakStart = addDays(startDate, choices.integer(10, 400));
  const endDate = choices.maybe(0.6, () => addDays(breakStart, choices.integer(0, 120)));

  return [{ startDate: breakStart, endDate }];
}
