import { DeliveryError } from '../errors/errors.js';
import { SendTimedOutError } from './send-timeout.js';
import { readSafely } from './thrown.js';
import type { RunnerTimer } from './timer.js';

/** A retry policy with every default of `RetryOptions` applied. */
export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Defaults of `RetryOptions`. */
export const DEFAULT_RETRY: Readonly<RetryPolicy> = Object.freeze({
  attempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
});

/** Outcome of sending one message with retries. */
export type SendOutcome<Result> =
  | { ok: true; result: Result; attempts: number }
  | { ok: false; reason: 'permanent' | 'retriesExhausted'; error: unknown; attempts: number }
  | { ok: false; reason: 'timedOut'; error: SendTimedOutError; attempts: number };

/** Arguments of {@link sendWithRetry}. */
export interface SendWithRetryArgs<Result> {
  /** Makes one transport call. */
  send: () => Promise<Result>;
  policy: RetryPolicy;
  timer: RunnerTimer;
  /** Stops retrying when aborted; a call already made still completes. */
  signal: AbortSignal;
  /** Returns a number in [0, 1) for the jitter. @default Math.random */
  random?: () => number;
  /** Called before each wait, to log it. */
  onRetry?: (retry: { attempt: number; delayMs: number; error: unknown }) => void;
}

/**
 * Calls `send` until it succeeds, fails permanently, or has been called `policy.attempts` times.
 *
 * A `DeliveryError` with `transient: false` is permanent and never retried. Any other error is
 * transient. Before retry n the wait is a random time up to `baseDelayMs * 2^(n-1)`, capped at
 * `maxDelayMs` (full jitter), and at least the error's `retryAfterMs`. When `retryAfterMs` is
 * longer than `maxDelayMs`, the message fails as `retriesExhausted` at once instead of tying up a
 * slot that long. A {@link SendTimedOutError} ends with `timedOut` and is never retried, because
 * the provider may have accepted the message. Never throws.
 */
export async function sendWithRetry<Result>(
  args: SendWithRetryArgs<Result>,
): Promise<SendOutcome<Result>> {
  const random = args.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return { ok: true, result: await args.send(), attempts: attempt };
    } catch (error) {
      if (error instanceof SendTimedOutError) {
        return { ok: false, reason: 'timedOut', error, attempts: attempt };
      }
      if (!isTransient(error)) return { ok: false, reason: 'permanent', error, attempts: attempt };

      const delayMs = retryDelay(error, attempt, args.policy, random);
      const exhausted = attempt >= args.policy.attempts || delayMs === undefined;
      if (exhausted || args.signal.aborted) {
        return { ok: false, reason: 'retriesExhausted', error, attempts: attempt };
      }

      args.onRetry?.({ attempt, delayMs, error });
      const waited = await waitUnlessAborted(args.timer, delayMs, args.signal);
      if (!waited) return { ok: false, reason: 'retriesExhausted', error, attempts: attempt };
    }
  }
}

/**
 * Returns whether a retry of the call that threw `error` may succeed. A `DeliveryError` whose
 * `transient` cannot be read counts as transient, like any other error.
 */
export function isTransient(error: unknown): boolean {
  return readSafely(() => (error instanceof DeliveryError ? Boolean(error.transient) : true), true);
}

/**
 * Returns the wait before the retry that follows attempt `attempt` (1 for the first call), or
 * `undefined` when the provider asked for a longer wait than `maxDelayMs`.
 */
export function retryDelay(
  error: unknown,
  attempt: number,
  policy: RetryPolicy,
  random: () => number,
): number | undefined {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.floor(random() * ceiling);
  const retryAfterMs = readSafely(
    () => (error instanceof DeliveryError ? error.retryAfterMs : undefined),
    undefined,
  );
  if (typeof retryAfterMs !== 'number' || Number.isNaN(retryAfterMs)) return jittered;
  if (retryAfterMs > policy.maxDelayMs) return undefined;

  return Math.max(jittered, retryAfterMs);
}

async function waitUnlessAborted(timer: RunnerTimer, ms: number, signal: AbortSignal) {
  try {
    await timer.sleep(ms, signal);

    return true;
  } catch {
    return false;
  }
}
