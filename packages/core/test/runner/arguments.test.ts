import { createMemoryStorage } from '@pics/automations-storage-memory';
import { describe, expect, test } from 'vitest';
import { ErrorCode } from '../../src/errors/errors.js';
import { createRunner, type Runner } from '../../src/runner/index.js';
import { localDate } from '../../src/schedule/time-zone.js';
import { createFakeTimer, createRecordingTransport } from './support.js';

function createEmptyRunner(timeZone?: string): Runner {
  return createRunner({
    storage: createMemoryStorage(),
    transports: { email: createRecordingTransport() },
    timer: createFakeTimer(),
    timeZone,
  });
}

describe('runDue arguments', () => {
  test('no argument runs for now', async () => {
    const report = await createEmptyRunner().runDue();

    expect(report.startedAt).toBeInstanceOf(Date);
    expect(report.runDate).toBe(localDate(report.startedAt, 'Europe/London'));
  });

  test('options without now run for now', async () => {
    const report = await createEmptyRunner().runDue({ dryRun: true });

    expect(report.dryRun).toBe(true);
    expect(report.runDate).toBe(localDate(report.startedAt, 'Europe/London'));
  });

  test.each([
    ['an invalid Date', new Date(Number.NaN), /now Invalid Date/],
    ['a string', '2026-12-07T05:00:00Z', /now "2026-12-07T05:00:00Z"/],
    ['a number', 1_796_000_000_000, /now 1796000000000/],
  ])('now as %s rejects', async (_, now, message) => {
    const error = await createEmptyRunner()
      .runDue({ now: now as Date })
      .catch((caught: unknown) => caught);

    expect(error).toMatchObject({ code: ErrorCode.InvalidArgument });
    expect((error as Error).message).toMatch(message);
  });

  test.each([
    ['a Date', new Date('2026-12-07T05:00:00Z'), /argument a Date/],
    ['null', null, /argument null/],
  ])('argument as %s rejects', async (_, argument, message) => {
    const error = await createEmptyRunner()
      .runDue(argument as never)
      .catch((caught: unknown) => caught);

    expect(error).toMatchObject({ code: ErrorCode.InvalidArgument });
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain('runDue({ now })');
  });
});

describe('runAutomation arguments', () => {
  test('invalid now rejects', async () => {
    const run = createEmptyRunner().runAutomation({
      automationId: 'a-1',
      runDate: '2026-12-07',
      now: new Date(Number.NaN),
    });

    await expect(run).rejects.toMatchObject({ code: ErrorCode.InvalidArgument });
  });
});

describe('createRunner time zone', () => {
  test.each([
    ['unknown', 'Mars/Olympus'],
    ['empty', ''],
  ])('%s zone rejects at creation', (_, timeZone) => {
    const create = () => createEmptyRunner(timeZone);

    expect(create).toThrow(expect.objectContaining({ code: ErrorCode.InvalidArgument }));
  });

  test('zone error names the zone', () => {
    expect(() => createEmptyRunner('Mars/Olympus')).toThrow(/"Mars\/Olympus"/);
  });

  test('zone applies to the run date', async () => {
    const report = await createEmptyRunner('Pacific/Kiritimati').runDue({
      now: new Date('2026-12-07T12:00:00Z'),
    });

    expect(report.runDate).toBe('2026-12-08');
  });
});
