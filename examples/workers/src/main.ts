/**
 * Starts N worker processes on the local PostgreSQL, ticks once, waits for the day's run to
 * finish and prints its report. See README.md.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { localDate, localTimeToInstant } from '@pics/automations-core';
import { createWorker, type WorkerRunReport } from '@pics/automations-worker';
import { HELP, parseFlags, UsageError } from './flags.js';
import { AUTOMATION_ID, DATABASE_URL, SCHEMAS, seed, TIME_ZONE } from './setup.js';

const here = path.dirname(fileURLToPath(import.meta.url));

function startWorker(name: string, now: Date, batchSize: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=source', path.join(here, 'worker.ts')],
    {
      env: {
        ...process.env,
        WORKER_NAME: name,
        WORKER_NOW: now.toISOString(),
        BATCH_SIZE: String(batchSize),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );

  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
    child.once('exit', (code) =>
      reject(new Error(`${name} exited with code ${code} before it was ready`)),
    );
  });
}

async function waitForFinish(
  worker: ReturnType<typeof createWorker>,
  runDate: string,
): Promise<WorkerRunReport> {
  while (true) {
    const report = await worker.getRunReport({ automationId: AUTOMATION_ID, runDate });
    if (report.status === 'finished') return report;
    console.error(
      `${report.status}: ${report.sent} sent, ${report.pending} pending, batch ${report.batchesFinished}/${report.batches}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  if (flags.help) {
    console.log(HELP);
    return;
  }

  const runDate = flags.date ?? localDate(new Date(), TIME_ZONE);
  const now = localTimeToInstant(runDate, { hour: 6, minute: 0 }, TIME_ZONE);
  console.error(
    `Seeding ${flags.learners} learners in ${DATABASE_URL.replace(/\/\/[^@]*@/, '//…@')}`,
  );
  const storage = await seed(flags.learners);
  const observer = createWorker({
    connectionString: DATABASE_URL,
    schema: SCHEMAS.worker,
    bossSchema: SCHEMAS.boss,
    storage,
    transports: {},
    timeZone: TIME_ZONE,
    batchSize: flags.batchSize,
  });
  // The first tick, before 05:00, creates the schemas so the workers do not race for them.
  await observer.tick({ now: localTimeToInstant(runDate, { hour: 4, minute: 0 }, TIME_ZONE) });

  const started = Date.now();
  const names = Array.from({ length: flags.workers }, (_, index) => `worker-${index + 1}`);
  const workers = await Promise.all(names.map((name) => startWorker(name, now, flags.batchSize)));
  console.error(`${workers.length} workers ready; ticking for ${runDate}`);
  await observer.tick({ now });
  const report = await waitForFinish(observer, runDate);
  const seconds = (Date.now() - started) / 1000;

  for (const child of workers) child.kill('SIGTERM');
  await Promise.all(workers.map((child) => new Promise((resolve) => child.once('exit', resolve))));
  await observer.stop();
  await storage.close();
  console.log(JSON.stringify(report, null, 2));
  console.error(`Run finished in ${seconds.toFixed(1)} s with ${flags.workers} workers`);
}

/** Exit code for a command line the example cannot run with. */
const EXIT_USAGE = 2;

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`workers: ${error.message}\nRun "pnpm workers --help" to list the flags.`);
    process.exitCode = EXIT_USAGE;
    return;
  }

  console.error(error);
  process.exitCode = 1;
});
