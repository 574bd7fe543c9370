import type { SmsEncoding } from '../merge/sms-segments.js';
import type { Automation } from '../model/automation.js';
import type { CalendarDate } from '../model/calendar-date.js';
import type { Learner } from '../model/learner.js';
import { type RunnerConfig, resolveRunnerConfig } from './config.js';
import { createRunContext, type RunContext } from './context.js';
import { emptyRunReport } from './report.js';
import { assertTransportFor } from './transport-call.js';
import type { AutomationRunReport, FailureReason, RunnerOptions, SkipReason } from './types.js';
import { handleLearner } from './work-run.js';

/**
 * Outcome of handling one matched learner: sent (for SMS with its segments and encoding, as the
 * ledger entry records them), or skipped or failed with the reason.
 */
export type LearnerOutcome =
  | { status: 'sent'; segments?: number | undefined; encoding?: SmsEncoding | undefined }
  | { status: 'skipped'; reason: SkipReason }
  | { status: 'failed'; reason: FailureReason };

/** One automation's run, prepared for delivering to its learners one at a time. */
export interface RunDelivery {
  /**
   * Handles one matched learner exactly as the runner does: checks the address and the contact
   * methods, renders the message, reserves the ledger entry (Max Messages included), sends with
   * retries, completes the entry and writes the communication log. An existing entry is never
   * sent again: it comes back as skipped `alreadySent`, or `uncertain` while still `reserved`.
   *
   * @throws the storage error when the ledger cannot be read or written.
   */
  deliver(learner: Learner): Promise<LearnerOutcome>;
}

/** Arguments of {@link LearnerDeliverer.prepareRun}. */
export interface PrepareRunArgs {
  automation: Automation;
  runDate: CalendarDate;
  /** The instant the run started, for ledger and log timestamps. @default the current time */
  now?: Date | undefined;
  /** Stops retries of transient failures when aborted; a call already made still completes. */
  signal?: AbortSignal | undefined;
}

/**
 * The runner's delivery step on its own, for hosts that split a run's learners across processes
 * and claim and finish the run themselves.
 */
export interface LearnerDeliverer {
  /**
   * Compiles the automation's templates once for a run date.
   *
   * @throws {SmsNotConfiguredError} or {AutomationsError} with code `INVALID_ARGUMENT` when no
   *   transport is configured for the automation's channel.
   */
  prepareRun(args: PrepareRunArgs): RunDelivery;
}

/**
 * Creates the runner's delivery step for one learner at a time, with the same options as
 * `createRunner` (`leaseMs` and `holder` are not used).
 *
 * @throws {AutomationsError} with code `INVALID_ARGUMENT` when an option is invalid.
 */
export function createLearnerDeliverer(options: RunnerOptions): LearnerDeliverer {
  const config = resolveRunnerConfig(options);

  return { prepareRun: (args) => prepareRun(config, args) };
}

function prepareRun(config: RunnerConfig, args: PrepareRunArgs): RunDelivery {
  assertTransportFor(config, args.automation);
  const { automation, runDate } = args;
  const context = createRunContext({
    config,
    automation,
    runDate,
    now: args.now ?? new Date(),
    dryRun: false,
    report: emptyRunReport(automation, runDate, 'completed'),
    logger: config.logger.child({ automationId: automation.id, runDate }),
    signal: args.signal,
  });

  return { deliver: (learner) => deliverOne(context, learner) };
}

// Each learner gets a report of its own, so the one count its handling adds names its outcome.
async function deliverOne(context: RunContext, learner: Learner): Promise<LearnerOutcome> {
  const report = emptyRunReport(context.automation, context.runDate, 'completed');
  await handleLearner({ ...context, report }, learner);

  return outcomeOf(report);
}

function outcomeOf(report: AutomationRunReport): LearnerOutcome {
  if (report.sent > 0) {
    return { status: 'sent', segments: report.segments, encoding: sentEncoding(report) };
  }

  const skipped = countedKey(report.skipped);
  if (skipped !== undefined) return { status: 'skipped', reason: skipped };

  return { status: 'failed', reason: countedKey(report.failed) ?? 'permanent' };
}

function sentEncoding(report: AutomationRunReport): SmsEncoding | undefined {
  return report.smsEncodings === undefined ? undefined : countedKey(report.smsEncodings);
}

function countedKey<Key extends string>(counts: Record<Key, number>): Key | undefined {
  return (Object.keys(counts) as Key[]).find((key) => counts[key] > 0);
}
