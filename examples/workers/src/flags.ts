import { parseArgs } from 'node:util';
import { isCalendarDate } from '@pics/automations-core';

/** The example's settings after the command line was read and checked. */
export interface ExampleFlags {
  /** Worker processes to start. */
  workers: number;
  /** Learners to generate. */
  learners: number;
  /** Recipients per send-batch job. */
  batchSize: number;
  /** Run date, or `undefined` for today in Europe/London. */
  date: string | undefined;
  help: boolean;
}

/** Thrown for a command line the example cannot run with; the message names the flag. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Help text printed by `--help`. */
export const HELP = `Usage: pnpm --filter @pics/example-workers start -- [flags]

Seeds learners and one daily email automation in PostgreSQL (DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/test), starts worker processes, ticks once at 06:00 Europe/London
on the run date, waits until the run finished and prints its report. The schemas
example_workers_storage, example_workers and example_workers_boss are dropped and created again
on every start.

Flags:
  --workers N       worker processes, 1 to 16 (default: 3)
  --learners N      generated learners, 0 to 1000000 (default: 5000)
  --batch-size N    recipients per send-batch job, 1 to 10000 (default: 200)
  --date YYYY-MM-DD run date (default: today in Europe/London)
  -h, --help        print this help
`;

/**
 * Reads the command line into {@link ExampleFlags}.
 *
 * @throws {UsageError} for an unknown flag or a value out of range, naming the flag.
 */
export function parseFlags(argv: readonly string[]): ExampleFlags {
  const values = readArgs(argv);
  if (values.date !== undefined && !isCalendarDate(values.date)) {
    throw new UsageError(`Invalid --date "${values.date}": write a real date as YYYY-MM-DD`);
  }

  return {
    workers: wholeNumber('--workers', values.workers, 3, 1, 16),
    learners: wholeNumber('--learners', values.learners, 5000, 0, 1_000_000),
    batchSize: wholeNumber('--batch-size', values['batch-size'], 200, 1, 10_000),
    date: values.date,
    help: values.help ?? false,
  };
}

const FLAG_SPEC = {
  workers: { type: 'string' },
  learners: { type: 'string' },
  'batch-size': { type: 'string' },
  date: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function readArgs(argv: readonly string[]) {
  try {
    const { values } = parseArgs({
      args: joinNegativeValues(argv.filter((arg) => arg !== '--')),
      options: FLAG_SPEC,
      strict: true,
    });

    return values;
  } catch (error) {
    throw new UsageError(describeParseError(error), { cause: error });
  }
}

// node:util's parseArgs reads `--learners -3` as a flag without its value, so a value that looks
// like a negative number is joined to its flag (`--learners=-3`) and the range check reports it.
function joinNegativeValues(argv: readonly string[]): string[] {
  const joined: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] as string;
    const next = argv[index + 1];
    if (takesValue(arg) && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      index += 1;
    } else {
      joined.push(arg);
    }
  }

  return joined;
}

function takesValue(arg: string): boolean {
  const spec = (FLAG_SPEC as Record<string, { type: string }>)[arg.replace(/^--/, '')];

  return arg.startsWith('--') && spec?.type === 'string';
}

// Rewrites parseArgs's messages, which suggest syntax the example does not use, into one
// sentence naming the flag.
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  const flag = /'(-[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Unknown flag ${flag}`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return `Unexpected argument "${/'([^']*)'/.exec(message)?.[1]}": give values after their flag, such as --workers 3`;
  }
  if (/does not take an argument/.test(message)) return `${flag} takes no value`;
  if (/argument missing|argument is ambiguous/.test(message)) return `Missing value for ${flag}`;

  return message;
}

function wholeNumber(
  flag: string,
  text: string | undefined,
  fallback: number,
  minimum: number,
  maximum: number,
): number {
  if (text === undefined) return fallback;

  const value = Number(text);
  if (Number.isInteger(value) && value >= minimum && value <= maximum) return value;

  throw new UsageError(
    `Invalid ${flag} "${text}": use a whole number from ${minimum} to ${maximum}`,
  );
}
