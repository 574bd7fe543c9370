import pino from 'pino';
import { SetupError } from './errors.js';
import { HELP, parseFlags, type QuickstartFlags, UsageError } from './flags.js';
import { createProgressReporter } from './progress.js';
import type { QuickstartReport } from './report.js';
import { runQuickstart, sampleAutomationNames } from './run.js';
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

  return report.automations.some((automation) => automation.status === 'failed')
    ? EXIT_RUN_FAILED
    : 0;
}

async function run(flags: QuickstartFlags): Promise<QuickstartReport | undefined> {
  const progress = createProgressReporter(process.stderr, {
    names: sampleAutomationNames(),
    interactive: process.stderr.isTTY === true,
    columns: process.stderr.columns,
    dryRun: flags.dryRun,
  });
  // Log lines go through the reporter, so they never land in the middle of a progress line.
  const logger = pino({ name: 'quickstart', level: 'warn' }, progress);
  try {
    return await runQuickstart(flags, {
      progress,
      stdout: process.stdout,
      env: process.env,
      logger,
    });
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;

    progress.write(`quickstart: ${error.message}\n`);
    return undefined;
  }
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
