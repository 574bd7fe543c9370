import { describe, expect, it } from 'vitest';
import { createRunner, type RunProgress } from '../../src/runner/index.js';
import {
  createRecordingLogger,
  createRecordingTransport,
  dailyAutomation,
  learner,
  permanentError,
  seedStorage,
  transientError,
  winterRunTime,
} from './support.js';

const learners = Array.from({ length: 250 }, (_, index) =>
  learner(`L${String(index).padStart(3, '0')}`, { email: `secret.person${index}@example.com` }),
);

async function runLogged() {
  const automation = dailyAutomation('a-1', { body: '<p>Confidential body text</p>' });
  const storage = await seedStorage(learners, [automation]);
  const logger = createRecordingLogger();
  const transport = createRecordingTransport({
    fail: (message, attempt) => {
      if (message.learnerId === 'L001') return permanentError();
      if (message.learnerId === 'L002' && attempt === 1) return transientError();

      return undefined;
    },
  });
  const progress: RunProgress[] = [];
  const runner = createRunner({
    storage,
    transports: { email: transport },
    logger,
    retry: { baseDelayMs: 1 },
  });
  await runner.runDue({
    now: winterRunTime('2026-12-07'),
    onProgress: (update) => progress.push(update),
  });

  return { lines: logger.lines, progress };
}

describe('runner logging', () => {
  it('logs run start and end', async () => {
    const { lines } = await runLogged();
    const messages = lines.map((line) => line.msg);

    expect(messages).toContain('Run started');
    expect(messages).toContain('Run finished');
  });

  it('logs counts at the end', async () => {
    const { lines } = await runLogged();
    const end = lines.find((line) => line.msg === 'Run finished');

    expect(end?.sent).toBe(249);
    expect(end?.matched).toBe(250);
  });

  it('scopes lines to the run', async () => {
    const { lines } = await runLogged();

    expect(lines.every((line) => line.automationId === 'a-1')).toBe(true);
    expect(lines.every((line) => line.runDate === '2026-12-07')).toBe(true);
  });

  it('logs failures with the learner id', async () => {
    const { lines } = await runLogged();
    const failure = lines.find((line) => line.level === 'error');

    expect(failure?.learnerId).toBe('L001');
  });

  it('logs a retry as a warning', async () => {
    const { lines } = await runLogged();
    const retry = lines.find((line) => line.level === 'warn');

    expect(retry?.learnerId).toBe('L002');
  });

  it('never logs addresses or bodies', async () => {
    const { lines } = await runLogged();
    const text = JSON.stringify(lines);

    expect(text).not.toMatch(/secret\.person/);
    expect(text).not.toMatch(/Confidential/);
  });
});

describe('runner progress', () => {
  it('survives a throwing callback', async () => {
    const storage = await seedStorage(learners, [dailyAutomation('a-1')]);
    const runner = createRunner({ storage, transports: { email: createRecordingTransport() } });
    const report = await runner.runDue({
      now: winterRunTime('2026-12-07'),
      onProgress: () => {
        throw new Error('Progress bar failed');
      },
    });

    expect(report.automations[0]?.status).toBe('completed');
  });

  it('finishes the run despite the callback', async () => {
    const storage = await seedStorage(learners, [dailyAutomation('a-1')]);
    const runner = createRunner({ storage, transports: { email: createRecordingTransport() } });
    await runner.runDue({
      now: winterRunTime('2026-12-07'),
      onProgress: () => {
        throw new Error('Progress bar failed');
      },
    });
    const run = await storage.runs.get({ automationId: 'a-1', runDate: '2026-12-07' });

    expect(run?.status).toBe('finished');
  });

  it('reports every 100 learners and at the end', async () => {
    const { progress } = await runLogged();

    expect(progress).toHaveLength(3);
    expect(progress.at(-1)).toEqual({
      automationId: 'a-1',
      runDate: '2026-12-07',
      matched: 250,
      sent: 249,
      skipped: 0,
      failed: 1,
    });
  });
});
