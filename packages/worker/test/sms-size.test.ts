import { sampleAutomation, sampleLearner } from '@pics/automations-core/testing';
import { createPostgresStorage, type PostgresStorage } from '@pics/automations-storage-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AutomationsWorker, createWorker, type WorkerRunReport } from '../src/index.js';
import { migrateWorkerSchema } from '../src/migrate.js';
import {
  DATABASE_URL,
  dropSchemas,
  NO_DATABASE,
  RUN_DATE,
  RUN_NOW,
  randomSchema,
  randomSchemas,
  TIME_ZONE,
} from './fixtures/seed.js';
import { waitForFinishedRun } from './fixtures/wait.js';

if (!DATABASE_URL) console.warn(NO_DATABASE);

// 71 or 72 characters with the names below: one segment in GSM-7 (up to 160), two in UCS-2
// (up to 70 in one).
const BODY = 'Hi {{ firstName }}, your progress review is due next Monday at 10:00. Reply STOP.';

const automation = sampleAutomation({
  id: 'a-sms',
  channel: 'sms',
  subject: undefined,
  body: BODY,
  filters: {},
});

// Amara fits GSM-7; the right single quote in D’Arcy does not. L3 was sent this run's message
// before the worker took the run over, as a single-process runner that died would leave it.
const learners = [
  sampleLearner({ id: 'L1', firstName: 'Amara' }),
  sampleLearner({ id: 'L2', firstName: 'D’Arcy' }),
  sampleLearner({ id: 'L3', firstName: 'Amara' }),
];

async function seed(schema: string): Promise<PostgresStorage> {
  const storage = createPostgresStorage({ connectionString: DATABASE_URL, schema });
  await storage.migrate();
  await storage.automations.create({ automation, now: RUN_NOW });
  await storage.learners.upsertLearners({ learners });
  const key = { automationId: 'a-sms', learnerId: 'L3', runDate: RUN_DATE };
  await storage.ledger.reserve({ ...key, now: RUN_NOW });
  await storage.ledger.complete({
    ...key,
    status: 'sent',
    attempts: 1,
    segments: 1,
    encoding: 'GSM-7',
    now: RUN_NOW,
  });

  return storage;
}

describe.skipIf(!DATABASE_URL)('worker SMS size', () => {
  const schemas = randomSchemas();
  let storage: PostgresStorage;
  let worker: AutomationsWorker;
  let report: WorkerRunReport;

  beforeAll(async () => {
    storage = await seed(schemas.storage);
    worker = createWorker({
      connectionString: DATABASE_URL,
      schema: schemas.worker,
      bossSchema: schemas.boss,
      storage,
      transports: { sms: { name: 'discard', sendSms: async () => ({ messageId: 'SM1' }) } },
      timeZone: TIME_ZONE,
      pollingIntervalSeconds: 0.5,
      clock: () => RUN_NOW,
    });
    await worker.tick({ now: RUN_NOW });
    await worker.start();
    report = await waitForFinishedRun(worker, 'a-sms', 30_000);
  }, 60_000);

  afterAll(async () => {
    await worker?.stop();
    if (storage) await dropSchemas(storage, schemas);
    await storage?.close();
  });

  it('report counts each encoding', () => {
    expect(report.smsEncodings).toEqual({ 'GSM-7': 2, 'UCS-2': 1 });
  });

  it('report sums segments', () => {
    expect(report.segments).toBe(4);
  });

  it('records size in ledger', async () => {
    const entry = await storage.ledger.get({
      automationId: 'a-sms',
      learnerId: 'L2',
      runDate: RUN_DATE,
    });

    expect(entry?.encoding).toBe('UCS-2');
    expect(entry?.segments).toBe(2);
  });
});

describe.skipIf(!DATABASE_URL)('worker schema upgrade', () => {
  const schema = randomSchema('t_worker');
  const pool = new pg.Pool({ connectionString: DATABASE_URL });

  afterAll(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  });

  it('adds encoding to older recipients table', async () => {
    await pool.query(`CREATE SCHEMA "${schema}"`);
    await pool.query(
      `CREATE TABLE "${schema}".run_recipients (
        automation_id text NOT NULL, run_date date NOT NULL, learner_id text NOT NULL,
        batch integer NOT NULL, learner jsonb, outcome text, reason text, segments integer,
        PRIMARY KEY (automation_id, run_date, learner_id)
      )`,
    );

    await Promise.all([
      migrateWorkerSchema(pool, schema, `"${schema}"`),
      migrateWorkerSchema(pool, schema, `"${schema}"`),
    ]);
    const columns = await pool.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns
       WHERE table_schema = $1 AND table_name = 'run_recipients' AND column_name = 'encoding'`,
      [schema],
    );

    expect(columns.rows).toHaveLength(1);
  });
});
