import {
  addDays,
  type BreakInLearning,
  type CalendarDate,
  type ContactMethod,
  isoWeekday,
  type LearnerInput,
  type LearnerLink,
} from '@pics/automations-core';
import { SeededRandom } from './random.js';

/** Seed of the learner population; change it to get a different, equally reproducible one. */
export const POPULATION_SEED = 20_270_301;

const FIRST_NAMES = [
  'Amara',
  'Ben',
  'Chloe',
  'Dev',
  'Ella',
  'Farah',
  'George',
  'Hannah',
  'Isaac',
  'Jade',
  'Kwame',
  'Leah',
  'Mohammed',
  'Niamh',
  'Oliver',
  'Priya',
  'Quinn',
  'Rhys',
  'Sofia',
  'Tom',
  'Una',
  'Vikram',
  'Willow',
  'Xavier',
  'Yasmin',
  'Zoe',
  'Zoë',
  'Siân',
  'Łukasz',
  'Aoife',
];
const LAST_NAMES = [
  'Okafor',
  'Hughes',
  'Price',
  'Patel',
  'Smith',
  'Jones',
  'Williams',
  'Taylor',
  'Brown',
  'Davies',
  'Evans',
  'Khan',
  'Wilson',
  'Johnson',
  "O'Neill",
  'Roberts',
  'Walker',
  'Wright',
  'Thompson',
  'Nowak',
  'Ahmed',
  'Clarke',
  'Green',
  'Hall',
  'Lewis',
  'Singh',
  'Murphy',
];
const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net', 'example.ac.uk'];
const SITES = ['site-leeds', 'site-york', 'site-hull', 'site-sheffield'];
const PROGRAMMES = ['prog-st0118', 'prog-st0787', 'prog-st0550', 'prog-st0384'];
const FUNDERS = ['fund-esfa', 'fund-employer', 'fund-levy'];
const PLANS = ['plan-l2', 'plan-l3', 'plan-l5'];
const CONTRACTS = ['c-levy', 'c-non-levy', 'c-aeb'];
const FILE_TYPES = ['ILP', 'Commitment Statement', 'Evidence', 'Review'];

/** Options of {@link generatePopulation}. */
export interface PopulationOptions {
  /** How many learners to generate. */
  count: number;
  /** The run date that every date is spread around. */
  runDate: CalendarDate;
  /** Seed of the generator. @default POPULATION_SEED */
  seed?: number;
}

/**
 * Generates a learner population that looks like a training provider's: start and end dates
 * spread over the two years around the run date, leavers, learners yet to start, breaks in
 * learning, tags, sites, officers and employers. The same options always give the same learners,
 * with ids `L00001` upwards.
 *
 * About one learner in seven has no usable email address (missing or malformed) and one in four
 * no usable mobile number (missing, a landline, a number of the wrong length or an Ofcom drama
 * number `07700 900…`), as measured on 10,000 learners with the default seed.
 */
export function generatePopulation(options: PopulationOptions): LearnerInput[] {
  const random = new SeededRandom(options.seed ?? POPULATION_SEED);

  return Array.from({ length: options.count }, (_, index) =>
    generateLearner(random, index + 1, options.runDate),
  );
}

function generateLearner(
  random: SeededRandom,
  number: number,
  runDate: CalendarDate,
): LearnerInput {
  const firstName = random.pick(FIRST_NAMES);
  const lastName = random.pick(LAST_NAMES);
  const episode = generateEpisode(random, runDate);
  const leaver = episode.actualEndDate !== null;

  return {
    id: `L${String(number).padStart(5, '0')}`,
    firstName,
    lastName,
    email: generateEmail(random, firstName, lastName, number),
    mobile: generateMobile(random),
    allowedContactMethods: generateContactMethods(random),
    ...episode,
    programme: random.pick(PROGRAMMES),
    fundingOrganisation: random.pick(FUNDERS),
    tags: generateTags(random, leaver),
    sites: [random.pick(SITES)],
    qualificationPlans: random.chance(0.8) ? [random.pick(PLANS)] : [],
    contracts: random.chance(0.9) ? [random.pick(CONTRACTS)] : [],
    officers: generateOfficers(random),
    organisations: [{ id: `org-${random.integer(1, 40)}`, relationship: 'Employer' }],
    breaksInLearning: generateBreaks(random, episode.startDate, runDate),
    ilrExportStatus: random.pick(['ready', 'hold', 'exported']),
    asStatus: random.chance(0.7) ? random.pick(['approved', 'paused', 'completed']) : null,
    selfAssessedDisability: random.chance(0.8) ? random.chance(0.15) : null,
    providerEndCode: leaver ? random.pick(['completed', 'withdrawn', 'transferred']) : null,
    providerDestination: leaver && random.chance(0.6) ? 'ft-employment' : null,
    fileTypes: FILE_TYPES.filter(() => random.chance(0.5)),
  };
}

interface Episode {
  enteredOn: CalendarDate;
  startDate: CalendarDate | null;
  expectedEndDate: CalendarDate | null;
  actualEndDate: CalendarDate | null;
}

// Most learners started within the last two years. One in ten starts within the next 60 days,
// and one in twenty joined one of the last four Monday cohorts, so the welcome message has
// learners to greet. About one in six of those who started more than 30 days ago has left.
function generateEpisode(random: SeededRandom, runDate: CalendarDate): Episode {
  const startOffset = random.weighted<() => number>([
    [0.1, () => random.integer(1, 60)],
    [0.05, () => mondayCohortOffset(random, runDate)],
    [0.85, () => random.integer(-730, 0)],
  ])();
  const startDate = random.chance(0.97) ? addDays(runDate, startOffset) : null;
  const enteredOn = addDays(runDate, Math.min(startOffset, 0) - random.integer(0, 45));
  if (startDate === null) {
    return { enteredOn, startDate, expectedEndDate: null, actualEndDate: null };
  }

  const expectedEndDate = addDays(startDate, random.integer(366, 900));
  const daysSinceStart = -startOffset;
  const leaves = daysSinceStart > 30 && random.chance(0.18);
  const actualEndDate = leaves ? addDays(startDate, random.integer(30, daysSinceStart)) : null;

  return { enteredOn, startDate, expectedEndDate, actualEndDate };
}

// Days from the run date back to the start of one of the last four Monday cohorts.
function mondayCohortOffset(random: SeededRandom, runDate: CalendarDate): number {
  const daysSinceMonday = isoWeekday(runDate) - 1;

  return -daysSinceMonday - 7 * random.integer(0, 3);
}

function generateEmail(
  random: SeededRandom,
  firstName: string,
  lastName: string,
  number: number,
): string | null {
  // Accents are dropped from the address (Siân becomes sian), as most providers' systems do.
  const local = `${firstName}.${lastName}`
    .normalize('NFD')
    .toLowerCase()
    .replace(/ł/g, 'l')
    .replace(/[^a-z.]/g, '');
  const address = `${local}${number}@${random.pick(EMAIL_DOMAINS)}`;

  return random.weighted<string | null>([
    [0.86, address],
    [0.08, null],
    [0.02, `${local}${number}@`],
    [0.02, `${local} ${number}@example.com`],
    [0.02, `${local}${number}.example.com`],
  ]);
}

function generateMobile(random: SeededRandom): string | null {
  const subscriber = random.digits(6);

  return random.weighted<string | null>([
    [0.3, `07400 ${subscriber}`],
    [0.2, `+4475${random.integer(0, 8)}${random.digits(7)}`],
    [0.15, `+44 (0)7400 ${subscriber}`],
    [0.1, `0044 7500 ${subscriber}`],
    [0.06, null],
    [0.08, `0113 496 0${random.digits(3)}`],
    [0.05, `07700 900${random.digits(3)}`],
    [0.03, `07400 ${random.digits(4)}`],
    [0.03, `07400 ${random.digits(8)}`],
  ]);
}

function generateContactMethods(random: SeededRandom): ContactMethod[] {
  return random.weighted<ContactMethod[]>([
    [0.72, ['email', 'sms']],
    [0.1, ['email']],
    [0.08, ['sms', 'phone']],
    [0.06, ['email', 'post']],
    [0.04, []],
  ]);
}

function generateTags(random: SeededRandom, leaver: boolean): string[] {
  const tags: string[] = [];
  if (random.chance(0.15)) tags.push('Portfolio overdue');
  if (random.chance(0.05)) tags.push('Priority');
  if (random.chance(0.03)) tags.push('do-not-contact');
  if (leaver && random.chance(0.5)) tags.push('Alumni');

  return tags;
}

function generateOfficers(random: SeededRandom): LearnerLink[] {
  const officers = [{ id: `o-${random.integer(1, 12)}`, relationship: 'Assessor' }];
  if (random.chance(0.4))
    officers.push({ id: `o-${random.integer(1, 12)}`, relationship: 'Reviewer' });

  return officers;
}

// About one learner in ten who has started has a recent break. Those without an end date, or
// with one after the run date, are still on it.
function generateBreaks(
  random: SeededRandom,
  startDate: CalendarDate | null,
  runDate: CalendarDate,
): BreakInLearning[] {
  if (startDate === null || startDate >= runDate || !random.chance(0.1)) return [];

  const breakStart = addDays(runDate, -random.integer(1, 120));
  if (breakStart < startDate) return [];

  const endDate = random.chance(0.5) ? null : addDays(breakStart, random.integer(0, 150));

  return [{ startDate: breakStart, endDate }];
}
