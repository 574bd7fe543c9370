import { describe, expect, test } from 'vitest';
import { NotFoundError } from '../errors/errors.js';
import { addDays } from '../model/calendar-date.js';
import type { LedgerKey } from '../ports/delivery-ledger.js';
import type { Storage } from '../ports/storage.js';
import { CONTRACT_NOW, contractInstant } from './fixtures.js';

const KEY: LedgerKey = { automationId: 'a-1', learnerId: 'L01', runDate: '2026-12-07' };

/** Returns the key of the same automation and learner `days` days after {@link KEY}. */
function onDay(days: number): LedgerKey {
  return { ...KEY, runDate: addDays(KEY.runDate, days) };
}

/** Registers the tests of the `DeliveryLedger` contract. */
export function describeDeliveryLedgerContract(storage: () => Storage): void {
  describe('delivery ledger', () => {
    describeReserve(storage);
    describeMaxMessages(storage);
    describeComplete(storage);
    describeQueries(storage);
  });
}

function describeReserve(storage: () => Storage): void {
  test('reserve writes a reserved entry', async () => {
    const result = await storage().ledger.reserve({ ...KEY, now: CONTRACT_NOW });

    expect(result.outcome).toBe('reserved');
    const entry = await storage().ledger.get(KEY);
    expect(entry).toMatchObject({ ...KEY, status: 'reserved', attempts: 0 });
    expect(entry?.createdAt.getTime()).toBe(CONTRACT_NOW.getTime());
  });

  test('reserve of taken key returns exists', async () => {
    await storage().ledger.reserve({ ...KEY, now: CONTRACT_NOW });

    const result = await storage().ledger.reserve({ ...KEY, now: CONTRACT_NOW });

    expect(result.outcome).toBe('exists');
    expect(result).toMatchObject({ entry: { status: 'reserved' } });
  });

  test('50 concurrent reserves: one reserved', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, () => storage().ledger.reserve({ ...KEY, now: CONTRACT_NOW })),
    );

    const outcomes = results.map((result) => result.outcome);
    expect(outcomes.filter((outcome) => outcome === 'reserved')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'exists')).toHaveLength(49);
  });

  test('reserve keys are independent', async () => {
    await storage().ledger.reserve({ ...KEY, now: CONTRACT_NOW });

    const otherLearner = await storage().ledger.reserve({
      ...KEY,
      learnerId: 'L02',
      now: CONTRACT_NOW,
    });
    const otherAutomation = await storage().ledger.reserve({
      ...KEY,
      automationId: 'a-2',
      now: CONTRACT_NOW,
    });
    const otherDay = await storage().ledger.reserve({ ...onDay(1), now: CONTRACT_NOW });

    expect(otherLearner.outcome).toBe('reserved');
    expect(otherAutomation.outcome).toBe('reserved');
    expect(otherDay.outcome).toBe('reserved');
  });
}

async function sendOn(storage: Storage, key: LedgerKey): Promise<void> {
  await storage.ledger.reserve({ ...key, now: CONTRACT_NOW });
  await storage.ledger.complete({ ...key, status: 'sent', attempts: 1, now: CONTRACT_NOW });
}

function describeMaxMessages(storage: () => Storage): void {
  test('maxMessages counts sent across run dates', async () => {
    await sendOn(storage(), onDay(0));
    await sendOn(storage(), onDay(7));

    const result = await storage().ledger.reserve({
      ...onDay(14),
      maxMessages: 2,
      now: CONTRACT_NOW,
    });

    expect(result).toEqual({ outcome: 'maxMessagesReached', count: 2 });
    expect(await storage().ledger.get(onDay(14))).toBeUndefined();
  });

  test('maxMessages counts reserved entries', async () => {
    await storage().ledger.reserve({ ...onDay(0), now: CONTRACT_NOW });

    const result = await storage().ledger.reserve({
      ...onDay(7),
      maxMessages: 1,
      now: CONTRACT_NOW,
    });

    expect(result.outcome).toBe('maxMessagesReached');
  });

  test('maxMessages ignores failed and skipped', async () => {
    for (const [days, status] of [
      [0, 'failed'],
      [7, 'skipped'],
    ] as const) {
      await storage().ledger.reserve({ ...onDay(days), now: CONTRACT_NOW });
      await storage().ledger.complete({ ...onDay(days), status, attempts: 1, now: CONTRACT_NOW });
    }

    const result = await storage().ledger.reserve({
      ...onDay(14),
      maxMessages: 1,
      now: CONTRACT_NOW,
    });

    expect(result.outcome).toBe('reserved');
  });

  test('maxMessages below count allows reserve', async () => {
    await sendOn(storage(), onDay(0));

    const result = await storage().ledger.reserve({
      ...onDay(7),
      maxMessages: 2,
      now: CONTRACT_NOW,
    });

    expect(result.outcome).toBe('reserved');
  });

  test('maxMessages is per automation and learner', async () => {
    await sendOn(storage(), { ...KEY, automationId: 'a-2' });
    await sendOn(storage(), { ...KEY, learnerId: 'L02' });

    const result = await storage().ledger.reserve({ ...KEY, maxMessages: 1, now: CONTRACT_NOW });

    expect(result.outcome).toBe('reserved');
  });

  test('null maxMessages means no limit', async () => {
    for (const days of [0, 7, 14]) await sendOn(storage(), onDay(days));

    const result = await storage().ledger.reserve({
      ...onDay(21),
      maxMessages: null,
      now: CONTRACT_NOW,
    });

    expect(result.outcome).toBe('reserved');
  });

  test('concurrent run dates never exceed cap', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, days) =>
        storage().ledger.reserve({ ...onDay(days), maxMessages: 3, now: CONTRACT_NOW }),
      ),
    );

    const outcomes = results.map((result) => result.outcome);
    expect(outcomes.filter((outcome) => outcome === 'reserved')).toHaveLength(3);
    expect(outcomes.filter((outcome) => outcome === 'maxMessagesReached')).toHaveLength(17);
  });
}

function describeComplete(storage: () => Storage): void {
  test('complete records the outcome', async () => {
    await storage().ledger.reserve({ ...KEY, now: CONTRACT_NOW });

    const later = contractInstant(1_000);
    const entry = await storage().ledger.complete({
      ...KEY,
      status: 'failed',
      attempts: 3,
      error: 'mailbox unavailable',
      errorCode: '550',
      now: later,
    });

    expect(entry).toMatchObject({ status: 'failed', attempts: 3, errorCode: '550' });
    expect(entry.error).toBe('mailbox unavailable');
    expect(entry.updatedAt.getTime()).toBe(later.getTime());
    expect(await storage().ledger.get(KEY)).toMatchObject({ status: 'failed', attempts: 3 });
  });

  test('complete stores SMS segments and encoding', async () => {
    await storage().ledger.reserve({ ...KEY, now: CONTRACT_NOW });

    const entry = await storage().ledger.complete({
      ...KEY,
      status: 'sent',
      attempts: 1,
      segments: 3,
      encoding: 'UCS-2',
      now: CONTRACT_NOW,
    });
    const stored = await storage().ledger.get(KEY);

    expect(entry).toMatchObject({ segments: 3, encoding: 'UCS-2' });
    expect(stored?.segments).toBe(3);
    expect(stored?.encoding).toBe('UCS-2');
  });

  test('email entry has no SMS size', async () => {
    await sendOn(storage(), KEY);

    const stored = await storage().ledger.get(KEY);

    expect(stored?.segments).toBeUndefined();
    expect(stored?.encoding).toBeUndefined();
  });

  test('complete unknown key rejects', async () => {
    const completion = storage().ledger.complete({
      ...KEY,
      status: 'sent',
      attempts: 1,
      now: CONTRACT_NOW,
    });

    await expect(completion).rejects.toBeInstanceOf(NotFoundError);
  });

  test('get unknown key returns undefined', async () => {
    expect(await storage().ledger.get(KEY)).toBeUndefined();
  });
}

function describeQueries(storage: () => Storage): void {
  test('countSent counts only sent entries', async () => {
    await sendOn(storage(), onDay(0));
    await sendOn(storage(), onDay(7));
    await storage().ledger.reserve({ ...onDay(14), now: CONTRACT_NOW });
    await sendOn(storage(), { ...KEY, automationId: 'a-2' });

    expect(await storage().ledger.countSent(KEY)).toBe(2);
  });

  test('listReserved returns one run in learner order', async () => {
    for (const learnerId of ['L03', 'L01', 'L02', 'L04']) {
      await storage().ledger.reserve({ ...KEY, learnerId, now: CONTRACT_NOW });
    }
    await storage().ledger.complete({
      ...KEY,
      learnerId: 'L04',
      status: 'sent',
      attempts: 1,
      now: CONTRACT_NOW,
    });
    await storage().ledger.reserve({ ...onDay(1), learnerId: 'L05', now: CONTRACT_NOW });
    await storage().ledger.reserve({
      ...KEY,
      automationId: 'a-2',
      learnerId: 'L06',
      now: CONTRACT_NOW,
    });

    const reserved = await storage().ledger.listReserved(KEY);

    expect(reserved.map((entry) => entry.learnerId)).toEqual(['L01', 'L02', 'L03']);
  });

  test('recordDeliveryStatus finds by message id', async () => {
    await storage().ledger.reserve({ ...KEY, now: CONTRACT_NOW });
    await storage().ledger.complete({
      ...KEY,
      status: 'sent',
      attempts: 1,
      transportMessageId: 'SM123',
      now: CONTRACT_NOW,
    });

    const later = contractInstant(60_000);
    const entry = await storage().ledger.recordDeliveryStatus({
      transportMessageId: 'SM123',
      deliveryStatus: 'undelivered',
      errorCode: '30003',
      now: later,
    });

    expect(entry).toMatchObject({ ...KEY, deliveryStatus: 'undelivered', errorCode: '30003' });
    expect(entry?.status).toBe('sent');
    expect(entry?.updatedAt.getTime()).toBe(later.getTime());
    expect(await storage().ledger.get(KEY)).toMatchObject({ deliveryStatus: 'undelivered' });
  });

  test('recordDeliveryStatus unknown id returns undefined', async () => {
    const entry = await storage().ledger.recordDeliveryStatus({
      transportMessageId: 'SM-missing',
      deliveryStatus: 'delivered',
      now: CONTRACT_NOW,
    });

    expect(entry).toBeUndefined();
  });
}
