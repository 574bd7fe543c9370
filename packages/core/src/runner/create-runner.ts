import { AutomationsError, ErrorCode, NotFoundError } from '../errors/errors.js';
import { isCalendarDate } from '../model/calendar-date.js';
import { requireValidInstant } from '../schedule/time-zone.js';
import { type RunnerConfig, resolveRunnerConfig } from './config.js';
import { runAutomationOnce } from './run-automation.js';
import { runDue } from './run-due.js';
import type { AutomationRunReport, Runner, RunnerOptions } from './types.js';

/**
 * Creates a runner. It runs each automation due on a run date once, across calls, restarts and
 * processes that share the same storage, sends each message at most once, and reports what
 * happened to every matched learner.
 *
 * @throws {AutomationsError} with code `INVALID_ARGUMENT` when an option is invalid (an unknown
 *   time zone or phone region, a concurrency below 1, a negative delay).
 */
export function createRunner(options: RunnerOptions): Runner {
  const config = resolveRunnerConfig(options);

  return {
    runDue: (runOptions) => runDue(config, runOptions),
    runAutomation: (args) => runAutomationById(config, args),
  };
}

async function runAutomationById(
  config: RunnerConfig,
  args: Parameters<Runner['runAutomation']>[0],
): Promise<AutomationRunReport> {
  if (!isCalendarDate(args.runDate)) {
    throw new AutomationsError(
      ErrorCode.InvalidArgument,
      `Invalid run date "${args.runDate}": write a real date as YYYY-MM-DD`,
    );
  }
  requireValidInstant(args.now, 'runAutomation option now');

  const automation = await config.storage.automations.get({ id: args.automationId });
  if (automation === undefined) {
    throw new NotFoundError(
      `No automation with id "${args.automationId}": check the id or create the automation first`,
    );
  }

  return runAutomationOnce(config, { ...args, automation, dryRun: args.dryRun ?? false });
}
