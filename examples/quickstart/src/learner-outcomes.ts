import {
  type Automation,
  type AutomationRunReport,
  type Learner,
  type LedgerStatus,
  normalizeEmail,
  normalizeMobile,
  type SkipReason,
} from '@pics/automations-core';
import type { QuickstartStorage } from './storage.js';

/**
 * Outcome of one matched learner on the run date: a message sent or failed, or the reason it was
 * skipped. Plain `skipped` is a ledger entry that another host marked skipped without a reason.
 */
export type LearnerOutcome = 'sent' | 'failed' | 'skipped' | SkipReason;

const LEDGER_OUTCOMES: Record<LedgerStatus, LearnerOutcome> = {
  sent: 'sent',
  failed: 'failed',
  reserved: 'uncertain',
  skipped: 'skipped',
};

/** One matched learner and their outcome. */
export interface LearnerOutcomeRow {
  learnerId: string;
  outcome: LearnerOutcome;
}

/**
 * Lists each learner an automation matches on the run date with their outcome, in learner id
 * order, for a report that names learners and not only counts them. Meant for small populations
 * such as one ILR file, because it reads every matched learner again.
 *
 * It reads the state after the run. A learner without a usable address, or whose contact methods
 * exclude the channel, is skipped for that reason. Otherwise the ledger entry of the run date
 * gives the outcome, from this process or an earlier one: `sent`, `failed`, or `uncertain` while
 * `reserved`. No entry means Max Messages was reached. In a dry run, the learners in the plan are
 * `sent`, and an existing entry means `alreadySent`.
 *
 * NOTE: the address and contact-method checks repeat the runner's, because its report only
 * counts skips. The quickstart's tests check these rows against the report's counts.
 */
export async function listLearnerOutcomes(args: OutcomeArgs): Promise<LearnerOutcomeRow[]> {
  const { storage, automation, report } = args;
  const planned = new Set(report.planned?.map((message) => message.learnerId));
  const rows: LearnerOutcomeRow[] = [];
  const learners = storage.learners.findLearners({
    filters: automation.filters,
    runDate: report.runDate,
  });
  for await (const learner of learners) {
    rows.push({ learnerId: learner.id, outcome: await outcomeOf(args, learner, planned) });
  }

  return rows;
}

/** Arguments of {@link listLearnerOutcomes}. */
export interface OutcomeArgs {
  storage: QuickstartStorage;
  automation: Automation;
  /** The automation's report from the run. */
  report: AutomationRunReport;
  dryRun: boolean;
}

async function outcomeOf(
  args: OutcomeArgs,
  learner: Learner,
  planned: ReadonlySet<string>,
): Promise<LearnerOutcome> {
  const { automation, report } = args;
  if (!hasUsableAddress(automation, learner)) return 'noAddress';
  if (
    automation.delivery.respectContactMethods &&
    !learner.allowedContactMethods.includes(automation.channel)
  ) {
    return 'contactMethodNotAllowed';
  }
  if (planned.has(learner.id)) return 'sent';

  const entry = await args.storage.ledger.get({
    automationId: automation.id,
    learnerId: learner.id,
    runDate: report.runDate,
  });
  if (entry === undefined) return 'maxMessagesReached';
  if (args.dryRun && entry.status !== 'reserved') return 'alreadySent';

  return LEDGER_OUTCOMES[entry.status];
}

function hasUsableAddress(automation: Automation, learner: Learner): boolean {
  if (automation.channel === 'email') return normalizeEmail(learner.email) !== undefined;

  return normalizeMobile(learner.mobile) !== undefined;
}
