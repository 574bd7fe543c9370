import path from 'node:path';
import pino from 'pino';
import { SetupError } from './errors.js';
import { HELP, parseFlags, type QuickstartFlags, UsageError } from './flags.js';
import type { QuickstartReport } from './report.js';
import { runQuickstart } from './run.js';
import { formatSummary } from './summary.js';

/**
 * Exit code for a command line or a setting the quickstart cannot run with: an invalid flag, a
 * missing environment variable, an unreadable ILR file or database.
 */
const EXIT_USAGE = 2;

/** Exit code when an automation's run failed. */
const EXIT_RUN_FAILED = 1;

/**
 * Runs the quickstart command line and returns the exit code: 0 on success, 1 when an
 * automation's run failed, 2 for invalid flags or settings.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const flags = readFlags(argv);
  if (flags === undefined) return EXIT_USAGE;
  if (flags.help) {
    process.stdout.write(HELP);
    return 0;
  }

  const report = await run(flags);
  if (report === undefined) return EXIT_USAGE;

  process.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatSummary(report));
  if (!flags.json && wroteToOutbox(flags, report)) {
    process.stdout.write(`\nMessages written to ${path.resolve(flags.out)}\n`);
  }

  return report.automations.some((automation) => automation.status === 'failed')
    ? EXIT_RUN_FAILED
    : 0;
}

async function run(flags: QuickstartFlags): Promise<QuickstartReport | undefined> {
  const logger = pino({ name: 'quickstart', level: 'warn' }, pino.destination(2));
  try {
    return await runQuickstart(flags, {
      stderr: process.stderr,
      stdout: process.stdout,
      env: process.env,
      logger,
    });
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;

    process.stderr.write(`quickstart: ${error.message}\n`);
    return undefined;
  }
}

function wroteToOutbox(flags: QuickstartFlags, report: QuickstartReport): boolean {
  return (
    !flags.dryRun &&
    report.automations.some(
      (automation) => automation.sent > 0 && flags.transports[automation.channel] === 'outbox',
    )
  );
}

function readFlags(argv: readonly string[]): QuickstartFlags | undefined {
  try {
    return parseFlags(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;

    process.stderr.write(
      `quickstart: ${error.message}\nRun "pnpm quickstart --help" to list the flags.\n`,
    );
    return undefined;
  }
}

process.exitCode = await main(process.argv.slice(2));
