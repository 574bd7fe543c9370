import { AutomationsError, ErrorCode } from '../errors/errors.js';
import type { Automation } from '../model/automation.js';
import type { CalendarDate } from '../model/calendar-date.js';
import { formatValue } from '../model/plain-data.js';
import type { AutomationStore } from '../ports/automation-store.js';
import { isRunDate } from '../schedule/run-dates.js';
import { RUN_TIME } from '../schedule/run-time.js';
import { localDate, localTimeToInstant, requireValidInstant } from '../schedule/time-zone.js';
import type { RunnerConfig } from './config.js';
import { runAutomationOnce } from './run-automation.js';
import type { RunDueOptions, RunDueReport } from './types.js';

/** Automations read from the store per page while looking for the due ones. */
export const AUTOMATION_PAGE_SIZE = 100;

/**
 * Runs every automation due on the local date of `now`, one after another, once `now` has reached
 * 05:00 local time on that date. Before 05:00 it returns a report with no automations.
 *
 * @throws {AutomationsError} with code `INVALID_ARGUMENT` when `options` is not an object or
 *   `now` is not a valid Date.
 * @throws when listing the automations fails; a failing automation is reported, not thrown.
 */
export async function runDue(
  config: RunnerConfig,
  options: RunDueOptions = {},
): Promise<RunDueReport> {
  const now = readNow(options);
  const startedAt = config.timer.now();
  const runDate = localDate(now, config.timeZone);
  const dryRun = options.dryRun ?? false;
  const report: RunDueReport = {
    runDate,
    dryRun,
    startedAt: now,
    durationMs: 0,
    automations: [],
  };
  const runTime = localTimeToInstant(runDate, RUN_TIME, config.timeZone);
  if (now.getTime() < runTime.getTime()) {
    config.logger.debug({ runDate, runTime }, 'Before the run time, so nothing runs yet today');
    return report;
  }

  for (const automation of await listDueAutomations(config.storage.automations, runDate)) {
    if (options.signal?.aborted) break;
    report.automations.push(
      await runAutomationOnce(config, { ...options, now, automation, runDate, dryRun }),
    );
  }
  report.durationMs = Math.round(config.timer.now() - startedAt);

  return report;
}

// Checks the argument before any work. A Date passed in place of the options is rejected, because
// reading it as options without `now` would run for the current time instead of that Date.
function readNow(options: unknown): Date {
  if (typeof options !== 'object' || options === null || options instanceof Date) {
    throw new AutomationsError(
      ErrorCode.InvalidArgument,
      `Invalid runDue argument ${formatValue(options)}: pass an options object such as runDue({ now }), or nothing to run for the current time`,
    );
  }

  const { now } = options as RunDueOptions;

  return now === undefined ? new Date() : requireValidInstant(now, 'runDue option now');
}

/**
 * Returns the automations whose schedule allows a run date, reading every page first so that
 * automations saved while the runs go on cannot shift the pages.
 */
export async function listDueAutomations(
  store: AutomationStore,
  runDate: CalendarDate,
): Promise<Automation[]> {
  const due: Automation[] = [];
  for (let offset = 0; ; offset += AUTOMATION_PAGE_SIZE) {
    const page = await store.list({ limit: AUTOMATION_PAGE_SIZE, offset });
    due.push(...page.items.filter((automation) => isRunDate(automation.schedule, runDate)));
    if (page.items.length < AUTOMATION_PAGE_SIZE || offset + AUTOMATION_PAGE_SIZE >= page.total) {
      return due;
    }
  }
}
