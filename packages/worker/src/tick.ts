import {
  type CalendarDate,
  listDueAutomations,
  localDate,
  localTimeToInstant,
  RUN_TIME,
} from '@pics/automations-core';
import type { WorkerContext } from './context.js';
import { type PlanJobData, planJobId, QUEUES } from './jobs.js';

/** Result of one tick. */
export interface TickResult {
  /** The local date of `now` in the worker's time zone. */
  runDate: CalendarDate;
  /** False when `now` is before 05:00 local time, so nothing was looked at. */
  reachedRunTime: boolean;
  /** Automations due on the run date whose run was not planned yet. */
  due: string[];
  /** Plan jobs created by this tick; a job that already existed is not created again. */
  planJobsCreated: number;
}

/**
 * Sends a plan job for every automation due on the local date of `now` whose run is not planned
 * yet, once `now` has reached 05:00 local time. Each job has an id derived from the automation id
 * and the run date, so ticks that repeat or overlap create it once. A host that was down at 05:00
 * plans the day's runs at its first tick after. Earlier days are never planned.
 */
export async function tick(context: WorkerContext, now: Date): Promise<TickResult> {
  const { config } = context;
  const runDate = localDate(now, config.timeZone);
  const result: TickResult = { runDate, reachedRunTime: false, due: [], planJobsCreated: 0 };
  if (now.getTime() < localTimeToInstant(runDate, RUN_TIME, config.timeZone).getTime()) {
    config.logger.debug({ runDate }, 'Tick before the run time, so nothing is planned yet today');
    return result;
  }

  result.reachedRunTime = true;
  const planned = await plannedAutomations(context, runDate);
  const due = await listDueAutomations(config.storage.automations, runDate);
  for (const automation of due.filter(({ id }) => !planned.has(id))) {
    result.due.push(automation.id);
    if (await sendPlanJob(context, { automationId: automation.id, runDate })) {
      result.planJobsCreated += 1;
    }
  }
  config.logger.info({ ...result }, 'Tick finished');

  return result;
}

async function plannedAutomations(context: WorkerContext, runDate: CalendarDate) {
  const { rows } = await context.config.pool.query<{ automation_id: string }>(
    `SELECT automation_id FROM ${context.config.schema}.run_plans WHERE run_date = $1::date`,
    [runDate],
  );

  return new Set(rows.map((row) => row.automation_id));
}

async function sendPlanJob(context: WorkerContext, data: PlanJobData): Promise<boolean> {
  const { config } = context;
  const id = await context.boss.send(QUEUES.plan, data, {
    id: planJobId(data),
    expireInSeconds: config.planExpireInSeconds,
    retryLimit: config.retryLimit,
    retryDelay: config.retryDelaySeconds,
    retryBackoff: true,
  });

  return id !== null;
}
