import { performance } from 'node:perf_hooks';

/**
 * The clock and the waits of a runner: backoff between retries, rate limiting, run durations.
 * Tests and simulations pass one whose `sleep` advances a fake clock instead of waiting.
 */
export interface RunnerTimer {
  /** Milliseconds on a monotonic clock; only differences between two readings are used. */
  now(): number;
  /**
   * Resolves after `ms` milliseconds. MUST reject with the signal's reason when the signal aborts
   * first, or is aborted already.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The process clock (`performance.now`) with `setTimeout` for waits. */
export const systemTimer: RunnerTimer = {
  now: () => performance.now(),
  sleep: sleepWithSignal,
};

function sleepWithSignal(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }

    const onAbort = () => {
      clearTimeout(timeout);
      reject(signal?.reason);
    };
    const timeout = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
