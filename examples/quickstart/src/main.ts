import path from 'node:path';
import pino from 'pino';
import { HELP, parseFlags, type QuickstartFlags, UsageError } from './flags.js';
import { runQuickstart } from './run.js';
import { formatSummary } from './summary.js';

/** Exit code for a command line the quickstart cannot run with. */
const EXIT_USAGE = 2;

/** Exit code when an automation's run failed. */
const EXIT_RUN_FAILED = 1;

/**
 * Runs the quickstart command line and returns the exit code: 0 on success, 1 when an
 * automation's run failed, 2 for invalid flags.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const flags = readFlags(argv);
  if (flags === undefined) return EXIT_USAGE;
  if (flags.help) {
    process.stdout.write(HELP);
    return 0;
  }

  const logger = pino({ name: 'quickstart', level: 'warn' }, pino.destination(2));
  const report = await runQuickstart(flags, { stderr: process.stderr, logger });
  process.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatSummary(report));
  if (!flags.json && !flags.dryRun && report.automations.length > 0) {
    process.stdout.write(`\nMessages written to ${path.resolve(flags.out)}\n`);
  }

  return report.automations.some((automation) => automation.status === 'failed')
    ? EXIT_RUN_FAILED
    : 0;
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
