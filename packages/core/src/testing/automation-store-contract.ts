import { describe, expect, test } from 'vitest';
import { ErrorCode, NotFoundError, VersionConflictError } from '../errors/errors.js';
import type { Storage } from '../ports/storage.js';
import { CONTRACT_NOW, contractInstant, sampleAutomation } from './fixtures.js';

/** Registers the tests of the `AutomationStore` contract. */
export function describeAutomationStoreContract(storage: () => Storage): void {
  describe('automation store', () => {
    describeCreateAndGet(storage);
    describeUpdate(storage);
    describeDelete(storage);
    describeList(storage);
  });
}

function describeCreateAndGet(storage: () => Storage): void {
  test('create starts at version 1', async () => {
    const stored = await storage().automations.create({
      automation: sampleAutomation(),
      now: CONTRACT_NOW,
    });

    expect(stored.version).toBe(1);
    expect(stored.createdAt.getTime()).toBe(CONTRACT_NOW.getTime());
    expect(stored.updatedAt.getTime()).toBe(CONTRACT_NOW.getTime());
  });

  test('get returns the created automation', async () => {
    const automation = sampleAutomation();
    await storage().automations.create({ automation, now: CONTRACT_NOW });

    const stored = await storage().automations.get({ id: automation.id });

    expect(stored).toMatchObject(automation);
  });

  test('get unknown id returns undefined', async () => {
    expect(await storage().automations.get({ id: 'a-missing' })).toBeUndefined();
  });

  test('get id with NUL returns undefined', async () => {
    await storage().automations.create({ automation: sampleAutomation(), now: CONTRACT_NOW });

    const id = `${sampleAutomation().id}\u0000`;

    expect(await storage().automations.get({ id })).toBeUndefined();
  });

  test('create with taken id rejects', async () => {
    const automation = sampleAutomation();
    await storage().automations.create({ automation, now: CONTRACT_NOW });

    const second = storage().automations.create({ automation, now: CONTRACT_NOW });

    await expect(second).rejects.toMatchObject({ code: ErrorCode.AlreadyExists });
  });

  test('returned automation is a copy', async () => {
    const automation = sampleAutomation();
    const created = await storage().automations.create({ automation, now: CONTRACT_NOW });
    created.name = 'Changed by the caller';
    automation.name = 'Changed by the caller';

    const stored = await storage().automations.get({ id: automation.id });

    expect(stored?.name).toBe('End date reminder');
  });
}

function describeUpdate(storage: () => Storage): void {
  test('update increments the version', async () => {
    const automation = sampleAutomation();
    await storage().automations.create({ automation, now: CONTRACT_NOW });

    const later = contractInstant(60_000);
    const updated = await storage().automations.update({
      automation: { ...automation, name: 'Renamed' },
      expectedVersion: 1,
      now: later,
    });

    expect(updated.version).toBe(2);
    expect(updated.name).toBe('Renamed');
    expect(updated.createdAt.getTime()).toBe(CONTRACT_NOW.getTime());
    expect(updated.updatedAt.getTime()).toBe(later.getTime());
  });

  test('update with stale version rejects', async () => {
    const automation = sampleAutomation();
    await storage().automations.create({ automation, now: CONTRACT_NOW });
    await storage().automations.update({ automation, expectedVersion: 1, now: CONTRACT_NOW });

    const stale = storage().automations.update({
      automation: { ...automation, name: 'Stale edit' },
      expectedVersion: 1,
      now: CONTRACT_NOW,
    });

    await expect(stale).rejects.toBeInstanceOf(VersionConflictError);
    const stored = await storage().automations.get({ id: automation.id });
    expect(stored?.name).toBe(automation.name);
    expect(stored?.version).toBe(2);
  });

  test('update unknown id rejects', async () => {
    const update = storage().automations.update({
      automation: sampleAutomation({ id: 'a-missing' }),
      expectedVersion: 1,
      now: CONTRACT_NOW,
    });

    await expect(update).rejects.toBeInstanceOf(NotFoundError);
  });

  test('concurrent updates: exactly one wins', async () => {
    const automation = sampleAutomation();
    await storage().automations.create({ automation, now: CONTRACT_NOW });

    const names = Array.from({ length: 10 }, (_, index) => `Edit ${index}`);
    const results = await Promise.allSettled(
      names.map((name) =>
        storage().automations.update({
          automation: { ...automation, name },
          expectedVersion: 1,
          now: CONTRACT_NOW,
        }),
      ),
    );

    const winners = results.filter((result) => result.status === 'fulfilled');
    const losers = results.filter((result) => result.status === 'rejected');
    expect(winners).toHaveLength(1);
    for (const loser of losers) expect(loser.reason).toBeInstanceOf(VersionConflictError);
    const stored = await storage().automations.get({ id: automation.id });
    expect(stored?.version).toBe(2);
    expect(stored?.name).toBe(winners[0]?.value.name);
  });
}

function describeDelete(storage: () => Storage): void {
  test('delete removes the automation', async () => {
    const automation = sampleAutomation();
    await storage().automations.create({ automation, now: CONTRACT_NOW });

    await storage().automations.delete({ id: automation.id });

    expect(await storage().automations.get({ id: automation.id })).toBeUndefined();
  });

  test('delete unknown id rejects', async () => {
    const deletion = storage().automations.delete({ id: 'a-missing' });

    await expect(deletion).rejects.toBeInstanceOf(NotFoundError);
  });
}

// Names chosen so that a case-sensitive sort, or a search that treats % and _ as wildcards,
// returns a different order or different rows.
const LIST_NAMES = [
  ['a-1', 'welcome'],
  ['a-2', 'End date reminder'],
  ['a-3', 'Evidence chase'],
  ['a-4', 'Welcome back'],
  ['a-5', '100% attendance'],
  ['a-6', 'overdue_evidence'],
  ['a-7', 'Evidence chase'],
] as const;

async function createListAutomations(storage: Storage): Promise<void> {
  for (const [id, name] of LIST_NAMES) {
    await storage.automations.create({
      automation: sampleAutomation({ id, name }),
      now: CONTRACT_NOW,
    });
  }
}

function describeList(storage: () => Storage): void {
  test('list sorts by name, then id', async () => {
    await createListAutomations(storage());

    const page = await storage().automations.list({ limit: 100, offset: 0 });

    expect(page.items.map((automation) => automation.id)).toEqual([
      'a-5',
      'a-2',
      'a-3',
      'a-7',
      'a-6',
      'a-1',
      'a-4',
    ]);
    expect(page.total).toBe(LIST_NAMES.length);
  });

  test('list search ignores case', async () => {
    await createListAutomations(storage());

    const page = await storage().automations.list({ search: 'WELCOME', limit: 100, offset: 0 });

    expect(page.items.map((automation) => automation.id)).toEqual(['a-1', 'a-4']);
    expect(page.total).toBe(2);
  });

  test('list search treats wildcards literally', async () => {
    await createListAutomations(storage());

    const percent = await storage().automations.list({ search: '%', limit: 100, offset: 0 });
    const underscore = await storage().automations.list({ search: '_', limit: 100, offset: 0 });

    expect(percent.items.map((automation) => automation.id)).toEqual(['a-5']);
    expect(underscore.items.map((automation) => automation.id)).toEqual(['a-6']);
  });

  test('list search with NUL is empty', async () => {
    await createListAutomations(storage());

    const page = await storage().automations.list({ search: 'e\u0000', limit: 10, offset: 0 });

    expect(page.items).toEqual([]);
    expect(page.total).toBe(0);
  });

  test('list search without match is empty', async () => {
    await createListAutomations(storage());

    const page = await storage().automations.list({ search: 'nothing', limit: 10, offset: 0 });

    expect(page.items).toEqual([]);
    expect(page.total).toBe(0);
  });

  test('list pages with limit and offset', async () => {
    await createListAutomations(storage());

    const first = await storage().automations.list({ limit: 3, offset: 0 });
    const second = await storage().automations.list({ limit: 3, offset: 3 });
    const last = await storage().automations.list({ limit: 3, offset: 6 });

    expect(first.items.map((automation) => automation.id)).toEqual(['a-5', 'a-2', 'a-3']);
    expect(second.items.map((automation) => automation.id)).toEqual(['a-7', 'a-6', 'a-1']);
    expect(last.items.map((automation) => automation.id)).toEqual(['a-4']);
    expect(last.total).toBe(LIST_NAMES.length);
  });

  test('list offset past the end', async () => {
    await createListAutomations(storage());

    const page = await storage().automations.list({ search: 'evidence', limit: 10, offset: 10 });

    expect(page.items).toEqual([]);
    expect(page.total).toBe(3);
  });

  test('list rejects invalid limit', async () => {
    for (const limit of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1e300]) {
      await expect(
        storage().automations.list({ limit, offset: 0 }),
        `limit ${limit}`,
      ).rejects.toMatchObject({ code: ErrorCode.InvalidArgument });
    }
  });

  test('list rejects invalid offset', async () => {
    for (const offset of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1e300]) {
      await expect(
        storage().automations.list({ limit: 10, offset }),
        `offset ${offset}`,
      ).rejects.toMatchObject({ code: ErrorCode.InvalidArgument });
    }
  });

  test('list of empty store', async () => {
    const page = await storage().automations.list({ limit: 10, offset: 0 });

    expect(page.items).toEqual([]);
    expect(page.total).toBe(0);
  });
}
