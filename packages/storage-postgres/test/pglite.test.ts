import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseFilters } from '@pics/automations-core';
import { CONTRACT_NOW, sampleAutomation, sampleLearner } from '@pics/automations-core/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPostgresStorage, type PostgresStorage } from '../src/index.js';

// Runs on PGlite even when DATABASE_URL is set, so the embedded path is always tested.
describe('pglite smoke', () => {
  let storage: PostgresStorage;

  beforeAll(async () => {
    storage = createPostgresStorage();
    await storage.migrate();
  });
  afterAll(() => storage.close());

  test('default schema is pics_automations', () => {
    expect(storage.schema).toBe('pics_automations');
  });

  test('automation round-trips', async () => {
    const automation = sampleAutomation({ id: 'a-1' });
    await storage.automations.create({ automation, now: CONTRACT_NOW });

    const stored = await storage.automations.get({ id: 'a-1' });

    expect(stored).toEqual({
      ...automation,
      version: 1,
      createdAt: CONTRACT_NOW,
      updatedAt: CONTRACT_NOW,
    });
  });

  test('learner dates stay calendar dates', async () => {
    const learner = sampleLearner({
      id: 'L1',
      breaksInLearning: [{ startDate: '2026-10-01', endDate: null }],
    });
    await storage.learners.upsertLearners({ learners: [learner] });

    const stored = await storage.learners.getLearner({ id: 'L1' });

    expect(stored).toEqual(learner);
  });

  test('filters push down', async () => {
    await storage.learners.upsertLearners({
      learners: [sampleLearner({ id: 'L2', tags: ['Priority'] }), sampleLearner({ id: 'L3' })],
    });
    const filters = parseFilters({ tags: { match: 'any', values: ['Priority'] } });

    const ids: string[] = [];
    for await (const learner of storage.learners.findLearners({
      filters,
      runDate: '2026-12-07',
    })) {
      ids.push(learner.id);
    }

    expect(ids).toEqual(['L2']);
  });

  test('ledger reserves once', async () => {
    const key = { automationId: 'a-1', learnerId: 'L1', runDate: '2026-12-07' };

    const [first, second] = await Promise.all([
      storage.ledger.reserve({ ...key, maxMessages: 1, now: CONTRACT_NOW }),
      storage.ledger.reserve({ ...key, maxMessages: 1, now: CONTRACT_NOW }),
    ]);

    expect([first.outcome, second.outcome].sort()).toEqual(['exists', 'reserved']);
  });
});

describe('pglite data folder', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'pics-pglite-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  test('data survives reopening', async () => {
    const first = createPostgresStorage({ pglite: { dataDir } });
    await first.migrate();
    await first.learners.upsertLearners({ learners: [sampleLearner({ id: 'L1' })] });
    await first.close();

    const second = createPostgresStorage({ pglite: { dataDir } });
    const rerun = await second.migrate();
    const count = await second.learners.countLearners();
    await second.close();

    expect(rerun.applied).toEqual([]);
    expect(count).toBe(1);
  });
});
