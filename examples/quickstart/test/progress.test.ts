import type { AutomationRunReport, RunProgress } from '@pics/automations-core';
import { describe, expect, test } from 'vitest';
import { createProgressReporter, type ProgressOptions } from '../src/progress.js';

const NAMES = new Map([['a-1', 'End date reminder']]);

// What the reporter writes to rewrite a line: carriage return, then erase the line.
const CLEAR_LINE = '\r\u001b[2K';

function progressEvent(overrides: Partial<RunProgress>): RunProgress {
  return {
    automationId: 'a-1',
    runDate: '2026-12-07',
    matched: 107,
    sent: 81,
    skipped: 19,
    failed: 0,
    ...overrides,
  };
}

function runReport(overrides: Partial<AutomationRunReport>): AutomationRunReport {
  return {
    automationId: 'a-1',
    name: 'End date reminder',
    channel: 'email',
    runDate: '2026-12-07',
    status: 'completed',
    matched: 191,
    sent: 151,
    skipped: {
      noAddress: 32,
      contactMethodNotAllowed: 8,
      maxMessagesReached: 0,
      alreadySent: 0,
      uncertain: 0,
    },
    failed: { permanent: 0, retriesExhausted: 0, renderFailed: 0, noTransport: 0 },
    uncertain: 0,
    durationMs: 0,
    ...overrides,
  };
}

/** Creates a reporter that writes into a string, with a clock the test moves by hand. */
function capture(options: Partial<ProgressOptions> = {}) {
  const output = { text: '', time: 0 };
  const reporter = createProgressReporter(
    { write: (text: string) => (output.text += text) },
    { names: NAMES, now: () => output.time, ...options },
  );

  return { output, reporter };
}

describe('progress reporter', () => {
  test('first event writes nothing', () => {
    const { output, reporter } = capture();

    reporter.update(progressEvent({}));

    expect(output.text).toBe('');
  });

  test('marks progress lines as so far', () => {
    const { output, reporter } = capture();

    reporter.update(progressEvent({ matched: 7 }));
    output.time += 1_000;
    reporter.update(progressEvent({}));

    expect(output.text).toBe(
      '  End date reminder: 107 matched, 81 sent, 19 skipped, 0 failed so far\n',
    );
  });

  test('skips lines within the interval', () => {
    const { output, reporter } = capture();

    reporter.update(progressEvent({}));
    output.time += 1_000;
    reporter.update(progressEvent({ matched: 150 }));
    output.time += 500;
    reporter.update(progressEvent({ matched: 170 }));

    expect(output.text).toContain('150 matched');
    expect(output.text).not.toContain('170 matched');
  });

  test('final line has report counts', () => {
    const { output, reporter } = capture();

    reporter.update(progressEvent({}));
    reporter.finish([runReport({})]);

    expect(output.text).toBe('  End date reminder: 191 matched, 151 sent, 40 skipped, 0 failed\n');
  });

  test('final line names other statuses', () => {
    const { output, reporter } = capture();

    reporter.finish([runReport({ status: 'alreadyFinished', matched: 0, sent: 0 })]);

    expect(output.text).toContain('(already finished by an earlier run)');
  });

  test('dry run says would send', () => {
    const { output, reporter } = capture({ dryRun: true });

    reporter.update(progressEvent({}));
    output.time += 1_000;
    reporter.update(progressEvent({}));
    reporter.finish([runReport({})]);

    expect(output.text).toContain('81 would send');
    expect(output.text).toContain('151 would send');
    expect(output.text).not.toMatch(/\d sent/);
  });

  test('terminal rewrites one line', () => {
    const { output, reporter } = capture({ interactive: true });

    reporter.update(progressEvent({}));
    output.time += 100;
    reporter.update(progressEvent({ matched: 150 }));

    expect(output.text).not.toContain('\n');
    expect(output.text.endsWith('150 matched, 81 sent, 19 skipped, 0 failed so far')).toBe(true);
    expect(output.text.split(CLEAR_LINE)).toHaveLength(3);
  });

  test('terminal finish clears live line', () => {
    const { output, reporter } = capture({ interactive: true });

    reporter.update(progressEvent({}));
    reporter.finish([runReport({})]);

    expect(
      output.text.endsWith(
        `so far${CLEAR_LINE}  End date reminder: 191 matched, 151 sent, 40 skipped, 0 failed\n`,
      ),
    ).toBe(true);
  });

  test('terminal log redraws live line', () => {
    const { output, reporter } = capture({ interactive: true });

    reporter.update(progressEvent({}));
    reporter.write('{"level":40}\n');

    expect(output.text).toContain(`so far${CLEAR_LINE}{"level":40}\n  End date reminder: 107`);
  });

  test('terminal cuts long lines', () => {
    const { output, reporter } = capture({ interactive: true, columns: 30 });

    reporter.update(progressEvent({}));

    expect(output.text.replace(CLEAR_LINE, '')).toHaveLength(29);
  });
});
