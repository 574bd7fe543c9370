/** A reproducible learner population for the benchmarks. */
import { addDays, type CalendarDate, type Learner } from '@pics/automations-core';

/** Returns a seeded pseudo-random number generator (mulberry32) yielding values in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;

  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;

    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SITES = ['site-leeds', 'site-york', 'site-hull', 'site-bradford', 'site-wakefield'];
const TAGS = ['Portfolio overdue', 'Priority', 'Alumni', 'do-not-contact', 'Evidence due'];

/** Generates `count` learners with dates spread around `runDate`, ids `L0000001` upwards. */
export function generateLearners(count: number, runDate: CalendarDate, seed = 42): Learner[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const learners: Learner[] = [];
  for (let index = 0; index < count; index++) {
    learners.push(generateLearner(index, runDate, random, pick));
  }

  return learners;
}

function generateLearner(
  index: number,
  runDate: CalendarDate,
  random: () => number,
  pick: <T>(items: readonly T[]) => T,
): Learner {
  const startDate = addDays(runDate, Math.floor(random() * 900) - 700);
  const expectedEndDate = addDays(startDate, 365 + Math.floor(random() * 365));
  const leaver = random() < 0.15;
  const onBreak = random() < 0.08;
  const id = `L${String(index + 1).padStart(7, '0')}`;

  return {
    id,
    firstName: `First${index}`,
    lastName: `Last${index}`,
    email: random() < 0.95 ? `learner${index}@example.com` : null,
    mobile: random() < 0.9 ? `07400 ${String(100000 + (index % 900000)).padStart(6, '0')}` : null,
    allowedContactMethods: random() < 0.9 ? ['email', 'sms'] : ['post'],
    enteredOn: addDays(startDate, -Math.floor(random() * 30)),
    startDate,
    expectedEndDate,
    actualEndDate: leaver ? addDays(startDate, Math.floor(random() * 400)) : null,
    programme: pick(['prog-st0118', 'prog-st0787', 'prog-st0420']),
    fundingOrganisation: pick(['fund-esfa', 'fund-employer']),
    tags: random() < 0.3 ? [pick(TAGS)] : [],
    sites: [pick(SITES)],
    qualificationPlans: [],
    contracts: random() < 0.5 ? ['c-levy'] : [],
    officers: [{ id: pick(['o-1', 'o-7', 'o-9']), relationship: 'Assessor' }],
    organisations: [],
    breaksInLearning: onBreak ? [{ startDate: addDays(runDate, -20), endDate: null }] : [],
    ilrExportStatus: pick(['ready', 'hold', 'exported']),
    asStatus: null,
    selfAssessedDisability: null,
    providerEndCode: null,
    providerDestination: null,
    fileTypes: random() < 0.5 ? ['ILP'] : [],
    fields: {},
  };
}
