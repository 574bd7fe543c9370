import { AutomationsError, ErrorCode } from '@pics/automations-core';
import type { PostgresStorage } from '@pics/automations-storage-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AutomationsWorker, createWorker, type WorkerRunReport } from '../src/index.js';
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

describe.skipIf(!DATABASE_URL)('batch given up', () => {
  const schemas = randomSchemas();
  let storage: PostgresStorage;
  let worker: AutomationsWorker;
  let report: WorkerRunReport;
  let sends = 0;

  beforeAll(async () => {
    storage = await seedStorage(schemas.storage, 30);
    // Every reservation fails, as when the ledger's database rejects writes.
    const brokenStorage: PostgresStorage = {
      ...storage,
      ledger: {
        ...storage.ledger,
        reserve: async () => {
          throw new AutomationsError(ErrorCode.StorageFailed, 'ledger unavailable');
        },
      },
    };
    worker = createWorker({
      connectionString: DATABASE_URL,
      schema: schemas.worker,
      bossSchema: schemas.boss,
      storage: brokenStorage,
      transports: {
        email: {
          name: 'counting',
          sendEmail: async () => {
            sends += 1;
            return {};
          },
        },
      },
      timeZone: TIME_ZONE,
      retryLimit: 1,
      retryDelaySeconds: 0,
      pollingIntervalSeconds: 0.5,
      clock: () => RUN_NOW,
    });
    await worker.tick({ now: RUN_NOW });
    await worker.start();
    report = await waitForFinishedRun(worker, 'a-newsletter', 30_000);
  }, 60_000);

  afterAll(async () => {
    await worker?.stop();
    if (storage) await dropSchemas(storage, schemas);
    await storage?.close();
  });

  it('finishes the run', async () => {
    const run = await storage.runs.get({ automationId: 'a-newsletter', runDate: RUN_DATE });

    expect(run?.status).toBe('finished');
  });

  it('records the recipients failed', () => {
    expect(report.failed.retriesExhausted).toBe(report.matched - report.skipped.noAddress);
  });

  it('sends nothing', () => {
    expect(sends).toBe(0);
  });
});
