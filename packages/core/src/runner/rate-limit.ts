import type { RunnerTimer } from './timer.js';

const MS_PER_SECOND = 1000;

/**
 * A token bucket: up to `ratePerSecond` calls per second on average, with bursts of at most
 * `ratePerSecond` calls (one second's worth, and at least one). Callers that find the bucket empty
 * each book the next free slot and wait for it, so they pass in the order they called `take`.
 */
export class TokenBucket {
  readonly #ratePerMs: number;
  readonly #capacity: number;
  readonly #timer: RunnerTimer;
  #tokens: number;
  #updatedAt: number;

  constructor(ratePerSecond: number, timer: RunnerTimer) {
    this.#ratePerMs = ratePerSecond / MS_PER_SECOND;
    this.#capacity = Math.max(1, ratePerSecond);
    this.#timer = timer;
    this.#tokens = this.#capacity;
    this.#updatedAt = timer.now();
  }

  /**
   * Takes one token, waiting until one is due. Rejects with the signal's reason when it aborts
   * while waiting, and gives the booked token back.
   */
  async take(signal?: AbortSignal): Promise<void> {
    this.#refill();
    this.#tokens -= 1;
    if (this.#tokens >= 0) return;

    // A negative balance books the slots of earlier waiters, so this wait ends after theirs.
    const waitMs = -this.#tokens / this.#ratePerMs;
    try {
      await this.#timer.sleep(waitMs, signal);
    } catch (error) {
      this.#tokens += 1;
      throw error;
    }
  }

  #refill(): void {
    const now = this.#timer.now();
    const earned = (now - this.#updatedAt) * this.#ratePerMs;
    this.#tokens = Math.min(this.#capacity, this.#tokens + earned);
    this.#updatedAt = now;
  }
}
