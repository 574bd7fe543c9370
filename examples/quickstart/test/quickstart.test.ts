import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { QuickstartReport } from '../src/report.js';
import { type CliResult, parseReport, runCli, sentOn } from './support/cli.js';

// Monday 1 March 2027: every sample automation is due (Mondays, and the 1st of the month).
const RUN_DATE = '2027-03-01';
const E164 = /^\+[1-9]\d{7,14}$/;

let tempDir: string;

beforeAll(async () => {
  tempDir = await mkdtemp(path.join(tmpdir(), 'quickstart-'));
});

afterAll(async () => {
  await rm(tempDir, { recursive: true, force: true });
});

describe('quickstart run', () => {
  let outDir: string;
  let result: CliResult;
  let report: QuickstartReport;

  beforeAll(async () => {
    outDir = path.join(tempDir, 'outbox');
    result = await runCli(['--date', RUN_DATE, '--learners', '300', '--out', outDir, '--json']);
    report = parseReport(result);
  }, 120_000);

  test('exits with code 0', () => {
    expect(result.code).toBe(0);
  });

  test('report covers every sample automation', () => {
    expect(report.runDate).toBe(RUN_DATE);
    expect(report.dryRun).toBe(false);
    expect(report.automations.map((automation) => automation.name).sort()).toEqual([
      'End date reminder',
      'Evidence chase',
      'Welcome',
    ]);
    for (const automation of report.automations) expect(automation.status).toBe('completed');
  });

  test('report names storage and learners', () => {
    expect(report.storage).toBe('memory storage');
    expect(report.learnerSource).toEqual({ kind: 'generated', count: 300 });
    expect(report.unsaved).toEqual([]);
  });

  test('report counts add up', () => {
    for (const automation of report.automations) {
      const skipped = Object.values(automation.skipped).reduce((sum, count) => sum + count, 0);
      const failed = Object.values(automation.failed).reduce((sum, count) => sum + count, 0);
      expect(automation.sent + skipped + failed, automation.name).toBe(automation.matched);
    }
  });

  test('some learners lack an address', () => {
    const noAddress = report.automations.reduce(
      (sum, automation) => sum + automation.skipped.noAddress,
      0,
    );

    expect(noAddress).toBeGreaterThan(0);
  });

  test('eml count equals emails sent', async () => {
    const emails = (await readdir(outDir)).filter((name) => name.endsWith('.eml'));

    expect(sentOn(report, 'email')).toBeGreaterThan(0);
    expect(emails).toHaveLength(sentOn(report, 'email'));
  });

  test('eml files are addressed messages', async () => {
    const [first] = (await readdir(outDir)).filter((name) => name.endsWith('.eml'));
    const content = await readFile(path.join(outDir, first!), 'utf8');

    expect(content).toMatch(/^To: .+@.+$/m);
    expect(content).toMatch(/^Subject: .+$/m);
  });

  test('SMS lines go to E.164 numbers', async () => {
    const lines = (await readFile(path.join(outDir, 'sms.jsonl'), 'utf8')).trim().split('\n');
    const records = lines.map((line) => JSON.parse(line) as { to: string; body: string });

    expect(records).toHaveLength(sentOn(report, 'sms'));
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) expect(record.to).toMatch(E164);
    for (const record of records) expect(record.body).toMatch(/^Hi \S/);
  });

  test('progress goes to stderr', () => {
    expect(result.stderr).toContain('Generating 300 learners');
  });
});

describe('quickstart output', () => {
  test('summary table without --json', async () => {
    const outDir = path.join(tempDir, 'summary');

    const result = await runCli(['--date', RUN_DATE, '--learners', '50', '--out', outDir]);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Automation\s+Channel\s+Status\s+Matched\s+Sent/m);
    expect(result.stdout).toContain('End date reminder');
  });

  test('dry run writes nothing', async () => {
    const outDir = path.join(tempDir, 'dry-run');

    const result = await runCli([
      '--date',
      RUN_DATE,
      '--learners',
      '300',
      '--out',
      outDir,
      '--dry-run',
      '--json',
    ]);
    const report = parseReport(result);

    expect(result.code).toBe(0);
    expect(report.dryRun).toBe(true);
    expect(sentOn(report, 'email')).toBeGreaterThan(0);
    expect(existsSync(outDir)).toBe(false);
  });

  test('help lists the flags', async () => {
    const result = await runCli(['--help']);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--dry-run');
  });
});

describe('quickstart flags', () => {
  test.each([
    [['--bogus'], '--bogus'],
    [['--learners', 'many'], '--learners'],
    [['--date', '2027-02-30'], '--date'],
    [['--date'], '--date'],
  ])('%j exits with a message', async (args, flag) => {
    const result = await runCli(args);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(flag);
    expect(result.stdout).toBe('');
  });
});
