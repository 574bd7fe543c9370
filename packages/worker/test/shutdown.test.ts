import type { EmailMessage, EmailTransport } from '@pics/automations-core';
import type { PostgresStorage } from '@pics/automations-storage-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AutomationsWorker, createWorker, type WorkerRunReport } from '../src/index.js';
import {
  DATABASE_URL,
  dropSchemas,
  NO_DATABASE,
  RUN_NOW,
  randomSchemas,
  seedStorage,
  TIME_ZONE,
} from './fixtures/seed.js';
import { waitForFinishedRun } from './fixtures/wait.js';

if (!DATABASE_URL) console.warn(NO_DATABASE);

const LEARNERS = 120;

describe.skipIf(!DATABASE_URL)('worker stop', () => {
  const schemas = randomSchemas();
  const sent: Array<{ message: EmailMessage; by: string }> = [];
  let storage: PostgresStorage;
  let stopping: Promise<void> | undefined;
  let report: WorkerRunReport;
  let second: AutomationsWorker;

  const transport = (by: string, delayMs: number): EmailTransport => ({
    name: by,
    sendEmail: async ({ message }) => {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      sent.push({ message, by });
      return {};
    },
  });

  const worker = (by: string, delayMs: number) =>
    createWorker({
      connectionString: DATABASE_URL,
      schema: schemas.worker,
      bossSchema: schemas.boss,
      storage,
      transports: { email: transport(by, delayMs) },
      timeZone: TIME_ZONE,
      batchSize: 1000,
      concurrency: 2,
      parallelBatches: 1,
      pollingIntervalSeconds: 0.5,
      retryDelaySeconds: 0,
      shutdownTimeoutMs: 200,
      clock: () => RUN_NOW,
    });

  beforeAll(async () => {
    storage = await seedStorage(schemas.storage, LEARNERS);
    const first = worker('first', 20);
    await first.tick({ now: RUN_NOW });
    await first.start();
    while (!sent.some((entry) => entry.by === 'first')) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    stopping = first.stop();
    await stopping;

    second = worker('second', 0);
    await second.start();
    report = await waitForFinishedRun(second, 'a-reminder', 30_000);
    await waitForFinishedRun(second, 'a-newsletter', 30_000);
  }, 60_000);

  afterAll(async () => {
    await second?.stop();
    if (storage) await dropSchemas(storage, schemas);
    await storage?.close();
  });

  it('releases the batch in hand', () => {
    const byFirst = sent.filter((entry) => entry.by === 'first').length;

    expect(byFirst).toBeLessThan(report.sent);
  });

  it('lets another worker finish it', () => {
    expect(sent.some((entry) => entry.by === 'second')).toBe(true);
  });

  it('sends nobody twice', () => {
    const keys = sent.map(({ message }) => `${message.automationId} ${message.learnerId}`);

    expect(new Set(keys).size).toBe(keys.length);
  });

  it('leaves nothing uncertain', () => {
    expect(report.uncertain).toBe(0);
  });
});
