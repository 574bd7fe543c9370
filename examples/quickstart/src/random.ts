/**
 * A small seeded pseudo-random number generator (mulberry32). The same seed always gives the same
 * sequence, so the quickstart's population is the same on every run and every machine.
 */
export class SeededRandom {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** Returns a number in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let value = this.#state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);

    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** Returns true with the given probability. */
  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** Returns a whole number from `min` to `max`, both included. */
  integer(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Returns one element of a non-empty list. */
  pick<Value>(values: readonly Value[]): Value {
    return values[Math.floor(this.next() * values.length)] as Value;
  }

  /** Returns a value chosen by weight: `[[0.8, 'a'], [0.2, 'b']]` gives `'a'` 80% of the time. */
  weighted<Value>(choices: readonly (readonly [number, Value])[]): Value {
    const total = choices.reduce((sum, [weight]) => sum + weight, 0);
    let point = this.next() * total;
    for (const [weight, value] of choices) {
      point -= weight;
      if (point < 0) return value;
    }

    return choices[choices.length - 1]![1];
  }

  /** Returns a digit string of a given length, such as `"04821"`. */
  digits(length: number): string {
    return Array.from({ length }, () => String(this.integer(0, 9))).join('');
  }
}
