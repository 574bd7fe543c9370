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
    expect(report.notDue).toEqual([]);
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

  test('report names the outbox folder', () => {
    expect(report.outbox?.dir).toBe(path.join(outDir, RUN_DATE));
  });

  test('eml count equals emails sent', async () => {
    const emails = (await readdir(path.join(outDir, RUN_DATE))).filter((name) =>
      name.endsWith('.eml'),
    );

    expect(sentOn(report, 'email')).toBeGreaterThan(0);
    expect(emails).toHaveLength(sentOn(report, 'email'));
  });

  test('eml files are addressed messages', async () => {
    const runDir = path.join(outDir, RUN_DATE);
    const [first] = (await readdir(runDir)).filter((name) => name.endsWith('.eml'));
    const content = await readFile(path.join(runDir, first!), 'utf8');

    expect(content).toMatch(/^To: .+@.+$/m);
    expect(content).toMatch(/^Subject: .+$/m);
  });

  test('SMS lines go to E.164 numbers', async () => {
    const smsFile = path.join(outDir, RUN_DATE, 'sms.jsonl');
    const lines = (await readFile(smsFile, 'utf8')).trim().split('\n');
    const records = lines.map((line) => JSON.parse(line) as { to: string; body: string });

    expect(records).toHaveLength(sentOn(report, 'sms'));
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) expect(record.to).toMatch(E164);
    for (const record of records) expect(record.body).toMatch(/^Hi \S/);
  });

  test('progress goes to stderr', () => {
    expect(result.stderr).toContain('Generating 300 learners');
  });

  test('final progress lines equal report', () => {
    for (const automation of report.automations) {
      const skipped = Object.values(automation.skipped).reduce((sum, count) => sum + count, 0);
      const failed = Object.values(automation.failed).reduce((sum, count) => sum + count, 0);
      const line = `  ${automation.name}: ${automation.matched} matched, ${automation.sent} sent, ${skipped} skipped, ${failed} failed\n`;

      expect(result.stderr).toContain(line);
    }
  });

  test('other progress lines say so far', () => {
    const progressLines = result.stderr.split('\n').filter((line) => / matched, /.test(line));
    const finalLines = progressLines.filter((line) => !line.endsWith(' so far'));

    expect(finalLines).toHaveLength(report.automations.length);
  });
});

describe('quickstart on a weekday', () => {
  // Friday 4 December 2026: only the daily Welcome automation is due.
  const weekday = '2026-12-04';
  let result: CliResult;

  beforeAll(async () => {
    const outDir = path.join(tempDir, 'weekday');
    result = await runCli(['--date', weekday, '--learners', '50', '--out', outDir]);
  }, 120_000);

  test('summary names automations not due', () => {
    expect(result.stdout).toContain(
      `Not due on ${weekday}: End date reminder (Mondays at 05:00, next 7 December 2026)`,
    );
    expect(result.stdout).toContain(
      `Not due on ${weekday}: Evidence chase (1st and 15th of every month at 05:00, next 15 December 2026)`,
    );
  });

  test('summary leaves due automation out', () => {
    expect(result.stdout).not.toContain('Not due on 2026-12-04: Welcome');
  });
});

describe('quickstart run twice', () => {
  let outDir: string;
  let reports: QuickstartReport[];
  let secondStderr: string;

  beforeAll(async () => {
    outDir = path.join(tempDir, 'twice');
    const args = ['--date', RUN_DATE, '--learners', '200', '--out', outDir, '--json'];
    const first = await runCli(args);
    const second = await runCli(args);
    reports = [parseReport(first), parseReport(second)];
    secondStderr = second.stderr;
  }, 120_000);

  test('second run sends again', () => {
    expect(sentOn(reports[1]!, 'email')).toBe(sentOn(reports[0]!, 'email'));
  });

  test('outbox holds one run only', async () => {
    const names = await readdir(path.join(outDir, RUN_DATE));
    const emails = names.filter((name) => name.endsWith('.eml'));
    const sms = await readFile(path.join(outDir, RUN_DATE, 'sms.jsonl'), 'utf8');

    expect(emails).toHaveLength(sentOn(reports[1]!, 'email'));
    expect(sms.trim().split('\n')).toHaveLength(sentOn(reports[1]!, 'sms'));
  });

  test('stderr says files were removed', () => {
    expect(secondStderr).toContain(`outbox files of an earlier run on ${RUN_DATE}`);
  });
});

describe('quickstart output', () => {
  test('summary table without --json', async () => {
    const outDir = path.join(tempDir, 'summary');

    const result = await runCli(['--date', RUN_DATE, '--learners', '50', '--out', outDir]);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Automation\s+Channel\s+Status\s+Matched\s+Sent/m);
    expect(result.stdout).toContain('End date reminder');
    expect(result.stdout).toContain(`This run's messages are in ${path.join(outDir, RUN_DATE)}`);
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
    expect(result.stderr).toMatch(/^ {2}End date reminder: \d+ matched, \d+ would send, /m);
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
    [['--learners', '-3'], 'Invalid --learners "-3": use a whole number from 0 to 1000000'],
  ])('%j exits with a message', async (args, message) => {
    const result = await runCli(args);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(2);
    expect(result.stdout).toBe('');
  });
});
