import type { Learner } from '../model/learner.js';
import type { RunContext } from './context.js';
import { deliverMessage } from './deliver.js';
import { planMessage } from './plan.js';
import { prepareMessage } from './prepare.js';
import { countFailure, countSkip, toProgress } from './report.js';
import { Semaphore } from './semaphore.js';

/** Learners handled between two progress updates. */
export const PROGRESS_INTERVAL = 100;

/**
 * Works one run: counts the entries an earlier attempt left `reserved`, then streams the matching
 * learners and handles each, with at most `concurrency` in flight. Learners are pulled from the
 * source only as slots free up, so memory does not grow with the number of learners.
 *
 * @throws the first error a learner's handling throws (a storage failure), once the messages in
 *   flight have finished, or the abort reason when the run was stopped.
 */
export async function workRun(context: RunContext): Promise<void> {
  await countLeftReserved(context);
  await forEachLearner(context, (learner) => handleLearner(context, learner));

  reportProgress(context);
  if (context.stop.signal.aborted) throw context.stop.signal.reason;
}

async function countLeftReserved(context: RunContext): Promise<void> {
  const { automation, runDate } = context;
  const reserved = await context.config.storage.ledger.listReserved({
    automationId: automation.id,
    runDate,
  });
  context.report.uncertain = reserved.length;
  if (reserved.length > 0) {
    context.logger.warn(
      {
        uncertain: reserved.length,
        learnerIds: reserved.slice(0, 20).map((entry) => entry.learnerId),
      },
      'Entries left reserved by an earlier attempt may have been sent; they will not be resent',
    );
  }
}

async function forEachLearner(context: RunContext, handle: (learner: Learner) => Promise<void>) {
  const semaphore = new Semaphore(context.config.concurrency);
  const inFlight = new Set<Promise<void>>();
  const signal = context.stop.signal;
  const { filters } = context.automation;
  const learners = context.config.storage.learners.findLearners({
    filters,
    runDate: context.runDate,
    signal,
  });
  let handled = 0;
  const onSettled = () => {
    semaphore.release();
    handled += 1;
    if (handled % PROGRESS_INTERVAL === 0) reportProgress(context);
  };

  // When the source throws, the messages in flight still finish before the error propagates, so
  // no send outlives the run.
  try {
    for await (const learner of learners) {
      await semaphore.acquire();
      if (signal.aborted) {
        semaphore.release();
        break;
      }

      context.report.matched += 1;
      const task: Promise<void> = handle(learner)
        .catch((error: unknown) => stopOnError(context, learner.id, error))
        .finally(() => {
          inFlight.delete(task);
          onSettled();
        });
      inFlight.add(task);
    }
  } finally {
    await Promise.all(inFlight);
  }
}

/**
 * Handles one matched learner: skips, counts a render failure, plans (dry run) or delivers, and
 * adds the result to `context.report`.
 */
export async function handleLearner(context: RunContext, learner: Learner): Promise<void> {
  const preparation = prepareMessage(context, learner);
  if (preparation.kind === 'skip') {
    countSkip(context.report, preparation.reason);
    return;
  }
  if (preparation.kind === 'renderFailed') {
    countFailure(context.report, 'renderFailed');
    context.logger.error(
      { err: preparation.error, learnerId: learner.id },
      'Rendering the message failed, going on with the next learner',
    );
    return;
  }

  if (context.dryRun) await planMessage(context, learner.id, preparation.message);
  else await deliverMessage(context, learner.id, preparation.message);
}

// The callback is host code: an error it throws is logged, because failing the run for it would
// leave a run whose messages were sent unfinished, and inside a settled task it would be an
// unhandled rejection.
function reportProgress(context: RunContext): void {
  try {
    context.onProgress?.(toProgress(context.report));
  } catch (error) {
    context.logger.warn({ err: error }, 'The onProgress callback threw; the run goes on');
  }
}

function stopOnError(context: RunContext, learnerId: string, error: unknown): void {
  context.logger.error(
    { err: error, learnerId },
    'Handling a learner failed; stopping the run after the messages in flight',
  );
  context.stop.abort(error);
}
