import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../src/runner/rate-limit.js';
import { createFakeTimer } from './support.js';

describe('TokenBucket', () => {
  it('allows a burst of one second', async () => {
    const timer = createFakeTimer();
    const bucket = new TokenBucket(5, timer);
    for (let index = 0; index < 5; index++) await bucket.take();

    expect(timer.sleeps).toEqual([]);
  });

  it('books later slots in order', async () => {
    const timer = createFakeTimer();
    const bucket = new TokenBucket(4, timer);
    await Promise.all(Array.from({ length: 7 }, () => bucket.take()));

    expect(timer.sleeps).toEqual([250, 500, 750]);
  });

  it('refills with time', async () => {
    const timer = createFakeTimer();
    const bucket = new TokenBucket(1, timer);
    await bucket.take();
    await timer.sleep(1000);
    await bucket.take();

    expect(timer.sleeps).toEqual([1000]);
  });

  it('limits a rate below one', async () => {
    const timer = createFakeTimer();
    const bucket = new TokenBucket(0.5, timer);
    await bucket.take();
    await bucket.take();

    expect(timer.now()).toBe(2000);
  });

  it('returns the token on abort', async () => {
    const timer = createFakeTimer();
    const bucket = new TokenBucket(1, timer);
    await bucket.take();
    const controller = new AbortController();
    controller.abort();

    await expect(bucket.take(controller.signal)).rejects.toBeDefined();
    await bucket.take();
    expect(timer.sleeps).toEqual([1000]);
  });
});
