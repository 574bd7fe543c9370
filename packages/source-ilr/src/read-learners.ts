import type { Learner } from '@pics/automations-core';
import { type IlrSkippedLearner, UnmappableLearnerError } from './errors.js';
import { HeaderReader } from './header.js';
import { describeInput, type IlrInput, openInput } from './input.js';
import type { IlrDestinations } from './mapping/destination.js';
import { mapLearner } from './mapping/learner.js';
import { type IlrReadOptions, type ResolvedReadOptions, resolveReadOptions } from './options.js';
import { requireLearnRefNumber } from './records.js';
import { scanIlrFile } from './scan.js';
import type { IlrElement } from './xml/element.js';
import { readMessageChildren } from './xml/read-message.js';

const MAIN_PASS_ELEMENTS: ReadonlySet<string> = new Set(['Header', 'LearningProvider', 'Learner']);

/**
 * Streams the learners of an ILR XML file, in file order, yielding each as soon as its `Learner`
 * element has been parsed. The file is read in chunks only as fast as the caller consumes
 * learners, so a file of any size needs memory for one chunk and one learner at a time. Besides
 * those, the reader keeps the destination map and the LearnRefNumber of every learner yielded,
 * to reject a repeated one.
 *
 * With `readDestinations` (the default for a path), a first pass reads the destination records,
 * which the ILR schema places after all learners. A learner that cannot be mapped is left out
 * and passed to `onSkip`; the others still load.
 *
 * @throws {ValidationError} naming the element, line and column when the file is not
 *   well-formed XML, its root is not `Message` in an ILR namespace, a `Learner` or destination
 *   record has no LearnRefNumber, or the file has no UKPRN.
 * @throws {NotFoundError} when the path does not exist.
 * @throws {AutomationsError} with code `INVALID_ARGUMENT` when an option is invalid.
 */
export async function* readIlrLearners(
  input: IlrInput,
  options: IlrReadOptions = {},
): AsyncGenerator<Learner, void, undefined> {
  const settings = resolveReadOptions(input, options);
  const destinations = settings.readDestinations
    ? (await scanIlrFile(input, { checkIdOrder: false, signal: settings.signal })).destinations
    : new Map();

  yield* streamLearners(input, settings, destinations);
}

/**
 * Streams the learners of a file whose destinations are already known, as
 * {@link readIlrLearners} does after its first pass.
 */
export async function* streamLearners(
  input: IlrInput,
  settings: ResolvedReadOptions,
  destinations: IlrDestinations,
): AsyncGenerator<Learner, void, undefined> {
  const source = describeInput(input);
  const header = new HeaderReader();
  const seenIds = new Set<string>();
  const elements = readMessageChildren(openInput(input), { source, collect: MAIN_PASS_ELEMENTS });
  for await (const element of elements) {
    if (settings.signal?.aborted) return;
    if (header.accept(element)) continue;

    reportHeader(header, source, settings);
    const learner = mapOrSkip(element, source, settings, destinations, seenIds);
    if (learner !== undefined) yield learner;
  }

  reportHeader(header, source, settings);
}

function reportHeader(header: HeaderReader, source: string, settings: ResolvedReadOptions): void {
  const taken = header.takeOnce(source);
  if (taken !== undefined) settings.onHeader?.(taken);
}

function mapOrSkip(
  element: IlrElement,
  source: string,
  settings: ResolvedReadOptions,
  destinations: IlrDestinations,
  seenIds: Set<string>,
): Learner | undefined {
  const learnRefNumber = requireLearnRefNumber(element, source);
  try {
    if (seenIds.has(learnRefNumber)) throw repeatedLearner(element, learnRefNumber);
    seenIds.add(learnRefNumber);

    return mapLearner(element, learnRefNumber, {
      destination: destinations.get(learnRefNumber),
      enteredOn: settings.enteredOn,
    });
  } catch (error) {
    if (!(error instanceof UnmappableLearnerError)) throw error;

    const { element: path, line, column, reason } = error;
    reportSkipped(settings, { learnRefNumber, element: path, line, column, reason });

    return undefined;
  }
}

function repeatedLearner(element: IlrElement, learnRefNumber: string): UnmappableLearnerError {
  return new UnmappableLearnerError(
    'Learner.LearnRefNumber',
    element,
    `LearnRefNumber "${learnRefNumber}" appears on an earlier Learner too: keep one Learner per learner`,
  );
}

function reportSkipped(settings: ResolvedReadOptions, skipped: IlrSkippedLearner): void {
  const { reason, ...where } = skipped;
  settings.logger.warn(where, `Skipped ILR learner: ${reason}`);
  settings.onSkip?.(skipped);
}
