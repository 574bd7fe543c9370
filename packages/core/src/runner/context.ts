import type { Automation } from '../model/automation.js';
import type { CalendarDate } from '../model/calendar-date.js';
import type { LedgerKey } from '../ports/delivery-ledger.js';
import type { Logger } from '../ports/logger.js';
import type { RunnerConfig } from './config.js';
import { compileMessageTemplates, type MessageTemplates } from './prepare.js';
import type { AutomationRunReport, PlannedMessage, RunProgress } from './types.js';

/** Everything the steps of one automation's run share. */
export interface RunContext {
  config: RunnerConfig;
  automation: Automation;
  runDate: CalendarDate;
  dryRun: boolean;
  /** The report the steps add their counts to. */
  report: AutomationRunReport;
  /** Scoped with the automation id and the run date. */
  logger: Logger;
  /** Aborts when the caller aborts, the lease is lost or a step fails: no new sends start. */
  stop: AbortController;
  /** The caller's `now` plus the time elapsed since the run started. */
  clock: () => Date;
  templates: MessageTemplates;
  onProgress?: ((progress: RunProgress) => void) | undefined;
  /** Dry run only: the messages that would be sent. */
  planned?: PlannedMessage[] | undefined;
}

/** Arguments of {@link createRunContext}. */
export interface RunContextArgs {
  config: RunnerConfig;
  automation: Automation;
  runDate: CalendarDate;
  now: Date;
  dryRun: boolean;
  report: AutomationRunReport;
  logger: Logger;
  onProgress?: ((progress: RunProgress) => void) | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * Creates the context of one run: compiles the templates once and links the caller's signal to
 * the run's own abort controller.
 */
export function createRunContext(args: RunContextArgs): RunContext {
  const startedAt = args.config.timer.now();
  const stop = new AbortController();
  linkSignal(args.signal, stop);

  return {
    ...args,
    stop,
    clock: () => new Date(args.now.getTime() + (args.config.timer.now() - startedAt)),
    templates: compileMessageTemplates(args.automation, args.config.catalogue),
    planned: args.dryRun ? [] : undefined,
  };
}

/** Returns the ledger key of one learner's message in this run. */
export function ledgerKey(context: RunContext, learnerId: string): LedgerKey {
  return { automationId: context.automation.id, learnerId, runDate: context.runDate };
}

/** Returns the idempotency key of one message: stable per automation, learner and run date. */
export function idempotencyKey(context: RunContext, learnerId: string): string {
  return `${context.automation.id}:${learnerId}:${context.runDate}`;
}

function linkSignal(signal: AbortSignal | undefined, stop: AbortController): void {
  if (signal === undefined) return;
  if (signal.aborted) {
    stop.abort(signal.reason);
    return;
  }

  signal.addEventListener('abort', () => stop.abort(signal.reason), { once: true });
}
