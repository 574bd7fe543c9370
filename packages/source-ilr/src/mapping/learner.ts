import {
  AutomationsError,
  type CalendarDate,
  ErrorCode,
  isCalendarDate,
  type Learner,
  type LearnerInput,
  parseLearner,
  ValidationError,
} from '@pics/automations-core';
import { UnmappableLearnerError } from '../errors.js';
import { childText, findChildren, type IlrElement } from '../xml/element.js';
import { formatContracts, formatEndCode, formatFundingModel, formatProgramme } from './codes.js';
import { readAllowedContactMethods } from './contact.js';
import { type IlrDelivery, readDelivery } from './delivery.js';
import type { IlrDestination } from './destination.js';
import { chooseEpisode, type IlrEpisode } from './episode.js';
import { readDate } from './values.js';

/**
 * Rule for the day a learner record was first created, which ILR does not record. It is a fixed
 * date for every learner, or a function of the `Learner` element and its earliest LearnStartDate.
 * The function returns the date, or `undefined` to use the earliest LearnStartDate.
 */
export type IlrEnteredOn =
  | CalendarDate
  | ((
      learner: IlrElement,
      earliestStartDate: CalendarDate | undefined,
    ) => CalendarDate | undefined);

/** Inputs to the mapping of one learner besides the `Learner` element. */
export interface LearnerMappingContext {
  /** The learner's destination, or the problem that made it unreadable. */
  destination: IlrDestination | UnmappableLearnerError | undefined;
  /** Rule for `enteredOn`, or `undefined` for the earliest LearnStartDate. */
  enteredOn: IlrEnteredOn | undefined;
}

/**
 * Maps one `Learner` element to a validated learner record.
 *
 * @throws {UnmappableLearnerError} when the learner cannot be mapped, naming the element at fault.
 * @throws {AutomationsError} with code `INVALID_ARGUMENT` when the `enteredOn` function returns
 *   something other than a real `YYYY-MM-DD` date.
 */
export function mapLearner(
  element: IlrElement,
  id: string,
  context: LearnerMappingContext,
): Learner {
  const deliveries = findChildren(element, 'LearningDelivery').map(readDelivery);
  const episode = chooseEpisode(deliveries);
  const destination = context.destination;
  if (destination instanceof UnmappableLearnerError) throw destination;

  return validate(element, {
    id,
    firstName: childText(element, 'GivenNames') ?? '',
    lastName: childText(element, 'FamilyName') ?? '',
    email: childText(element, 'Email'),
    mobile: childText(element, 'TelNo'),
    allowedContactMethods: readAllowedContactMethods(element),
    enteredOn: resolveEnteredOn(element, deliveries, context.enteredOn),
    ...readEpisodeFields(episode),
    selfAssessedDisability: readDisability(element),
    providerDestination: destination?.code,
    fields: {
      uln: childText(element, 'ULN') ?? null,
      postcode: childText(element, 'Postcode') ?? null,
      dateOfBirth: readDate(element, 'DateOfBirth', 'Learner') ?? null,
    },
  });
}

function readEpisodeFields(episode: IlrEpisode | undefined): Partial<LearnerInput> {
  if (episode === undefined) return {};

  return {
    startDate: episode.startDate,
    expectedEndDate: episode.expectedEndDate,
    actualEndDate: episode.actualEndDate,
    breaksInLearning: episode.breaksInLearning,
    programme: formatProgramme(episode.delivery),
    fundingOrganisation: formatFundingModel(episode.delivery),
    contracts: formatContracts(episode.delivery),
    providerEndCode: formatEndCode(episode.delivery),
  };
}

// LLDDHealthProb 1: the learner considers they have a learning difficulty, disability or health
// problem; 2: they do not; 9: no information provided.
function readDisability(element: IlrElement): boolean | undefined {
  const answer = childText(element, 'LLDDHealthProb');
  if (answer === '1') return true;
  if (answer === '2') return false;

  return undefined;
}

function resolveEnteredOn(
  element: IlrElement,
  deliveries: readonly IlrDelivery[],
  option: IlrEnteredOn | undefined,
): CalendarDate {
  const earliest = deliveries.map((delivery) => delivery.startDate).sort()[0];
  const chosen = typeof option === 'function' ? option(element, earliest) : option;
  if (chosen !== undefined && !isCalendarDate(chosen)) {
    throw new AutomationsError(
      ErrorCode.InvalidArgument,
      `Invalid enteredOn ${JSON.stringify(chosen)} for learner at line ${element.line}: return a real date written YYYY-MM-DD, or undefined`,
    );
  }

  const enteredOn = chosen ?? earliest;
  if (enteredOn !== undefined) return enteredOn;

  throw new UnmappableLearnerError(
    'Learner.LearningDelivery',
    element,
    'Learner has no LearningDelivery, so no LearnStartDate can stand for enteredOn: add a LearningDelivery or pass the enteredOn option',
  );
}

function validate(element: IlrElement, input: LearnerInput): Learner {
  const defined = Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined),
  );
  try {
    return parseLearner(defined);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;

    const problems = error.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    throw new UnmappableLearnerError(
      'Learner',
      element,
      `the mapped learner record is invalid: ${problems}`,
    );
  }
}
