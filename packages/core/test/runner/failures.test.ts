import { describe, expect, it } from 'vitest';
import { parseLearner } from '../../src/model/index.js';
import { createRunner } from '../../src/runner/index.js';
import {
  createFakeTimer,
  createRecordingTransport,
  dailyAutomation,
  learner,
  permanentError,
  seedStorage,
  transientError,
  winterRunTime,
} from './support.js';

const ledgerKey = { automationId: 'a-1', learnerId: 'L1', runDate: '2026-12-07' };

describe('runner retries', () => {
  it('retries a transient failure', async () => {
    const storage = await seedStorage([learner('L1')], [dailyAutomation('a-1')]);
    const transport = createRecordingTransport({
      fail: (_message, attempt) => (attempt < 3 ? transientError() : undefined),
    });
    const runner = createRunner({
      storage,
      transports: { email: transport },
      timer: createFakeTimer(),
    });
    const report = await runner.runDue({ now: winterRunTime('2026-12-07') });

    expect(transport.calls).toHaveLength(3);
    expect(transport.accepted()).toHaveLength(1);
    expect(report.automations[0]?.sent).toBe(1);
    expect((await storage.ledger.get(ledgerKey))?.attempts).toBe(3);
  });

  it('treats unknown errors as transient', async () => {
    const storage = await seedStorage([learner('L1')], [dailyAutomation('a-1')]);
    const transport = createRecordingTransport({
      fail: (_message, attempt) => (attempt === 1 ? new TypeError('socket hang up') : undefined),
    });
    const runner = createRunner({
      storage,
      transports: { email: transport },
      timer: createFakeTimer(),
    });
    await runner.runDue({ now: winterRunTime('2026-12-07') });

    expect(transport.accepted()).toHaveLength(1);
  });

  it('gives up after the attempts', async () => {
    const storage = await seedStorage([learner('L1')], [dailyAutomation('a-1')]);
    const transport = createRecordingTransport({ fail: () => transientError() });
    const runner = createRunner({
      storage,
      transports: { email: transport },
      timer: createFakeTimer(),
      retry: { attempts: 3 },
    });
    const report = await runner.runDue({ now: winterRunTime('2026-12-07') });
    const entry = await storage.ledger.get(ledgerKey);

    expect(transport.calls).toHaveLength(3);
    expect(report.automations[0]?.failed.retriesExhausted).toBe(1);
    expect(entry?.status).toBe('failed');
    expect(entry?.error).toBe('Connection timed out');
  });

  it('backs off exponentially with jitter', async () => {
    const storage = await seedStorage([learner('L1')], [dailyAutomation('a-1')]);
    const transport = createRecordingTransport({ fail: () => transientError() });
    const timer = createFakeTimer();
    const runner = createRunner({
      storage,
      transports: { email: transport },
      timer,
      random: () => 0.5,
      retry: { attempts: 4, baseDelayMs: 100, maxDelayMs: 300 },
    });
    await runner.runDue({ now: winterRunTime('2026-12-07') });

    expect(timer.sleeps).toEqual([50, 100, 150]);
  });

  it('honours retryAfterMs', async () => {
    const storage = await seedStorage([learner('L1')], [dailyAutomation('a-1')]);
    const transport = createRecordingTransport({
      fail: (_message, attempt) => (attempt === 1 ? transientError(2000) : undefined),
    });
    const timer = createFakeTimer();
    const runner = createRunner({ storage, transports: { email: transport }, timer });
    await runner.runDue({ now: winterRunTime('2026-12-07') });

    expect(timer.sleeps).toEqual([2000]);
  });

  it('gives up on a retryAfterMs too long', async () => {
    const storage = await seedStorage([learner('L1')], [dailyAutomation('a-1')]);
    const transport = createRecordingTransport({ fail: () => transientError(120_000) });
    const runner = createRunner({
      storage,
      transports: { email: transport },
      timer: createFakeTimer(),
    });
    const report = await runner.runDue({ now: winterRunTime('2026-12-07') });

    expect(transport.calls).toHaveLength(1);
    expect(report.automations[0]?.failed.retriesExhausted).toBe(1);
  });
});

describe('runner permanent failures', () => {
  it('records a permanent failure once', async () => {
    const storage = await seedStorage([learner('L1'), learner('L2')], [dailyAutomation('a-1')]);
    const transport = createRecordingTransport({
      fail: (message) => (message.learnerId === 'L1' ? permanentError() : undefined),
    });
    const runner = createRunner({
      storage,
      transports: { email: transport },
      timer: createFakeTimer(),
    });
    const report = await runner.runDue({ now: winterRunTime('2026-12-07') });
    const entry = await storage.ledger.get(ledgerKey);

    expect(transport.calls.filter((call) => call.message.learnerId === 'L1')).toHaveLength(1);
    expect(report.automations[0]?.failed.permanent).toBe(1);
    expect(report.automations[0]?.sent).toBe(1);
    expect(entry?.status).toBe('failed');
    expect(entry?.errorCode).toBe('550');
  });

  it('does not resend a failure', async () => {
    const storage = await seedStorage([learner('L1')], [dailyAutomation('a-1')]);
    const now = winterRunTime('2026-12-07');
    await storage.ledger.reserve({ ...ledgerKey, now });
    await storage.ledger.complete({ ...ledgerKey, status: 'failed', attempts: 1, now });
    const transport = createRecordingTransport();
    const runner = createRunner({ storage, transports: { email: transport } });
    const report = await runner.runAutomation({ ...ledgerKey, now });

    expect(report.skipped.alreadySent).toBe(1);
    expect(transport.calls).toHaveLength(0);
  });

  it('does not rerun a finished run', async () => {
    const storage = await seedStorage([learner('L1')], [dailyAutomation('a-1')]);
    const failing = createRecordingTransport({ fail: () => permanentError() });
    const now = winterRunTime('2026-12-07');
    await createRunner({ storage, transports: { email: failing } }).runAutomation({
      ...ledgerKey,
      now,
    });
    const transport = createRecordingTransport();
    const report = await createRunner({ storage, transports: { email: transport } }).runAutomation({
      ...ledgerKey,
      now,
    });

    expect(report.status).toBe('alreadyFinished');
    expect(transport.calls).toHaveLength(0);
  });
});

describe('runner failing automations', () => {
  it('fails an SMS run without transport', async () => {
    const sms = dailyAutomation('a-sms', {
      name: 'Welcome text',
      channel: 'sms',
      subject: undefined,
    });
    const storage = await seedStorage([learner('L1')], [sms, dailyAutomation('a-email')]);
    const transport = createRecordingTransport();
    const runner = createRunner({ storage, transports: { email: transport } });
    const report = await runner.runDue({ now: winterRunTime('2026-12-07') });
    const smsReport = report.automations.find((item) => item.automationId === 'a-sms');
    const emailReport = report.automations.find((item) => item.automationId === 'a-email');

    expect(smsReport?.status).toBe('failed');
    expect(smsReport?.error).toMatch(/Welcome text/);
    expect(emailReport?.sent).toBe(1);
  });

  it('leaves the SMS run unclaimed', async () => {
    const sms = dailyAutomation('a-sms', { channel: 'sms', subject: undefined });
    const storage = await seedStorage([learner('L1')], [sms]);
    const runner = createRunner({ storage, transports: {} });
    await runner.runDue({ now: winterRunTime('2026-12-07') });

    expect(
      await storage.runs.get({ automationId: 'a-sms', runDate: '2026-12-07' }),
    ).toBeUndefined();
  });

  it('goes on after a storage failure', async () => {
    const storage = await seedStorage(
      [learner('L1')],
      [dailyAutomation('a-1'), dailyAutomation('a-2')],
    );
    const reserve = storage.ledger.reserve.bind(storage.ledger);
    storage.ledger.reserve = async (args) => {
      if (args.automationId === 'a-1') throw new Error('Disk full');

      return reserve(args);
    };
    const transport = createRecordingTransport();
    const runner = createRunner({ storage, transports: { email: transport } });
    const report = await runner.runDue({ now: winterRunTime('2026-12-07') });

    expect(report.automations.map((item) => item.status)).toEqual(['failed', 'completed']);
    expect(report.automations[0]?.error).toBe('Disk full');
    expect(transport.calls.map((call) => call.message.automationId)).toEqual(['a-2']);
  });

  it('leaves a failed run unfinished', async () => {
    const storage = await seedStorage([learner('L1')], [dailyAutomation('a-1')]);
    storage.ledger.reserve = async () => {
      throw new Error('Disk full');
    };
    const runner = createRunner({ storage, transports: { email: createRecordingTransport() } });
    await runner.runDue({ now: winterRunTime('2026-12-07') });
    const run = await storage.runs.get({ automationId: 'a-1', runDate: '2026-12-07' });

    expect(run?.status).toBe('running');
  });
});

describe('runner rate limit', () => {
  it('spaces sends to maxPerSecond', async () => {
    const learners = Array.from({ length: 10 }, (_, index) => learner(`L${index}`));
    const storage = await seedStorage(learners, [dailyAutomation('a-1')]);
    const timer = createFakeTimer();
    const transport = createRecordingTransport({ maxPerSecond: 2, timer });
    const runner = createRunner({
      storage,
      transports: { email: transport },
      timer,
      concurrency: 10,
    });
    await runner.runDue({ now: winterRunTime('2026-12-07') });
    const times = transport.calls.map((call) => call.at).sort((first, second) => first - second);

    // Two tokens at the start, then one every 500 ms on the fake clock.
    expect(times).toEqual([0, 0, 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000]);
  });

  it('leaves an unlimited transport alone', async () => {
    const learners = Array.from({ length: 10 }, (_, index) => learner(`L${index}`));
    const storage = await seedStorage(learners, [dailyAutomation('a-1')]);
    const timer = createFakeTimer();
    const runner = createRunner({
      storage,
      transports: { email: createRecordingTransport() },
      timer,
    });
    await runner.runDue({ now: winterRunTime('2026-12-07') });

    expect(timer.sleeps).toEqual([]);
  });
});

describe('runner abort', () => {
  it('stops starting sends once aborted', async () => {
    const learners = Array.from({ length: 20 }, (_, index) =>
      learner(`L${String(index).padStart(2, '0')}`),
    );
    const storage = await seedStorage(learners, [dailyAutomation('a-1')]);
    const controller = new AbortController();
    const transport = createRecordingTransport({
      fail: (message) => {
        if (message.learnerId === 'L04') controller.abort();
        return undefined;
      },
    });
    const runner = createRunner({ storage, transports: { email: transport }, concurrency: 1 });
    const report = await runner.runDue({
      now: winterRunTime('2026-12-07'),
      signal: controller.signal,
    });
    const run = await storage.runs.get({ automationId: 'a-1', runDate: '2026-12-07' });

    expect(transport.calls).toHaveLength(5);
    expect(report.automations[0]?.status).toBe('failed');
    expect(run?.status).toBe('running');
  });
});

describe('runner lease', () => {
  it('stops sending once the lease is lost', async () => {
    const learners = Array.from({ length: 5 }, (_, index) => learner(`L${index}`));
    const storage = await seedStorage(learners, [dailyAutomation('a-1')]);
    let lostLease: () => void = () => {};
    const leaseLost = new Promise<void>((resolve) => {
      lostLease = resolve;
    });
    storage.runs.renew = async () => {
      lostLease();

      return false;
    };
    let calls = 0;
    const transport = {
      name: 'waits-for-renewal',
      async sendEmail() {
        calls += 1;
        await leaseLost;

        return {};
      },
    };
    const runner = createRunner({
      storage,
      transports: { email: transport },
      concurrency: 1,
      leaseMs: 1000,
    });
    const report = await runner.runDue({ now: winterRunTime('2026-12-07') });

    expect(calls).toBe(1);
    expect(report.automations[0]?.status).toBe('failed');
    expect(report.automations[0]?.error).toMatch(/lease/);
  });
});

describe('runner source failure', () => {
  it('lets messages in flight finish', async () => {
    const storage = await seedStorage([learner('L1'), learner('L2')], [dailyAutomation('a-1')]);
    let completed = 0;
    storage.learners.findLearners = async function* () {
      yield parseLearner(learner('L1'));
      throw new Error('Connection lost');
    };
    const transport = {
      name: 'slow',
      async sendEmail() {
        await new Promise((resolve) => setTimeout(resolve, 5));
        completed += 1;

        return {};
      },
    };
    const runner = createRunner({ storage, transports: { email: transport } });
    const report = await runner.runDue({ now: winterRunTime('2026-12-07') });
    const entry = await storage.ledger.get({
      automationId: 'a-1',
      learnerId: 'L1',
      runDate: '2026-12-07',
    });

    expect(report.automations[0]?.error).toBe('Connection lost');
    expect(completed).toBe(1);
    expect(entry?.status).toBe('sent');
  });
});
