import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sampleAutomation, sampleLearner } from '@pics/automations-core/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PostgresStorage } from '../src/index.js';
import { configuredTarget, useTestDatabase } from './test-database.js';

const run = promisify(execFile);
const testDirectory = path.dirname(fileURLToPath(import.meta.url));
const repositoryRoot = path.resolve(testDirectory, '../../..');
const tsx = path.join(repositoryRoot, 'node_modules/.bin/tsx');
const childScript = path.join(testDirectory, 'fixtures/run-due.ts');

// Monday 7 December 2026, 06:00 in London: after the 05:00 run time.
const NOW = '2026-12-07T06:00:00.000Z';
const LEARNERS = 200;
const AUTOMATION_IDS = ['a-1', 'a-2'];

const database = useTestDatabase();
let storage: PostgresStorage;
let outputDirectory: string;

beforeAll(async () => {
  if (configuredTarget !== 'postgres') return;

  storage = await database.createStorage();
  outputDirectory = await mkdtemp(path.join(tmpdir(), 'pics-runner-'));
  const learners = Array.from({ length: LEARNERS }, (_, index) =>
    sampleLearner({ id: `L${String(index).padStart(3, '0')}`, email: `l${index}@example.com` }),
  );
  await storage.learners.upsertLearners({ learners });
  for (const id of AUTOMATION_IDS) {
    const automation = sampleAutomation({
      id,
      name: `Automation ${id}`,
      filters: {},
      schedule: { kind: 'daysOfWeek', days: ['monday'] },
    });
    await storage.automations.create({ automation, now: new Date(NOW) });
  }
});
afterAll(async () => {
  if (configuredTarget !== 'postgres') return;

  await rm(outputDirectory, { recursive: true, force: true });
  await database.destroyStorage(storage);
});

function runChild(holder: string, output: string, startAt = 0) {
  return run(tsx, ['--conditions=source', childScript], {
    cwd: repositoryRoot,
    env: {
      ...process.env,
      SCHEMA: storage.schema,
      OUTPUT: output,
      NOW,
      HOLDER: holder,
      START_AT: String(startAt),
    },
  });
}

// Separate processes cannot share an in-memory PGlite, so this needs a server.
describe.skipIf(configuredTarget !== 'postgres')('runner in two processes', () => {
  test('each learner gets one message', { timeout: 120_000 }, async () => {
    const output = path.join(outputDirectory, 'sent.txt');

    // Both wait for the same instant, 8 s ahead, so their runs overlap unless loading takes longer.
    const startAt = Date.now() + 8_000;
    await Promise.all([
      runChild('process-1', output, startAt),
      runChild('process-2', output, startAt),
    ]);
    await runChild('process-3', output);

    const lines = (await readFile(output, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(LEARNERS * AUTOMATION_IDS.length);
    expect(new Set(lines).size).toBe(lines.length);
    const sent = await storage.database.query<{ count: number }>(
      `SELECT count(*)::integer AS count FROM "${storage.schema}".ledger WHERE status = 'sent'`,
    );
    expect(sent[0]?.count).toBe(LEARNERS * AUTOMATION_IDS.length);
  });
});
