/**
 * Worker benchmark: one day's run of one email automation over 100,000 recipients, sent by core's
 * single-process runner and by 1, 2 and 4 worker processes through pg-boss, with a transport that
 * only counts. The difference between the runner and one worker process is what the queue adds:
 * recording the recipients, one job per batch and the outcome writes.
 *
 * Needs the PostgreSQL server at `DATABASE_URL` (default postgres://postgres@127.0.0.1:5432/test).
 * It works in schemas of its own, prefixed `bench_worker_`, and drops them at the end.
 * `BENCH_WORKER_RECIPIENTS` sets a smaller population for a quick check.
 * Run alone with `pnpm exec tsx --conditions=source bench/worker.ts`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  type CalendarDate,
  createRunner,
  type EmailTransport,
  type Learner,
  parseAutomation,
  parseLearner,
} from '@pics/automations-core';
import { createPostgresStorage, type PostgresStorage } from '@pics/automations-storage-postgres';
import { createWorker, type WorkerRunReport } from '@pics/automations-worker';
import { type BenchSection, formatNumber, markdownTable } from './stats.js';

const DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const RECIPIENTS = Number(process.env.BENCH_WORKER_RECIPIENTS ?? 100_000);
const WORKER_COUNTS = [1, 2, 4] as const;
const RUN_DATE: CalendarDate = '2026-12-07';
/** 06:00 in London on the run date, which is in winter, so UTC: after the 05:00 run time. */
const RUN_AT = new Date(`${RUN_DATE}T06:00:00Z`);
const TIME_ZONE = 'Europe/London';
const LEARNERS_SCHEMA = 'bench_worker_learners';
const LOAD_CHUNK = 10_000;
/** Messages in flight per process, the runner's default; each worker works one batch at a time. */
const CONCURRENCY = 8;
const BATCH_SIZE = 500;
/** Set in the environment of the worker processes this script starts. */
const CHILD_ENV = 'BENCH_WORKER_CHILD';

/** Figures of one timed run. */
interface Measurement {
  setup: string;
  processes: number;
  sent: number;
  durationMs: number;
  /** From the tick to the committed plan; undefined for the single-process runner. */
  planningMs?: number | undefined;
}

/** Schemas of one scenario. */
interface Schemas {
  storage: string;
  worker: string;
  boss: string;
}

const countingTransport = (counter: { sent: number }): EmailTransport => ({
  name: 'count-only',
  sendEmail: async () => {
    counter.sent += 1;
    return {};
  },
});

function schemasFor(label: string): Schemas {
  return {
    storage: `bench_worker_${label}`,
    worker: `bench_worker_${label}_tables`,
    boss: `bench_worker_${label}_boss`,
  };
}

function openStorage(schema: string): PostgresStorage {
  return createPostgresStorage({
    connectionString: DATABASE_URL,
    schema,
    learnersTable: `${LEARNERS_SCHEMA}.learners`,
  });
}

async function dropSchemas(storage: PostgresStorage, names: readonly string[]): Promise<void> {
  for (const name of names) await storage.database.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
}

function learner(index: number): Learner {
  return parseLearner({
    id: `L-${String(index).padStart(7, '0')}`,
    firstName: `Learner ${index}`,
    lastName: 'Bench',
    email: `learner${index}@example.com`,
    allowedContactMethods: ['email'],
    enteredOn: '2025-09-01',
    startDate: '2025-09-01',
  });
}

async function loadLearners(): Promise<void> {
  const storage = createPostgresStorage({
    connectionString: DATABASE_URL,
    schema: LEARNERS_SCHEMA,
  });
  await dropSchemas(storage, [LEARNERS_SCHEMA]);
  await storage.migrate();
  for (let start = 0; start < RECIPIENTS; start += LOAD_CHUNK) {
    const count = Math.min(LOAD_CHUNK, RECIPIENTS - start);
    const learners = Array.from({ length: count }, (_, offset) => learner(start + offset));
    await storage.learners.upsertLearners({ learners });
  }
  await storage.close();
}

/** Creates a scenario's storage with one daily email automation to every learner. */
async function prepareStorage(schemas: Schemas): Promise<PostgresStorage> {
  const storage = openStorage(schemas.storage);
  await dropSchemas(storage, Object.values(schemas));
  await storage.migrate();
  const automation = parseAutomation({
    id: 'bench-digest',
    name: 'Daily digest',
    channel: 'email',
    title: 'Every learner, every day',
    subject: 'Your day, {{ firstName }}',
    body: '<p>Hello {{ firstName }},</p><p>Here is what is new on your programme.</p>',
    schedule: { kind: 'daysOfWeek', days: ['monday'] },
    delivery: { respectContactMethods: true, logCommunication: false },
    filters: {},
  });
  await storage.automations.create({ automation, now: RUN_AT });

  return storage;
}

async function measureSingleProcess(): Promise<Measurement> {
  const schemas = schemasFor('single');
  const storage = await prepareStorage(schemas);
  const counter = { sent: 0 };
  const runner = createRunner({
    storage,
    transports: { email: countingTransport(counter) },
    timeZone: TIME_ZONE,
    concurrency: CONCURRENCY,
  });
  const started = performance.now();
  await runner.runDue({ now: RUN_AT });
  const durationMs = performance.now() - started;
  await dropSchemas(storage, Object.values(schemas));
  await storage.close();

  return { setup: 'single-process runner', processes: 1, sent: counter.sent, durationMs };
}

function startChild(schemas: Schemas): Promise<{ child: ChildProcess; sent: Promise<number> }> {
  const script = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', script], {
    env: { ...process.env, [CHILD_ENV]: JSON.stringify(schemas) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const sent = new Promise<number>((resolve) => {
    child.once('exit', () => resolve(Number(/sent (\d+)/.exec(output)?.[1] ?? Number.NaN)));
  });

  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready')) resolve({ child, sent });
    });
    child.once('exit', (code) =>
      reject(new Error(`Worker exited with code ${code} before it was ready`)),
    );
  });
}

async function waitForFinish(
  observer: ReturnType<typeof createWorker>,
): Promise<{ report: WorkerRunReport; plannedAt: number }> {
  let plannedAt = Number.NaN;
  while (true) {
    const report = await observer.getRunReport({ automationId: 'bench-digest', runDate: RUN_DATE });
    if (Number.isNaN(plannedAt) && report.status !== 'notPlanned') plannedAt = performance.now();
    if (report.status === 'finished') return { report, plannedAt };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function measureWorkers(processes: number): Promise<Measurement> {
  const schemas = schemasFor(`w${processes}`);
  const storage = await prepareStorage(schemas);
  const observer = createWorker({
    connectionString: DATABASE_URL,
    schema: schemas.worker,
    bossSchema: schemas.boss,
    storage,
    transports: {},
    timeZone: TIME_ZONE,
    batchSize: BATCH_SIZE,
  });
  // A tick before 05:00 creates the schemas, so the workers do not race for them.
  await observer.tick({ now: new Date(`${RUN_DATE}T04:00:00Z`) });
  const children = await Promise.all(Array.from({ length: processes }, () => startChild(schemas)));

  const started = performance.now();
  await observer.tick({ now: RUN_AT });
  const { report, plannedAt } = await waitForFinish(observer);
  const durationMs = performance.now() - started;

  for (const { child } of children) child.kill('SIGTERM');
  const sentByChildren = await Promise.all(children.map(({ sent }) => sent));
  await observer.stop();
  await dropSchemas(storage, Object.values(schemas));
  await storage.close();
  const sent = sentByChildren.reduce((sum, count) => sum + count, 0);
  if (sent !== report.sent)
    throw new Error(`Workers sent ${sent} messages but reported ${report.sent}`);

  return {
    setup: 'pg-boss workers',
    processes,
    sent,
    durationMs,
    planningMs: plannedAt - started,
  };
}

/** Runs inside a worker process: works jobs until SIGTERM, then prints how many it sent. */
async function runChild(schemas: Schemas): Promise<void> {
  const storage = openStorage(schemas.storage);
  const counter = { sent: 0 };
  const worker = createWorker({
    connectionString: DATABASE_URL,
    schema: schemas.worker,
    bossSchema: schemas.boss,
    storage,
    transports: { email: countingTransport(counter) },
    timeZone: TIME_ZONE,
    batchSize: BATCH_SIZE,
    concurrency: CONCURRENCY,
    parallelBatches: 1,
    pollingIntervalSeconds: 0.5,
    clock: () => RUN_AT,
  });
  process.once('SIGTERM', async () => {
    await worker.stop();
    await storage.close();
    process.stdout.write(`sent ${counter.sent}\n`);
    process.exit(0);
  });
  await worker.start();
  process.stdout.write('ready\n');
}

function toMarkdown(results: readonly Measurement[]): string {
  const single = results[0] as Measurement;
  const oneWorker = results.find(
    (result) => result.setup !== single.setup && result.processes === 1,
  );
  const rows = results.map((result) => [
    result.setup,
    String(result.processes),
    formatNumber(result.sent),
    formatNumber(result.durationMs / 1000, 1),
    result.planningMs === undefined ? '–' : formatNumber(result.planningMs / 1000, 1),
    formatNumber(result.sent / (result.durationMs / 1000)),
  ]);
  const overheadMs = oneWorker
    ? (oneWorker.durationMs - single.durationMs) / single.sent
    : Number.NaN;
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';

  return [
    `One email automation due for ${formatNumber(RECIPIENTS)} learners, every one with a usable address, and a transport that only counts. The runner and each worker process keep ${CONCURRENCY} messages in flight; workers take batches of ${BATCH_SIZE} recipients, one batch at a time per process. Times run from the tick to the finished run, planning included; each setup ran once.`,
    '',
    markdownTable(['setup', 'processes', 'messages', 'seconds', 'planning s', 'messages/s'], rows),
    '',
    `The queue adds about ${formatNumber(overheadMs, 3)} ms per message with one worker process against the single-process runner: the recipients table, one job per batch and the outcome writes.`,
    '',
    `Machine: ${os.cpus().length} cores (${cpu}), Node ${process.version}, PostgreSQL on the same machine, so the worker processes compete with the database for the cores. Script: bench/worker.ts.`,
  ].join('\n');
}

/** Measures the single-process runner and 1, 2 and 4 worker processes on the same recipients. */
export async function benchWorker(): Promise<BenchSection> {
  await loadLearners();
  const results = [await measureSingleProcess()];
  for (const processes of WORKER_COUNTS) results.push(await measureWorkers(processes));

  const cleanup = createPostgresStorage({
    connectionString: DATABASE_URL,
    schema: LEARNERS_SCHEMA,
  });
  await dropSchemas(cleanup, [LEARNERS_SCHEMA]);
  await cleanup.close();

  return { title: 'Distributed run with pg-boss workers', markdown: toMarkdown(results) };
}

const childSchemas = process.env[CHILD_ENV];
if (childSchemas !== undefined) {
  await runChild(JSON.parse(childSchemas) as Schemas);
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const section = await benchWorker();
  console.log(`## ${section.title}\n\n${section.markdown}`);
}
