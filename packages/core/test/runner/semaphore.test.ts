import { describe, expect, it } from 'vitest';
import { Semaphore } from '../../src/runner/semaphore.js';

describe('Semaphore', () => {
  it('grants up to its permits', async () => {
    const semaphore = new Semaphore(2);
    let granted = 0;
    for (let index = 0; index < 3; index++) void semaphore.acquire().then(() => granted++);
    await Promise.resolve();

    expect(granted).toBe(2);
  });

  it('hands a released permit on in order', async () => {
    const semaphore = new Semaphore(1);
    const order: number[] = [];
    await semaphore.acquire();
    const waiters = [1, 2].map((id) => semaphore.acquire().then(() => order.push(id)));
    semaphore.release();
    semaphore.release();
    await Promise.all(waiters);

    expect(order).toEqual([1, 2]);
  });
});
