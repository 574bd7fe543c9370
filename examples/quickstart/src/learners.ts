import path from 'node:path';
import {
  AutomationsError,
  addDays,
  type CalendarDate,
  isoWeekday,
  type Learner,
  localDate,
  parseLearner,
} from '@pics/automations-core';
import { type IlrSkippedLearner, loadIlrFile } from '@pics/automations-source-ilr';
import { SetupError } from './errors.js';
import type { QuickstartFlags } from './flags.js';
import { generatePopulation } from './population.js';
import type { ProgressReporter } from './progress.js';

/** Source of the run's learners, for the report. */
export type LearnerSourceReport =
  | { kind: 'generated'; count: number }
  | {
      kind: 'ilr';
      /** Absolute path of the file. */
      file: string;
      ukprn: string;
      /** Collection year as the header writes it, such as `1819`. */
      year: string | undefined;
      /** Learners read and seeded. */
      count: number;
      /** Learners the importer left out, with the element at fault and the reason. */
      skipped: IlrSkippedLearner[];
    };

/** The learners of a run, with its run date and where they came from. */
export interface LoadedLearners {
  runDate: CalendarDate;
  learners: Learner[];
  source: LearnerSourceReport;
}

/**
 * Loads the run's learners: the ILR file's when `--ilr` is given, otherwise a population generated
 * around the run date. Writes each learner the ILR importer skips to `progress`.
 *
 * @throws {SetupError} when the ILR file cannot be read, or has no collection year and no
 *   `--date` was given.
 */
export async function loadLearners(
  flags: QuickstartFlags,
  progress: ProgressReporter,
  timeZone: string,
): Promise<LoadedLearners> {
  if (flags.ilr !== undefined) return loadIlrLearners(flags.ilr, flags.date, progress);

  const runDate = flags.date ?? localDate(new Date(), timeZone);
  progress.note(`Generating ${flags.learners} learners around ${runDate}`);
  const learners = generatePopulation({ count: flags.learners, runDate }).map(parseLearner);

  return { runDate, learners, source: { kind: 'generated', count: learners.length } };
}

async function loadIlrLearners(
  file: string,
  date: CalendarDate | undefined,
  progress: ProgressReporter,
): Promise<LoadedLearners> {
  const absolute = path.resolve(file);
  progress.note(`Reading learners from ${absolute}`);
  const { learners, skipped, header } = await readIlrFile(absolute);
  for (const learner of skipped) progress.note(describeSkippedLearner(learner));
  progress.note(`Read ${learners.length} learners, skipped ${skipped.length}`);

  return {
    runDate: date ?? defaultIlrRunDate(header.year, absolute),
    learners,
    source: {
      kind: 'ilr',
      file: absolute,
      ukprn: header.ukprn,
      year: header.year,
      count: learners.length,
      skipped,
    },
  };
}

async function readIlrFile(file: string) {
  try {
    return await loadIlrFile(file);
  } catch (error) {
    if (!(error instanceof AutomationsError)) throw error;

    throw new SetupError(`Reading --ilr ${file} failed: ${error.message}`, { cause: error });
  }
}

/** Describes a learner the ILR importer left out, as one line. */
export function describeSkippedLearner(learner: IlrSkippedLearner): string {
  return `Skipped ILR learner ${learner.learnRefNumber} (${learner.element}, line ${learner.line}): ${learner.reason}`;
}

/**
 * Returns the first Monday of March in an ILR collection year (`1819` gives 2019-03-04). The
 * academic year runs from August to July, so the date falls inside the period the file reports on.
 *
 * @throws {SetupError} when the year is absent or not two consecutive years such as `1819`.
 */
export function defaultIlrRunDate(year: string | undefined, file: string): CalendarDate {
  const match = year === undefined ? null : /^(\d\d)(\d\d)$/.exec(year);
  if (match === null || Number(match[2]) !== (Number(match[1]) + 1) % 100) {
    throw new SetupError(
      `The ILR file ${file} has no collection year such as 1819 in its header: pass --date`,
    );
  }

  const firstOfMarch = `20${match[2]}-03-01`;

  return addDays(firstOfMarch, (8 - isoWeekday(firstOfMarch)) % 7);
}
