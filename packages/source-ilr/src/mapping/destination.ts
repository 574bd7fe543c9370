import type { CalendarDate } from '@pics/automations-core';
import { UnmappableLearnerError } from '../errors.js';
import { childText, findChildren, type IlrElement } from '../xml/element.js';
import { missingElement, requireDate } from './values.js';

/** A learner's latest destination and progression outcome. */
export interface IlrDestination {
  /** OutType followed by OutCode, such as `EDU2` (education: apprenticeship). */
  code: string;
  /** OutStartDate of the outcome. */
  startDate: CalendarDate;
}

/**
 * Destinations by LearnRefNumber. A learner whose destination record cannot be read maps to the
 * problem, so the learner is skipped with it.
 */
export type IlrDestinations = Map<string, IlrDestination | UnmappableLearnerError>;

const PATH = 'LearnerDestinationandProgression.DPOutcome';

/**
 * Adds the latest outcome of one `LearnerDestinationandProgression` element to the map. Of two
 * outcomes for the same learner, the one with the later OutStartDate is kept, and on the same
 * day the later in the file.
 */
export function addDestination(
  destinations: IlrDestinations,
  learnRefNumber: string,
  element: IlrElement,
): void {
  const known = destinations.get(learnRefNumber);
  if (known instanceof UnmappableLearnerError) return;

  try {
    let latest = known;
    for (const outcome of findChildren(element, 'DPOutcome')) {
      const read = readOutcome(outcome);
      if (latest === undefined || read.startDate >= latest.startDate) latest = read;
    }
    if (latest !== undefined) destinations.set(learnRefNumber, latest);
  } catch (error) {
    if (!(error instanceof UnmappableLearnerError)) throw error;

    destinations.set(learnRefNumber, error);
  }
}

function readOutcome(outcome: IlrElement): IlrDestination {
  const type = childText(outcome, 'OutType');
  if (type === undefined) throw missingElement(outcome, 'OutType', PATH);
  const code = childText(outcome, 'OutCode');
  if (code === undefined) throw missingElement(outcome, 'OutCode', PATH);

  return { code: `${type}${code}`, startDate: requireDate(outcome, 'OutStartDate', PATH) };
}
