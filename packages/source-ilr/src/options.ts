import {
  AutomationsError,
  ErrorCode,
  isCalendarDate,
  type Logger,
  silentLogger,
} from '@pics/automations-core';
import type { IlrSkippedLearner } from './errors.js';
import { canReopen, type IlrInput } from './input.js';
import type { IlrEnteredOn } from './mapping/learner.js';

/** The file's provider and collection year, from its `LearningProvider` and `Header`. */
export interface IlrHeader {
  /** UKPRN of the provider whose learners the file holds, such as `99999999`. */
  ukprn: string;
  /** Collection year as the header writes it, such as `1819`, when present. */
  year?: string | undefined;
}

/** Options of {@link readIlrLearners} and {@link loadIlrFile}. */
export interface IlrReadOptions {
  /**
   * Rule for each learner's `enteredOn`, which ILR does not record: a fixed `YYYY-MM-DD` date, or
   * a function of the `Learner` element and its earliest LearnStartDate.
   * @default the learner's earliest LearnStartDate
   */
  enteredOn?: IlrEnteredOn | undefined;
  /** Called for each learner that cannot be mapped and is left out. */
  onSkip?: ((skipped: IlrSkippedLearner) => void) | undefined;
  /** Called once with the file's header, before the first learner is yielded. */
  onHeader?: ((header: IlrHeader) => void) | undefined;
  /**
   * Whether to read `LearnerDestinationandProgression` records for `providerDestination`. They
   * follow all learners in the file, so reading them takes a first pass over the file, which a
   * one-shot stream does not allow.
   * @default true for a path, URL or stream factory; false for a stream
   */
  readDestinations?: boolean | undefined;
  /** Receives a warning for each skipped learner. @default a logger that discards everything */
  logger?: Logger | undefined;
  /** Stops reading, without an error, when aborted. */
  signal?: AbortSignal | undefined;
}

/** {@link IlrReadOptions} checked, with defaults applied. */
export interface ResolvedReadOptions extends IlrReadOptions {
  readDestinations: boolean;
  logger: Logger;
}

/**
 * Checks options against the input and applies defaults.
 *
 * @throws {AutomationsError} with code `INVALID_ARGUMENT` when `enteredOn` is text that is not a
 *   real date, or destinations are requested from a one-shot stream.
 */
export function resolveReadOptions(input: IlrInput, options: IlrReadOptions): ResolvedReadOptions {
  const { enteredOn, readDestinations } = options;
  if (typeof enteredOn === 'string' && !isCalendarDate(enteredOn)) {
    throw invalidOption(`enteredOn "${enteredOn}"`, 'pass a real date written YYYY-MM-DD');
  }
  if (readDestinations === true && !canReopen(input)) {
    throw invalidOption(
      'readDestinations: true for a stream',
      'a stream can be read only once, so pass a path or a function that opens the stream',
    );
  }

  return {
    ...options,
    readDestinations: readDestinations ?? canReopen(input),
    logger: options.logger ?? silentLogger,
  };
}

function invalidOption(value: string, fix: string): AutomationsError {
  return new AutomationsError(ErrorCode.InvalidArgument, `Invalid ${value}: ${fix}`);
}
