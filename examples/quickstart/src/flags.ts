import { parseArgs } from 'node:util';
import { isCalendarDate } from '@pics/automations-core';

/** Learners generated when `--learners` is not given. */
export const DEFAULT_LEARNERS = 10_000;

/** The largest population `--learners` accepts, so a typo cannot exhaust memory. */
export const MAX_LEARNERS = 1_000_000;

/** The outbox folder when `--out` is not given. */
export const DEFAULT_OUT_DIR = './outbox';

/** The quickstart's settings after the command line was read and checked. */
export interface QuickstartFlags {
  /** Run date, or `undefined` for today in the host's time zone. */
  date: string | undefined;
  dryRun: boolean;
  learners: number;
  out: string;
  json: boolean;
  help: boolean;
}

/** Thrown for a command line the quickstart cannot run with; the message names the flag. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

// Adding a flag: declare it here, check it in `parseFlags`, describe it in `HELP`.
const FLAG_SPEC = {
  date: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  learners: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Help text printed by `--help`. */
export const HELP = `Usage: pnpm quickstart [flags]

Seeds a generated learner population and three sample automations, runs the automations due on
the run date at 05:00 Europe/London, writes the messages to an outbox folder and prints a summary.

Flags:
  --date YYYY-MM-DD   run date (default: today in Europe/London)
  --dry-run           select and render the messages without writing anything
  --learners N        number of generated learners, 0 to ${MAX_LEARNERS} (default: ${DEFAULT_LEARNERS})
  --out DIR           outbox folder for .eml files and sms.jsonl (default: ${DEFAULT_OUT_DIR})
  --json              print the run report as JSON on stdout; progress stays on stderr
  -h, --help          print this help
`;

/**
 * Reads the command line into {@link QuickstartFlags}.
 *
 * @throws {UsageError} for an unknown flag, a missing value or a value out of range, naming the
 *   flag.
 */
export function parseFlags(argv: readonly string[]): QuickstartFlags {
  const { values } = readArgs(argv);

  return {
    date: values.date === undefined ? undefined : checkDate(values.date),
    dryRun: values['dry-run'],
    learners: values.learners === undefined ? DEFAULT_LEARNERS : checkLearners(values.learners),
    out: values.out === undefined ? DEFAULT_OUT_DIR : checkOut(values.out),
    json: values.json,
    help: values.help,
  };
}

function readArgs(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      options: FLAG_SPEC,
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    // node:util reports an unknown flag or a missing value with a TypeError naming the flag.
    throw new UsageError((error as Error).message, { cause: error });
  }
}

function checkDate(text: string): string {
  if (!isCalendarDate(text)) {
    throw new UsageError(`Invalid --date "${text}": write a real calendar date as YYYY-MM-DD`);
  }

  return text;
}

function checkLearners(text: string): number {
  const count = Number(text);
  if (!/^\d+$/.test(text) || count > MAX_LEARNERS) {
    throw new UsageError(
      `Invalid --learners "${text}": use a whole number from 0 to ${MAX_LEARNERS}`,
    );
  }

  return count;
}

function checkOut(text: string): string {
  if (text.trim() === '') throw new UsageError('Invalid --out "": give the path of a folder');

  return text;
}
