/**
 * One worker process of the example. `main.ts` starts several; each stops gracefully on SIGTERM
 * and logs to standard error with pino.
 */
import type { EmailTransport } from '@pics/automations-core';
import { createPostgresStorage } from '@pics/automations-storage-postgres';
import { createWorker } from '@pics/automations-worker';
import pino from 'pino';
import { DATABASE_URL, SCHEMAS, TIME_ZONE } from './setup.js';

const name = process.env.WORKER_NAME ?? `worker-${process.pid}`;
const logger = pino({ name, level: process.env.LOG_LEVEL ?? 'info' }, pino.destination(2));
const startedAt = Date.now();
const clockStart = Date.parse(process.env.WORKER_NOW ?? new Date().toISOString());

let sent = 0;
// Stands in for SMTP: accepts every message at once and only counts it.
const transport: EmailTransport = {
  name: 'count-only',
  sendEmail: async () => {
    sent += 1;
    return { messageId: `${name}-${sent}` };
  },
};

const storage = createPostgresStorage({ connectionString: DATABASE_URL, schema: SCHEMAS.storage });
const worker = createWorker({
  connectionString: DATABASE_URL,
  schema: SCHEMAS.worker,
  bossSchema: SCHEMAS.boss,
  storage,
  transports: { email: transport },
  timeZone: TIME_ZONE,
  batchSize: Number(process.env.BATCH_SIZE ?? 200),
  pollingIntervalSeconds: 0.5,
  logger,
  // The clock starts at the run date `main.ts` chose, so a scheduled tick plans that date too.
  clock: () => new Date(clockStart + (Date.now() - startedAt)),
});

process.once('SIGTERM', async () => {
  await worker.stop();
  await storage.close();
  logger.info({ sent }, 'Messages this process sent');
  process.exit(0);
});

await worker.start();
process.stdout.write('ready\n');
