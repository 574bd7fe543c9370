import { describe, expect, it } from 'vitest';
import { DeliveryError } from '../../src/errors/errors.js';
import { DEFAULT_RETRY, isTransient, retryDelay, sendWithRetry } from '../../src/runner/retry.js';
import { createFakeTimer, permanentError, transientError } from './support.js';

const policy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 1000 };

describe('retryDelay', () => {
  it('doubles the ceiling each retry', () => {
    const delays = [1, 2, 3, 4].map((attempt) =>
      retryDelay(new Error(), attempt, policy, () => 0.999),
    );

    expect(delays).toEqual([99, 199, 399, 799]);
  });

  it('caps at maxDelayMs', () => {
    expect(retryDelay(new Error(), 10, policy, () => 0.999)).toBe(999);
  });

  it('can be zero with full jitter', () => {
    expect(retryDelay(new Error(), 3, policy, () => 0)).toBe(0);
  });

  it('waits at least retryAfterMs', () => {
    expect(retryDelay(transientError(700), 1, policy, () => 0.5)).toBe(700);
  });

  it('rejects retryAfterMs over the cap', () => {
    expect(retryDelay(transientError(1001), 1, policy, () => 0.5)).toBeUndefined();
  });
});

describe('isTransient', () => {
  it('reads DeliveryError.transient', () => {
    expect(isTransient(permanentError())).toBe(false);
    expect(isTransient(transientError())).toBe(true);
  });

  it('treats other errors as transient', () => {
    expect(isTransient(new Error('ECONNRESET'))).toBe(true);
  });
});

describe('sendWithRetry', () => {
  it('stops retrying once aborted', async () => {
    const controller = new AbortController();
    let calls = 0;
    const outcome = await sendWithRetry({
      send: async () => {
        calls += 1;
        controller.abort();
        throw new DeliveryError('timed out', { transient: true });
      },
      policy: DEFAULT_RETRY,
      timer: createFakeTimer(),
      signal: controller.signal,
    });

    expect(calls).toBe(1);
    expect(outcome.ok).toBe(false);
  });

  it('returns the attempt count', async () => {
    let calls = 0;
    const outcome = await sendWithRetry({
      send: async () => {
        calls += 1;
        if (calls < 2) throw new Error('flaky');
        return 'ok';
      },
      policy,
      timer: createFakeTimer(),
      signal: new AbortController().signal,
    });

    expect(outcome).toEqual({ ok: true, result: 'ok', attempts: 2 });
  });
});
