import { addDays, type BreakInLearning, type CalendarDate } from '@pics/automations-core';
import { UnmappableLearnerError } from '../errors.js';
import { BREAK_IN_LEARNING, type IlrDelivery, PROGRAMME_AIM } from './delivery.js';
import { latestBy } from './values.js';

/** The learner's current episode and the dates the learner record takes from it. */
export interface IlrEpisode {
  delivery: IlrDelivery;
  startDate: CalendarDate;
  expectedEndDate: CalendarDate | undefined;
  actualEndDate: CalendarDate | undefined;
  breaksInLearning: BreakInLearning[];
}

/**
 * Chooses the learner's episode: the programme aim (AimType 1) with the latest LearnStartDate,
 * or, for a learner with no programme aim, the learning delivery with the latest LearnStartDate.
 * Of deliveries that start on the same day, the last in the file wins.
 *
 * @throws {UnmappableLearnerError} when the episode is on a break (CompStatus 6) but has no
 *   LearnActEndDate to say when the break started.
 */
export function chooseEpisode(deliveries: readonly IlrDelivery[]): IlrEpisode | undefined {
  const programmeAims = deliveries.filter((delivery) => delivery.aimType === PROGRAMME_AIM);
  const candidates = programmeAims.length > 0 ? programmeAims : deliveries;
  const delivery = latestBy(candidates, (candidate) => candidate.startDate);
  if (delivery === undefined) return undefined;

  const onBreak = delivery.compStatus === BREAK_IN_LEARNING;
  const breaks = endedBreaks(candidates);
  if (onBreak) breaks.push({ startDate: requireBreakStart(delivery) });

  return {
    delivery,
    startDate: delivery.startDate,
    expectedEndDate: delivery.plannedEndDate,
    actualEndDate: onBreak ? undefined : delivery.actualEndDate,
    breaksInLearning: breaks,
  };
}

// A learner who returns from a break gets a new delivery of the same aim that starts on the day
// they return, and the delivery left at the break keeps CompStatus 6. Each such pair is a break that
// ended the day before the return. A break with no return is not the current episode's, so it
// is left out.
function endedBreaks(candidates: readonly IlrDelivery[]): BreakInLearning[] {
  const breaks: BreakInLearning[] = [];
  for (const left of candidates) {
    if (left.compStatus !== BREAK_IN_LEARNING || left.actualEndDate === undefined) continue;

    const startDate = left.actualEndDate;
    const restart = earliestRestart(candidates, left, startDate);
    if (restart === undefined) continue;

    // The restart begins after the break started, so the day before it is never earlier.
    breaks.push({ startDate, endDate: addDays(restart.startDate, -1) });
  }

  return breaks;
}

function earliestRestart(
  candidates: readonly IlrDelivery[],
  left: IlrDelivery,
  breakStart: CalendarDate,
): IlrDelivery | undefined {
  const restarts = candidates.filter(
    (delivery) =>
      delivery !== left &&
      delivery.learnAimRef === left.learnAimRef &&
      delivery.startDate > breakStart,
  );

  return restarts.sort((first, second) => (first.startDate < second.startDate ? -1 : 1))[0];
}

function requireBreakStart(delivery: IlrDelivery): CalendarDate {
  if (delivery.actualEndDate !== undefined) return delivery.actualEndDate;

  throw new UnmappableLearnerError(
    'Learner.LearningDelivery.LearnActEndDate',
    delivery.element,
    'LearningDelivery has CompStatus 6 (a break in learning) but no LearnActEndDate: add the date the break started',
  );
}
