import {
  type AutomationDraftInput,
  type CalendarDate,
  describeSchedule,
  isRunDate,
  localDate,
  localTimeToInstant,
  nextRunTime,
  parseSchedule,
  RUN_TIME,
} from '@pics/automations-core';

/** A sample automation whose schedule does not allow the run date. */
export interface NotDueAutomation {
  automationId: string;
  name: string;
  /** The schedule in words, such as `Mondays at 05:00`. */
  schedule: string;
  /** The next run date after the run date, as `YYYY-MM-DD`. */
  nextRunDate: CalendarDate;
}

/**
 * Lists the sample automations that are not due on `runDate`, with their schedule in words and
 * their next run date in `timeZone`, so the summary can explain why the run left them out. Automations
 * listed in `unsaved` are left out, because they are not in the store.
 */
export function listNotDue(
  inputs: readonly AutomationDraftInput[],
  unsaved: ReadonlySet<string>,
  runDate: CalendarDate,
  timeZone: string,
): NotDueAutomation[] {
  const runTime = localTimeToInstant(runDate, RUN_TIME, timeZone);
  const automations = inputs
    .map((input) => ({
      id: input.id as string,
      name: input.name,
      schedule: parseSchedule(input.schedule),
    }))
    .filter((automation) => !unsaved.has(automation.id))
    .filter((automation) => !isRunDate(automation.schedule, runDate));

  return automations.map((automation) => {
    // A valid schedule always has a next run time, so the fallback is never used.
    const next = nextRunTime(automation.schedule, { after: runTime, timeZone }) ?? runTime;

    return {
      automationId: automation.id,
      name: automation.name,
      schedule: describeSchedule(automation.schedule),
      nextRunDate: localDate(next, timeZone),
    };
  });
}
