import { describeInput, type IlrInput, openInput } from './input.js';
import { addDestination, type IlrDestinations } from './mapping/destination.js';
import { requireLearnRefNumber } from './records.js';
import { readMessageChildren } from './xml/read-message.js';

/** Result of a first pass over an ILR file. */
export interface IlrFileIndex {
  /** Latest destination of each learner that has one. */
  destinations: IlrDestinations;
  /**
   * Whether every Learner's LearnRefNumber is greater than the one before it (by UTF-16 code
   * unit), so the file is in id order with no id repeated. `undefined` when not checked.
   */
  idsAscending: boolean | undefined;
}

/**
 * Reads an ILR file once, keeping only its destination records and, when asked, whether its
 * learners are in id order. Memory grows with the number of destination records, each a
 * LearnRefNumber and a short code, not with the learners.
 *
 * @throws {ValidationError} when the file is not well-formed ILR XML.
 */
export async function scanIlrFile(
  input: IlrInput,
  options: { checkIdOrder: boolean; signal?: AbortSignal | undefined },
): Promise<IlrFileIndex> {
  const source = describeInput(input);
  const collect = new Set(['LearnerDestinationandProgression']);
  if (options.checkIdOrder) collect.add('Learner');

  const destinations: IlrDestinations = new Map();
  let previousId: string | undefined;
  let idsAscending = true;
  for await (const element of readMessageChildren(openInput(input), { source, collect })) {
    if (options.signal?.aborted) break;

    const learnRefNumber = requireLearnRefNumber(element, source);
    if (element.name === 'LearnerDestinationandProgression') {
      addDestination(destinations, learnRefNumber, element);
      continue;
    }
    if (previousId !== undefined && learnRefNumber <= previousId) idsAscending = false;
    previousId = learnRefNumber;
  }

  return { destinations, idsAscending: options.checkIdOrder ? idsAscending : undefined };
}
