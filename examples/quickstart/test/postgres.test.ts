import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPostgresStorage } from '@pics/automations-storage-postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { QuickstartReport } from '../src/report.js';
import { type CliResult, parseReport, runCli, sentOn } from './support/cli.js';

// Monday 1 March 2027: every sample automation is due.
const RUN_DATE = '2027-03-01';

// An embedded database is created on the first run, which takes several seconds on a busy machine.
const SPAWN_TIMEOUT_MS = 180_000;

let tempDir: string;

beforeAll(async () => {
  tempDir = await mkdtemp(path.join(tmpdir(), 'quickstart-postgres-'));
});

afterAll(async () => {
  await rm(tempDir, { recursive: true, force: true });
});

/** Lists an outbox folder with each file's content, so two snapshots compare exactly. */
async function snapshotOutbox(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir)).sort();
  const entries = await Promise.all(
    names.map(async (name) => [name, await readFile(path.join(dir, name), 'utf8')] as const),
  );

  return Object.fromEntries(entries);
}

describe('embedded Postgres across processes', () => {
  let outDir: string;
  let first: CliResult;
  let firstReport: QuickstartReport;
  let outboxAfterFirst: Record<string, string>;
  let second: CliResult;
  let secondReport: QuickstartReport;

  beforeAll(async () => {
    outDir = path.join(tempDir, 'outbox');
    const args = [
      ...['--store', 'postgres', '--data-dir', path.join(tempDir, 'data')],
      ...['--date', RUN_DATE, '--learners', '200', '--out', outDir, '--json'],
    ];
    first = await runCli(args);
    firstReport = parseReport(first);
    outboxAfterFirst = await snapshotOutbox(path.join(outDir, RUN_DATE));
    second = await runCli(args);
    secondReport = parseReport(second);
  }, SPAWN_TIMEOUT_MS);

  test('first run sends messages', () => {
    expect(first.code).toBe(0);
    for (const automation of firstReport.automations) expect(automation.status).toBe('completed');
    expect(sentOn(firstReport, 'email')).toBeGreaterThan(0);
  });

  test('report names the data folder', () => {
    expect(firstReport.storage).toContain(path.join(tempDir, 'data'));
  });

  test('second run is already finished', () => {
    expect(second.code).toBe(0);
    expect(secondReport.automations).toHaveLength(firstReport.automations.length);
    for (const automation of secondReport.automations) {
      expect(automation.status, automation.name).toBe('alreadyFinished');
    }
  });

  test('second run sends nothing', async () => {
    expect(sentOn(secondReport, 'email') + sentOn(secondReport, 'sms')).toBe(0);
    expect(await snapshotOutbox(path.join(outDir, RUN_DATE))).toEqual(outboxAfterFirst);
  });

  test(
    'ILR run rejects generated data',
    async () => {
      const result = await runCli([
        ...['--store', 'postgres', '--data-dir', path.join(tempDir, 'data')],
        ...['--ilr', '../shared/ilr/ILR-1819-sample.xml', '--out', outDir],
      ]);

      expect(result.code).toBe(2);
      expect(result.stderr).toContain('--data-dir or --schema');
    },
    SPAWN_TIMEOUT_MS,
  );
});

const databaseUrl = process.env.DATABASE_URL;

describe.skipIf(databaseUrl === undefined)('Postgres server from --database-url', () => {
  // A schema of its own, so the test neither reads nor changes other data in the database.
  const schema = `quickstart_test_${process.pid}_${Date.now()}`;
  let outDir: string;
  let reports: QuickstartReport[];
  let codes: number[];

  beforeAll(async () => {
    outDir = path.join(tempDir, 'server-outbox');
    const args = [
      ...['--store', 'postgres', '--database-url', databaseUrl as string, '--schema', schema],
      ...['--date', RUN_DATE, '--learners', '200', '--out', outDir, '--json'],
    ];
    const results = [await runCli(args), await runCli(args)];
    codes = results.map((result) => result.code);
    reports = results.map(parseReport);
  }, SPAWN_TIMEOUT_MS);

  afterAll(async () => {
    const storage = createPostgresStorage({ connectionString: databaseUrl, schema });
    await storage.database.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await storage.close();
  });

  test('both runs succeed', () => {
    expect(codes).toEqual([0, 0]);
  });

  test('first run sends messages', () => {
    expect(sentOn(reports[0]!, 'email')).toBeGreaterThan(0);
  });

  test('second run is already finished', () => {
    for (const automation of reports[1]!.automations) {
      expect(automation.status, automation.name).toBe('alreadyFinished');
    }
  });

  test('report hides the connection string', () => {
    expect(JSON.stringify(reports[0])).not.toContain(databaseUrl);
  });
});
