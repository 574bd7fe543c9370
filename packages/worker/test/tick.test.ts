import type { EmailMessage, EmailTransport } from '@pics/automations-core';
import type { PostgresStorage } from '@pics/automations-storage-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AutomationsWorker, createWorker } from '../src/index.js';
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

const LEARNERS = 60;

describe.skipIf(!DATABASE_URL)('tick', () => {
  const schemas = randomSchemas();
  const sent: EmailMessage[] = [];
  const transport: EmailTransport = {
    name: 'memory',
    sendEmail: async ({ message }) => {
      sent.push(message);
      return {};
    },
  };
  let storage: PostgresStorage;
  const workers: AutomationsWorker[] = [];

  const newWorker = () => {
    const worker = createWorker({
      connectionString: DATABASE_URL,
      schema: schemas.worker,
      bossSchema: schemas.boss,
      storage,
      transports: { email: transport },
      timeZone: TIME_ZONE,
      batchSize: 16,
      pollingIntervalSeconds: 0.5,
      clock: () => RUN_NOW,
    });
    workers.push(worker);
    return worker;
  };

  beforeAll(async () => {
    storage = await seedStorage(schemas.storage, LEARNERS);
  });

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    if (storage) await dropSchemas(storage, schemas);
    await storage?.close();
  });

  it('plans nothing before 05:00', async () => {
    const result = await newWorker().tick({ now: new Date('2026-12-07T04:59:00.000Z') });

    expect(result.reachedRunTime).toBe(false);
    expect(result.planJobsCreated).toBe(0);
  });

  it('plans nothing on a day off', async () => {
    const result = await newWorker().tick({ now: new Date('2026-12-08T06:00:00.000Z') });

    expect(result.due).toEqual([]);
  });

  it('plans each run once for two ticks', async () => {
    const first = newWorker();
    const second = newWorker();
    const results = await Promise.all([
      first.tick({ now: RUN_NOW }),
      second.tick({ now: RUN_NOW }),
    ]);
    await first.start();
    await waitForFinishedRun(first, 'a-reminder', 30_000);
    await waitForFinishedRun(first, 'a-newsletter', 30_000);
    const run = await storage.runs.get({ automationId: 'a-reminder', runDate: RUN_DATE });

    expect(results[0].planJobsCreated + results[1].planJobsCreated).toBe(2);
    expect(run?.status).toBe('finished');
    expect(run?.claims).toBe(1);
  });

  it('sends each recipient once', () => {
    const keys = sent.map((message) => `${message.automationId} ${message.learnerId}`);

    expect(new Set(keys).size).toBe(keys.length);
  });

  it('plans nothing after the run finished', async () => {
    const before = sent.length;
    const result = await newWorker().tick({ now: new Date('2026-12-07T09:00:00.000Z') });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const run = await storage.runs.get({ automationId: 'a-reminder', runDate: RUN_DATE });

    expect(result.planJobsCreated).toBe(0);
    expect(run?.claims).toBe(1);
    expect(sent.length).toBe(before);
  });
});
