import type { Automation } from '../model/automation.js';
import type { CalendarDate } from '../model/calendar-date.js';
import type { AutomationStore } from '../ports/automation-store.js';
import { isRunDate } from '../schedule/run-dates.js';
import { RUN_TIME } from '../schedule/run-time.js';
import { localDate, localTimeToInstant } from '../schedule/time-zone.js';
import type { RunnerConfig } from './config.js';
import { runAutomationOnce } from './run-automation.js';
import type { RunDueOptions, RunDueReport } from './types.js';

/** Automations read from the store per page while looking for the due ones. */
export const AUTOMATION_PAGE_SIZE = 100;

/**
 * Runs every automation due on the local date of `now`, one after another, once `now` has reached
 * 05:00 local time on that date. Before 05:00 it returns a report with no automations.
 *
 * @throws when listing the automations fails; a failing automation is reported, not thrown.
 */
export async function runDue(config: RunnerConfig, options: RunDueOptions): Promise<RunDueReport> {
  const startedAt = config.timer.now();
  const runDate = localDate(options.now, config.timeZone);
  const dryRun = options.dryRun ?? false;
  const report: RunDueReport = {
    runDate,
    dryRun,
    startedAt: options.now,
    durationMs: 0,
    automations: [],
  };
  const runTime = localTimeToInstant(runDate, RUN_TIME, config.timeZone);
  if (options.now.getTime() < runTime.getTime()) {
    config.logger.debug({ runDate, runTime }, 'Before the run time, so nothing runs yet today');
    return report;
  }

  for (const automation of await listDueAutomations(config.storage.automations, runDate)) {
    if (options.signal?.aborted) break;
    report.automations.push(
      await runAutomationOnce(config, { ...options, automation, runDate, dryRun }),
    );
  }
  report.durationMs = Math.round(config.timer.now() - startedAt);

  return report;
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
