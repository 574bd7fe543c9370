import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PostgresStorage } from '@pics/automations-storage-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AutomationsWorker, createWorker, type WorkerRunReport } from '../src/index.js';
import { readRecord } from './fixtures/compare.js';
import { spawnWorker, stopAll, type WorkerProcess } from './fixtures/processes.js';
import {
  DATABASE_URL,
  dropSchemas,
  NO_DATABASE,
  RUN_DATE,
  RUN_NOW,
  randomSchemas,
  seedStorage,
  TIME_ZONE,
} from './fixtures/seed.js';
import { waitForFinishedRun } from './fixtures/wait.js';

if (!DATABASE_URL) console.warn(NO_DATABASE);

const LEARNERS = 3000;
const AUTOMATIONS = ['a-reminder', 'a-newsletter'];

describe.skipIf(!DATABASE_URL)('worker killed during a send', () => {
  const schemas = randomSchemas();
  const recordFile = path.join(mkdtempSync(path.join(tmpdir(), 'worker-test-')), 'sent.log');
  const processes: WorkerProcess[] = [];
  const reports = new Map<string, WorkerRunReport>();
  let storage: PostgresStorage;
  let observer: AutomationsWorker;
  let inDoubt: { automationId: string; learnerId: string };

  const spawn = (tag: string, env: Record<string, string> = {}) => {
    const worker = spawnWorker({
      DATABASE_URL: DATABASE_URL as string,
      STORAGE_SCHEMA: schemas.storage,
      WORKER_SCHEMA: schemas.worker,
      BOSS_SCHEMA: schemas.boss,
      RECORD_FILE: recordFile,
      WORKER_TAG: tag,
      WORKER_NOW: RUN_NOW.toISOString(),
      BATCH_SIZE: '50',
      // Short, so the killed worker's batch is retried soon; far above a 50-message batch.
      BATCH_EXPIRE: '15',
      ...env,
    });
    processes.push(worker);
    return worker;
  };

  beforeAll(async () => {
    storage = await seedStorage(schemas.storage, LEARNERS);
    observer = createWorker({
      connectionString: DATABASE_URL,
      schema: schemas.worker,
      bossSchema: schemas.boss,
      storage,
      transports: {},
      timeZone: TIME_ZONE,
    });
    await observer.tick({ now: new Date('2026-12-07T04:00:00.000Z') });

    // One message in flight at a time, so exactly one is in doubt when the process dies.
    const doomed = spawn('doomed', { HANG_AFTER: '25', CONCURRENCY: '1', PARALLEL_BATCHES: '1' });
    const survivors = [spawn('w2'), spawn('w3')];
    await Promise.all([doomed, ...survivors].map((worker) => worker.waitForLine('ready')));
    await observer.tick({ now: RUN_NOW });

    const [, automationId, learnerId] = (await doomed.waitForLine('accepted', 60_000)).split(' ');
    doomed.child.kill('SIGKILL');
    inDoubt = { automationId: automationId as string, learnerId: learnerId as string };
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

  it('sends nobody twice', () => {
    const counts = [...readRecord(recordFile).values()].map((entry) => entry.count);

    expect(counts.filter((count) => count !== 1)).toEqual([]);
  });

  it('sends everybody else', () => {
    const reported = [...reports.values()].reduce(
      (sum, report) => sum + report.sent + report.uncertain,
      0,
    );

    expect(readRecord(recordFile).size).toBe(reported);
  });

  it('reports the in-doubt message uncertain', () => {
    const uncertain = [...reports.values()].map((report) => report.uncertain);

    expect(uncertain.reduce((sum, count) => sum + count, 0)).toBe(1);
    expect(reports.get(inDoubt.automationId)?.uncertain).toBe(1);
  });

  it('leaves only that entry reserved', async () => {
    const reserved = await storage.ledger.listReserved({
      automationId: inDoubt.automationId,
      runDate: RUN_DATE,
    });

    expect(reserved.map((entry) => entry.learnerId)).toEqual([inDoubt.learnerId]);
  });

  it('leaves no recipient pending', () => {
    const pending = [...reports.values()].map((report) => report.pending);

    expect(pending).toEqual([0, 0]);
  });
});
