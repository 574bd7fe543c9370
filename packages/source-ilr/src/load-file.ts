import type { Learner } from '@pics/automations-core';
import type { IlrSkippedLearner } from './errors.js';
import type { IlrInput } from './input.js';
import type { IlrHeader, IlrReadOptions } from './options.js';
import { readIlrLearners } from './read-learners.js';

/** The result of {@link loadIlrFile}. */
export interface IlrFileContents {
  /** Every learner that could be mapped, in file order. */
  learners: Learner[];
  /** Every learner left out, with the element at fault and the reason. */
  skipped: IlrSkippedLearner[];
  /** The file's provider and collection year. */
  header: IlrHeader;
}

/**
 * Reads a whole ILR file into memory: its learners, the learners skipped and its header. Meant
 * for small files, such as one provider's monthly return in a test or a quickstart; stream large
 * ones with {@link readIlrLearners}.
 *
 * @throws {ValidationError} when the file is not well-formed ILR XML, as {@link readIlrLearners}.
 * @throws {NotFoundError} when the path does not exist.
 */
export async function loadIlrFile(
  input: IlrInput,
  options: IlrReadOptions = {},
): Promise<IlrFileContents> {
  const learners: Learner[] = [];
  const skipped: IlrSkippedLearner[] = [];
  let header: IlrHeader | undefined;
  const reading = readIlrLearners(input, {
    ...options,
    onSkip: (learner) => {
      skipped.push(learner);
      options.onSkip?.(learner);
    },
    onHeader: (read) => {
      header = read;
      options.onHeader?.(read);
    },
  });
  for await (const learner of reading) learners.push(learner);

  // The reader reports the header before its first learner or at the end of the file, and fails
  // when the file has none, so a read that finished always set it.
  return { learners, skipped, header: header as IlrHeader };
}
