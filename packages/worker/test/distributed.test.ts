import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AutomationRunReport } from '@pics/automations-core';
import type { PostgresStorage } from '@pics/automations-storage-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AutomationsWorker, createWorker, type WorkerRunReport } from '../src/index.js';
import { countsOf, readRecord, runSingleProcess } from './fixtures/compare.js';
import { spawnWorker, stopAll, type WorkerProcess } from './fixtures/processes.js';
import {
  DATABASE_URL,
  dropSchemas,
  NO_DATABASE,
  RUN_DATE,
  RUN_NOW,
  randomSchema,
  randomSchemas,
  seedStorage,
  TIME_ZONE,
} from './fixtures/seed.js';
import { waitForFinishedRun } from './fixtures/wait.js';

if (!DATABASE_URL) console.warn(NO_DATABASE);

const LEARNERS = 3000;
const AUTOMATIONS = ['a-reminder', 'a-newsletter'];

describe.skipIf(!DATABASE_URL)('three worker processes', () => {
  const schemas = randomSchemas();
  const recordFile = path.join(mkdtempSync(path.join(tmpdir(), 'worker-test-')), 'sent.log');
  const processes: WorkerProcess[] = [];
  const reports = new Map<string, WorkerRunReport>();
  let single: Map<string, AutomationRunReport>;
  let storage: PostgresStorage;
  let observer: AutomationsWorker;

  beforeAll(async () => {
    storage = await seedStorage(schemas.storage, LEARNERS);
    single = await runSingleProcess(randomSchema('t_single'), LEARNERS);
    observer = createWorker({
      connectionString: DATABASE_URL,
      schema: schemas.worker,
      bossSchema: schemas.boss,
      storage,
      transports: {},
      timeZone: TIME_ZONE,
    });
    // The first tick creates the schemas before the workers start, so they do not race for it.
    await observer.tick({ now: new Date('2026-12-07T04:00:00.000Z') });

    for (const tag of ['w1', 'w2', 'w3']) {
      processes.push(
        spawnWorker({
          DATABASE_URL: DATABASE_URL as string,
          STORAGE_SCHEMA: schemas.storage,
          WORKER_SCHEMA: schemas.worker,
          BOSS_SCHEMA: schemas.boss,
          RECORD_FILE: recordFile,
          WORKER_TAG: tag,
          WORKER_NOW: RUN_NOW.toISOString(),
        }),
      );
    }
    await Promise.all(processes.map((worker) => worker.waitForLine('ready')));
    await observer.tick({ now: RUN_NOW });
    for (const automationId of AUTOMATIONS) {
      reports.set(automationId, await waitForFinishedRun(observer, automationId));
    }
  }, 150_000);

  afterAll(async () => {
    await stopAll(processes);
    await observer?.stop();
    if (storage) await dropSchemas(storage, schemas);
    await storage?.close();
  });

  it('sends each recipient once', () => {
    const counts = [...readRecord(recordFile).values()].map((entry) => entry.count);

    expect(counts.filter((count) => count !== 1)).toEqual([]);
  });

  it('sends every recipient reported sent', () => {
    const sentTotal = AUTOMATIONS.reduce((sum, id) => sum + (reports.get(id)?.sent ?? 0), 0);

    expect(readRecord(recordFile).size).toBe(sentTotal);
  });

  it('spreads the batches over processes', () => {
    const tags = new Set([...readRecord(recordFile).values()].flatMap((entry) => entry.tags));

    expect(tags.size).toBeGreaterThan(1);
  });

  it.each(AUTOMATIONS)('matches the single-process totals for %s', (automationId) => {
    const distributed = reports.get(automationId) as WorkerRunReport;
    const expected = single.get(automationId) as AutomationRunReport;

    expect(countsOf(distributed)).toEqual(countsOf(expected));
  });

  it('marks the runs finished', async () => {
    const run = await storage.runs.get({ automationId: 'a-reminder', runDate: RUN_DATE });

    expect(run?.status).toBe('finished');
  });
});
