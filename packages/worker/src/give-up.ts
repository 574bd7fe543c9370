import type { LearnerOutcome, LedgerEntry } from '@pics/automations-core';
import { pendingRecipients, type RecipientOutcome, recordOutcomes } from './batch.js';
import type { WorkerContext } from './context.js';
import type { BatchJobData } from './jobs.js';

/**
 * Closes a send-batch job that pg-boss gave up after its last retry: records an outcome for every
 * recipient still without one, from the ledger, and finishes the batch, so the run can finish.
 * Nothing is sent. A recipient with no ledger entry counts as failed (`retriesExhausted`), one
 * left `reserved` as uncertain, and one whose entry is complete keeps the entry's outcome.
 *
 * @returns the number of recipients recorded.
 */
export async function giveUpBatch(context: WorkerContext, data: BatchJobData): Promise<number> {
  const { config } = context;
  const outcomes: RecipientOutcome[] = [];
  for (const { learnerId } of await pendingRecipients(context, data)) {
    const entry = await config.storage.ledger.get({ ...data, learnerId });
    outcomes.push({ learnerId, outcome: outcomeFromLedger(entry) });
  }
  await recordOutcomes(context, data, outcomes, true);
  config.logger.error(
    { ...data, recipients: outcomes.length },
    'Send-batch job failed on every retry: its remaining recipients are recorded as not sent and the run goes on',
  );

  return outcomes.length;
}

function outcomeFromLedger(entry: LedgerEntry | undefined): LearnerOutcome {
  if (entry?.status === 'sent') {
    return { status: 'sent', segments: entry.segments, encoding: entry.encoding };
  }
  if (entry?.status === 'reserved') return { status: 'skipped', reason: 'uncertain' };

  return { status: 'failed', reason: 'retriesExhausted' };
}
