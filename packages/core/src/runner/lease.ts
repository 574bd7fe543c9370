import { AutomationsError, ErrorCode } from '../errors/errors.js';
import type { RunContext } from './context.js';

/**
 * Renews the run's lease every third of `leaseMs` until the returned function is called. When a
 * renewal finds the run held by someone else, it aborts the run's work so no new sends start.
 * A renewal that throws is logged and tried again at the next interval.
 */
export function keepLease(context: RunContext): () => void {
  const { config } = context;
  let renewing = false;
  const renew = async () => {
    if (renewing) return;
    renewing = true;
    try {
      await renewOnce(context);
    } catch (error) {
      context.logger.warn(
        { err: error },
        'Renewing the run lease failed, retrying at the next interval',
      );
    } finally {
      renewing = false;
    }
  };

  const interval = setInterval(renew, Math.max(1, Math.floor(config.leaseMs / 3)));
  interval.unref();

  return () => clearInterval(interval);
}

async function renewOnce(context: RunContext): Promise<void> {
  const { config, automation, runDate } = context;
  const renewed = await config.storage.runs.renew({
    automationId: automation.id,
    runDate,
    holder: config.holder,
    leaseMs: config.leaseMs,
    now: context.clock(),
  });
  if (renewed) return;

  const error = new AutomationsError(
    ErrorCode.VersionConflict,
    `The lease on the run of automation "${automation.id}" on ${runDate} was lost to another process: stopped sending, the new holder finishes the run`,
  );
  context.logger.error({ err: error }, 'Run lease lost, stopping after the messages in flight');
  context.stop.abort(error);
}
