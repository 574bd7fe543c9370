import { describe, expect, test } from 'vitest';
import { ErrorCode } from '../errors/errors.js';
import type { RunKey } from '../ports/run-store.js';
import type { Storage } from '../ports/storage.js';
import { CONTRACT_NOW, contractInstant } from './fixtures.js';

const RUN: RunKey = { automationId: 'a-1', runDate: '2026-12-07' };
const LEASE_MS = 60_000;

/** Returns claim arguments for `holder` at `now`. */
function claimBy(holder: string, now = CONTRACT_NOW) {
  return { ...RUN, holder, leaseMs: LEASE_MS, now };
}

/** Registers the tests of the `RunStore` contract. */
export function describeRunStoreContract(storage: () => Storage): void {
  describe('run store', () => {
    describeClaim(storage);
    describeRenew(storage);
    describeFinish(storage);
  });
}

function describeClaim(storage: () => Storage): void {
  test('claim of new run succeeds', async () => {
    const result = await storage().runs.claim(claimBy('worker-1'));

    expect(result.outcome).toBe('claimed');
    expect(result).toMatchObject({ takenOver: false });
    expect(result.run).toMatchObject({ ...RUN, status: 'running', holder: 'worker-1', claims: 1 });
    expect(result.run.leaseExpiresAt.getTime()).toBe(CONTRACT_NOW.getTime() + LEASE_MS);
  });

  test('claim of live run is held', async () => {
    await storage().runs.claim(claimBy('worker-1'));

    const result = await storage().runs.claim(claimBy('worker-2', contractInstant(LEASE_MS - 1)));

    expect(result.outcome).toBe('held');
    expect(result.run.holder).toBe('worker-1');
  });

  test('concurrent claims: one wins', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) => storage().runs.claim(claimBy(`worker-${index}`))),
    );

    const outcomes = results.map((result) => result.outcome);
    expect(outcomes.filter((outcome) => outcome === 'claimed')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'held')).toHaveLength(19);
  });

  test('expired lease is taken over', async () => {
    await storage().runs.claim(claimBy('worker-1'));

    const result = await storage().runs.claim(claimBy('worker-2', contractInstant(LEASE_MS)));

    expect(result.outcome).toBe('claimed');
    expect(result).toMatchObject({ takenOver: true });
    expect(result.run.holder).toBe('worker-2');
    expect(result.run.claims).toBe(2);
    expect(result.run.leaseExpiresAt.getTime()).toBe(CONTRACT_NOW.getTime() + 2 * LEASE_MS);
  });

  test('concurrent takeovers: one wins', async () => {
    await storage().runs.claim(claimBy('worker-1'));

    const later = contractInstant(2 * LEASE_MS);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        storage().runs.claim(claimBy(`worker-${index + 2}`, later)),
      ),
    );

    const outcomes = results.map((result) => result.outcome);
    expect(outcomes.filter((outcome) => outcome === 'claimed')).toHaveLength(1);
  });

  test('finished run is never claimed again', async () => {
    await storage().runs.claim(claimBy('worker-1'));
    await storage().runs.finish({ ...RUN, holder: 'worker-1', summary: {}, now: CONTRACT_NOW });

    const sameHolder = await storage().runs.claim(claimBy('worker-1', contractInstant(1)));
    const afterLease = await storage().runs.claim(
      claimBy('worker-2', contractInstant(10 * LEASE_MS)),
    );

    expect(sameHolder.outcome).toBe('finished');
    expect(afterLease.outcome).toBe('finished');
  });

  test('get unknown run returns undefined', async () => {
    expect(await storage().runs.get(RUN)).toBeUndefined();
  });
}

function describeRenew(storage: () => Storage): void {
  test('renew extends the lease', async () => {
    await storage().runs.claim(claimBy('worker-1'));

    const renewAt = contractInstant(LEASE_MS - 1_000);
    const renewed = await storage().runs.renew(claimBy('worker-1', renewAt));
    const competitor = await storage().runs.claim(claimBy('worker-2', contractInstant(LEASE_MS)));

    expect(renewed).toBe(true);
    expect(competitor.outcome).toBe('held');
    const run = await storage().runs.get(RUN);
    expect(run?.leaseExpiresAt.getTime()).toBe(renewAt.getTime() + LEASE_MS);
  });

  test('renew by another holder fails', async () => {
    await storage().runs.claim(claimBy('worker-1'));

    const renewed = await storage().runs.renew(claimBy('worker-2'));

    expect(renewed).toBe(false);
    const run = await storage().runs.get(RUN);
    expect(run?.leaseExpiresAt.getTime()).toBe(CONTRACT_NOW.getTime() + LEASE_MS);
  });

  test('renew of finished run fails', async () => {
    await storage().runs.claim(claimBy('worker-1'));
    await storage().runs.finish({ ...RUN, holder: 'worker-1', summary: {}, now: CONTRACT_NOW });

    expect(await storage().runs.renew(claimBy('worker-1'))).toBe(false);
  });
}

function describeFinish(storage: () => Storage): void {
  test('finish records the summary', async () => {
    await storage().runs.claim(claimBy('worker-1'));

    const finishedAt = contractInstant(5_000);
    const summary = { matched: 3, sent: 2, skipped: { noAddress: 1 } };
    const run = await storage().runs.finish({
      ...RUN,
      holder: 'worker-1',
      summary,
      now: finishedAt,
    });

    expect(run.status).toBe('finished');
    expect(run.finishedAt?.getTime()).toBe(finishedAt.getTime());
    expect((await storage().runs.get(RUN))?.summary).toEqual(summary);
  });

  test('finish by displaced holder rejects', async () => {
    await storage().runs.claim(claimBy('worker-1'));
    await storage().runs.claim(claimBy('worker-2', contractInstant(LEASE_MS)));

    const finish = storage().runs.finish({
      ...RUN,
      holder: 'worker-1',
      summary: {},
      now: contractInstant(LEASE_MS + 1),
    });

    await expect(finish).rejects.toMatchObject({ code: ErrorCode.VersionConflict });
    expect((await storage().runs.get(RUN))?.status).toBe('running');
  });
}
