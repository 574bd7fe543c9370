import { DeliveryError } from '../errors/errors.js';

/** Default of `RunnerOptions.sendTimeoutMs`: two minutes. */
export const DEFAULT_SEND_TIMEOUT_MS = 120_000;

/**
 * Raised when a transport call has not settled within `sendTimeoutMs`. The provider may have
 * accepted the message, so the runner never retries it and leaves its ledger entry reserved.
 */
export class SendTimedOutError extends DeliveryError {
  constructor(transportName: string, timeoutMs: number) {
    super(
      `The ${transportName} transport did not settle a send within ${timeoutMs} ms, so the message may or may not have been sent: check the provider, and raise the runner option sendTimeoutMs if its sends are this slow`,
      { transient: true },
    );
  }
}

/**
 * Calls `send` with a signal that aborts after `timeoutMs`, and rejects with
 * {@link SendTimedOutError} when the call has not settled by then.
 *
 * NOTE: a transport that ignores the signal keeps its call running after the rejection; the
 * runner no longer waits for it.
 */
export function withSendTimeout<Result>(
  send: (signal: AbortSignal) => Promise<Result>,
  options: { timeoutMs: number; transportName: string },
): Promise<Result> {
  const controller = new AbortController();

  return new Promise<Result>((resolve, reject) => {
    const timeout = setTimeout(() => {
      reject(new SendTimedOutError(options.transportName, options.timeoutMs));
      controller.abort(new SendTimedOutError(options.transportName, options.timeoutMs));
    }, options.timeoutMs);
    timeout.unref?.();

    const settle = () => clearTimeout(timeout);
    Promise.resolve()
      .then(() => send(controller.signal))
      .then(resolve, reject)
      .finally(settle);
  });
}
