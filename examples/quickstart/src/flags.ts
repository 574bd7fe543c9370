import { parseArgs } from 'node:util';
import { isCalendarDate } from '@pics/automations-core';
import {
  DEFAULT_TRANSPORT,
  parseTransportChoice,
  type TransportChoice,
} from './transport-choice.js';

/** Learners generated when `--learners` is not given. */
export const DEFAULT_LEARNERS = 10_000;

/** The largest population `--learners` accepts, so a typo cannot exhaust memory. */
export const MAX_LEARNERS = 1_000_000;

/** The outbox folder when `--out` is not given. */
export const DEFAULT_OUT_DIR = './outbox';

/** Folder of the embedded database that `--store postgres` uses when `--database-url` is not given. */
export const DEFAULT_DATA_DIR = '.pics-data';

/** The Postgres schema when `--schema` is not given; the storage adapter's own default. */
export const DEFAULT_SCHEMA = 'pics_automations';

/** Storage adapters `--store` can name. */
export const STORE_NAMES = ['memory', 'postgres'] as const;

/** One of {@link STORE_NAMES}. */
export type StoreName = (typeof STORE_NAMES)[number];

/** The quickstart's settings after the command line was read and checked. */
export interface QuickstartFlags {
  /**
   * Run date, or `undefined` for the default. With `ilr` the default is the first Monday of March
   * in the file's academic year, and otherwise today in the host's time zone.
   */
  date: string | undefined;
  dryRun: boolean;
  learners: number;
  out: string;
  json: boolean;
  help: boolean;
  store: StoreName;
  /** Connection string of a PostgreSQL server; `undefined` runs an embedded PGlite database. */
  databaseUrl: string | undefined;
  /** Folder of the embedded PGlite database. */
  dataDir: string;
  /** Postgres schema that contains the storage's tables. */
  schema: string;
  /** Path of an ILR XML file whose learners replace the generated population. */
  ilr: string | undefined;
  transports: TransportChoice;
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
  store: { type: 'string' },
  'database-url': { type: 'string' },
  'data-dir': { type: 'string' },
  schema: { type: 'string' },
  ilr: { type: 'string' },
  transport: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

// Unquoted Postgres identifier of at most 63 bytes, the rule the storage adapter enforces.
const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** Help text printed by `--help`. */
export const HELP = `Usage: pnpm quickstart [flags]

Seeds a generated learner population (or the learners of an ILR file) and sample automations,
runs the automations due on the run date at 05:00 Europe/London, sends the messages through the
chosen transports (by default into an outbox folder) and prints a summary.

Run:
  --date YYYY-MM-DD   run date (default: today in Europe/London; with --ilr, the first Monday of
                      March in the file's academic year, 2019-03-04 for a 2018-19 file)
  --dry-run           select and render the messages without sending them or recording
                      deliveries; Postgres storage still receives the learners and automations
  --json              print the run report as JSON on stdout; progress stays on stderr. The
                      example's README describes every key of the report

Learners:
  --learners N        number of generated learners, 0 to ${MAX_LEARNERS} (default: ${DEFAULT_LEARNERS})
  --ilr FILE          use the learners of this ILR XML file and the ILR sample automations
                      instead of a generated population; --learners does not apply

Storage:
  --store NAME        ${STORE_NAMES.join(' or ')} (default: memory, empty on every run)
  --database-url URL  with --store postgres: the PostgreSQL server to use; the DATABASE_URL
                      environment variable is never read (default: an embedded PGlite database)
  --data-dir DIR      with --store postgres and no --database-url: folder of the embedded
                      database, kept between runs (default: ${DEFAULT_DATA_DIR})
  --schema NAME       with --store postgres: schema of the tables (default: ${DEFAULT_SCHEMA})

Transports:
  --transport LIST    comma-separated transports (default: ${DEFAULT_TRANSPORT}): outbox writes files to --out,
                      console prints one line per message (to stderr with --json), smtp sends
                      email, twilio sends SMS. outbox or console carries the channel that smtp or
                      twilio leaves, so "smtp,outbox" sends email over SMTP and writes SMS to the
                      outbox. Without an SMS transport ("smtp" alone) the SMS automations are not
                      created and the run goes on without them
  --out DIR           outbox folder (default: ${DEFAULT_OUT_DIR}). Each run writes its .eml files and
                      sms.jsonl into DIR/<run date>; with memory storage, a run first removes
                      the messages an earlier run left there

Environment (credentials are read only from here, never from flags, and never printed):
  smtp                SMTP_URL, or SMTP_HOST with SMTP_PORT, SMTP_SECURE, SMTP_USER, SMTP_PASS;
                      SMTP_FROM; optional SMTP_REPLY_TO, SMTP_REQUIRE_TLS, SMTP_MAX_CONNECTIONS,
                      SMTP_MAX_PER_SECOND
  twilio              TWILIO_ACCOUNT_SID; TWILIO_AUTH_TOKEN, or TWILIO_API_KEY_SID with
                      TWILIO_API_KEY_SECRET; TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID;
                      optional TWILIO_STATUS_CALLBACK_URL, TWILIO_BASE_URL, TWILIO_TIMEOUT_MS,
                      TWILIO_MAX_PER_SECOND

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
  const store = values.store === undefined ? 'memory' : checkStore(values.store);
  checkPostgresOnly(store, values);
  if (values['database-url'] !== undefined && values['data-dir'] !== undefined) {
    throw new UsageError(
      '--data-dir and --database-url were both given: --data-dir is the folder of the embedded database, used only without --database-url',
    );
  }
  if (values.ilr !== undefined && values.learners !== undefined) {
    throw new UsageError('--learners and --ilr were both given: the ILR file sets the learners');
  }

  return {
    date: values.date === undefined ? undefined : checkDate(values.date),
    dryRun: values['dry-run'],
    learners: values.learners === undefined ? DEFAULT_LEARNERS : checkLearners(values.learners),
    out: values.out === undefined ? DEFAULT_OUT_DIR : checkPath('--out', values.out),
    json: values.json,
    help: values.help,
    store,
    databaseUrl: values['database-url'] === undefined ? undefined : checkDatabaseUrl(values),
    dataDir:
      values['data-dir'] === undefined
        ? DEFAULT_DATA_DIR
        : checkPath('--data-dir', values['data-dir']),
    schema: values.schema === undefined ? DEFAULT_SCHEMA : checkSchema(values.schema),
    ilr: values.ilr === undefined ? undefined : checkPath('--ilr', values.ilr),
    transports: checkTransport(values.transport ?? DEFAULT_TRANSPORT),
  };
}

function readArgs(argv: readonly string[]) {
  try {
    return parseArgs({
      args: joinNegativeValues(argv),
      options: FLAG_SPEC,
      strict: true,
      allowPositionals: false,
    });
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

// Rewrites parseArgs's messages, which suggest syntax the quickstart does not use, into one
// sentence naming the flag.
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  const flag = /'(-[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Unknown flag ${flag}`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return `Unexpected argument "${/'([^']*)'/.exec(message)?.[1]}": give values after their flag, such as --date 2027-03-01`;
  }
  if (/does not take an argument/.test(message)) return `${flag} takes no value`;
  if (/argument missing|argument is ambiguous/.test(message)) return `Missing value for ${flag}`;

  return message;
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

function checkPath(flag: string, text: string): string {
  if (text.trim() === '') throw new UsageError(`Invalid ${flag} "": give a path`);

  return text;
}

function checkStore(text: string): StoreName {
  if (!(STORE_NAMES as readonly string[]).includes(text)) {
    throw new UsageError(`Invalid --store "${text}": use ${STORE_NAMES.join(' or ')}`);
  }

  return text as StoreName;
}

type ParsedValues = ReturnType<typeof readArgs>['values'];

function checkPostgresOnly(store: StoreName, values: ParsedValues): void {
  if (store === 'postgres') return;

  const given = (['database-url', 'data-dir', 'schema'] as const).find(
    (name) => values[name] !== undefined,
  );
  if (given !== undefined) {
    throw new UsageError(`--${given} applies only to Postgres storage: add --store postgres`);
  }
}

// The URL may carry a password, so the message never repeats it.
function checkDatabaseUrl(values: ParsedValues): string {
  const text = values['database-url'] ?? '';
  if (!URL.canParse(text) || !/^postgres(ql)?:$/.test(new URL(text).protocol)) {
    throw new UsageError(
      'Invalid --database-url: write a connection string such as postgres://user@host:5432/database',
    );
  }

  return text;
}

function checkSchema(text: string): string {
  if (!SCHEMA_NAME.test(text)) {
    throw new UsageError(
      `Invalid --schema "${text}": use letters, digits and underscores, starting with a letter or underscore, at most 63 characters`,
    );
  }

  return text;
}

function checkTransport(text: string): TransportChoice {
  const choice = parseTransportChoice(text);
  if (typeof choice === 'string') throw new UsageError(`Invalid --transport "${text}": ${choice}`);

  return choice;
}
