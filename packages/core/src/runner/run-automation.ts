import type { Automation } from '../model/automation.js';
import type { CalendarDate } from '../model/calendar-date.js';
import type { RunnerConfig } from './config.js';
import { createRunContext, type RunContext } from './context.js';
import { keepLease } from './lease.js';
import { countFields, emptyRunReport } from './report.js';
import { errorText } from './thrown.js';
import { assertTransportFor } from './transport-call.js';
import type { AutomationRunReport, RunProgress } from './types.js';
import { workRun } from './work-run.js';

/** Arguments of {@link runAutomationOnce}. */
export interface RunAutomationArgs {
  automation: Automation;
  runDate: CalendarDate;
  now: Date;
  dryRun: boolean;
  onProgress?: ((progress: RunProgress) => void) | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * Runs one automation on one run date and returns its report, also when the run fails. An error
 * of the run becomes a report with status `failed` and is logged, so the caller can go on with
 * the other automations.
 *
 * A real run claims the run first, renews the lease while it works and marks the run finished with
 * the report as its summary. A run that fails is left unfinished, so another call can take it over
 * once the lease lapses. A dry run claims and writes nothing.
 */
export async function runAutomationOnce(
  config: RunnerConfig,
  args: RunAutomationArgs,
): Promise<AutomationRunReport> {
  const startedAt = config.timer.now();
  const { automation, runDate } = args;
  const report = emptyRunReport(automation, runDate, 'completed');
  const logger = config.logger.child({ automationId: automation.id, runDate });
  try {
    assertTransportFor(config, automation);
    const context = createRunContext({ ...args, config, report, logger });
    if (args.dryRun) await workDryRun(context);
    else await claimAndWork(context, args.now, startedAt);
  } catch (error) {
    report.status = 'failed';
    report.error = errorText(error);
    logger.error(
      { err: error, automationId: automation.id },
      'Run failed, going on with the other automations',
    );
  }
  report.durationMs = Math.round(config.timer.now() - startedAt);

  return report;
}

async function workDryRun(context: RunContext): Promise<void> {
  context.logger.info({ dryRun: true }, 'Dry run started');
  await workRun(context);
  context.report.planned = context.planned;
  context.logger.info(countFields(context.report), 'Dry run finished');
}

async function claimAndWork(context: RunContext, now: Date, startedAt: number): Promise<void> {
  const { config, automation, runDate, report } = context;
  const claim = await config.storage.runs.claim({
    automationId: automation.id,
    runDate,
    holder: config.holder,
    leaseMs: config.leaseMs,
    now,
  });
  if (claim.outcome !== 'claimed') {
    report.status = claim.outcome === 'finished' ? 'alreadyFinished' : 'heldElsewhere';
    context.logger.info(
      { status: report.status, holder: claim.run.holder },
      'Run not started: it is finished or held by another process',
    );
    return;
  }

  context.logger.info({ holder: config.holder, takenOver: claim.takenOver }, 'Run started');
  const stopRenewing = keepLease(context);
  try {
    await workRun(context);
  } finally {
    stopRenewing();
  }

  report.durationMs = Math.round(config.timer.now() - startedAt);
  await config.storage.runs.finish({
    automationId: automation.id,
    runDate,
    holder: config.holder,
    summary: report,
    now: context.clock(),
  });
  context.logger.info(countFields(report), 'Run finished');
}
