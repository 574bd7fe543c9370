import {
  AutomationsError,
  compileFilters,
  ErrorCode,
  type Learner,
  type LearnerSource,
} from '@pics/automations-core';
import { canReopen, type IlrInput } from './input.js';
import { type IlrReadOptions, resolveReadOptions } from './options.js';
import { streamLearners } from './read-learners.js';
import { scanIlrFile } from './scan.js';

/** Options of {@link createIlrLearnerSource}: those of reading, less the per-call signal. */
export type IlrLearnerSourceOptions = Omit<IlrReadOptions, 'signal' | 'onHeader'>;

/**
 * Creates a {@link LearnerSource} over an ILR file. Each `findLearners` call reads the file
 * afresh, so it reads the file as it is at that moment, and yields the learners that match the
 * filters in ascending id order. Skipped learners go to `onSkip` and the logger on every call.
 *
 * Each call reads the file twice. The first pass reads the destination records and checks
 * whether the learners are in id order; when they are, the second pass streams them and memory
 * stays flat. NOTE: when they are not, the second pass keeps every matching learner in memory to
 * sort them, so memory grows with the number of matches (about 1 KB each) rather than staying
 * flat. Export the file sorted by LearnRefNumber to avoid this.
 *
 * @throws {AutomationsError} with code `INVALID_ARGUMENT` when the input is a one-shot stream,
 *   which cannot be read on every call, or an option is invalid.
 */
export function createIlrLearnerSource(
  input: IlrInput,
  options: IlrLearnerSourceOptions = {},
): LearnerSource {
  if (!canReopen(input)) {
    throw new AutomationsError(
      ErrorCode.InvalidArgument,
      'Invalid ILR learner source input: a stream can be read only once, so pass a path or a function that opens the stream',
    );
  }
  resolveReadOptions(input, options);

  return {
    async *findLearners({ filters, runDate, signal }) {
      const matches = compileFilters(filters, { runDate });
      const settings = resolveReadOptions(input, { ...options, signal });
      const index = await scanIlrFile(input, { checkIdOrder: true, signal });
      const destinations = settings.readDestinations ? index.destinations : new Map();
      const learners = streamLearners(input, settings, destinations);
      if (index.idsAscending) {
        for await (const learner of learners) if (matches(learner)) yield learner;
        return;
      }

      const matching: Learner[] = [];
      for await (const learner of learners) if (matches(learner)) matching.push(learner);
      matching.sort(compareIds);
      for (const learner of matching) {
        if (signal?.aborted) return;
        yield learner;
      }
    },
  };
}

function compareIds(first: Learner, second: Learner): number {
  if (first.id === second.id) return 0;

  return first.id < second.id ? -1 : 1;
}
