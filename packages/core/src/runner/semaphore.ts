/**
 * Limits how many tasks run at once. `acquire` resolves when a permit is free, and every
 * `acquire` must be matched by one `release`. Waiters are served in the order they arrived.
 */
export class Semaphore {
  readonly #waiters: Array<() => void> = [];
  #available: number;

  constructor(permits: number) {
    this.#available = permits;
  }

  /** Resolves once a permit is taken. */
  acquire(): Promise<void> {
    if (this.#available > 0) {
      this.#available -= 1;
      return Promise.resolve();
    }

    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** Returns a permit, handing it straight to the longest waiter if there is one. */
  release(): void {
    const next = this.#waiters.shift();
    if (next === undefined) this.#available += 1;
    else next();
  }
}
