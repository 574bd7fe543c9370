import { ilrFileError } from './errors.js';
import { childText, formatPosition, type IlrElement } from './xml/element.js';

/**
 * Returns the LearnRefNumber of a `Learner` or `LearnerDestinationandProgression` element.
 *
 * @throws {ValidationError} naming the element and its position when LearnRefNumber is missing,
 *   because a record that cannot be identified cannot be reported and skipped either.
 */
export function requireLearnRefNumber(element: IlrElement, source: string): string {
  const learnRefNumber = childText(element, 'LearnRefNumber');
  if (learnRefNumber !== undefined) return learnRefNumber;

  throw ilrFileError(
    source,
    `Message.${element.name}.LearnRefNumber`,
    `${element.name} at ${formatPosition(element)} has no LearnRefNumber: add the learner's reference number`,
  );
}
