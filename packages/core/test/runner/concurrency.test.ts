import { describe, expect, it } from 'vitest';
import { createRunner } from '../../src/runner/index.js';
import {
  createFakeTimer,
  createRecordingTransport,
  dailyAutomation,
  learner,
  seedStorage,
  winterRunTime,
} from './support.js';

const learners = Array.from({ length: 30 }, (_, index) =>
  learner(`L${String(index).padStart(2, '0')}`),
);

describe('runner concurrency', () => {
  it('sends each message once with two runners', async () => {
    const automations = ['a-1', 'a-2', 'a-3'].map((id) => dailyAutomation(id));
    const storage = await seedStorage(learners, automations);
    const transport = createRecordingTransport();
    const runners = [1, 2].map(() =>
      createRunner({
        storage,
        transports: { email: transport },
        timer: createFakeTimer(),
        concurrency: 4,
      }),
    );
    await Promise.all(runners.map((runner) => runner.runDue({ now: winterRunTime('2026-12-07') })));
    const keys = transport.calls.map((call) => call.message.idempotencyKey);

    expect(keys).toHaveLength(90);
    expect(new Set(keys).size).toBe(90);
  });

  it('reports the run held elsewhere', async () => {
    const storage = await seedStorage(learners, [dailyAutomation('a-1')]);
    const transport = createRecordingTransport();
    const runners = [1, 2].map(() => createRunner({ storage, transports: { email: transport } }));
    const reports = await Promise.all(
      runners.map((runner) => runner.runDue({ now: winterRunTime('2026-12-07') })),
    );
    const statuses = reports.map((report) => report.automations[0]?.status).sort();

    expect(statuses).toEqual(['completed', 'heldElsewhere']);
  });

  it('keeps messages in flight bounded', async () => {
    const storage = await seedStorage(learners, [dailyAutomation('a-1')]);
    let inFlight = 0;
    let peak = 0;
    const transport = {
      name: 'slow',
      async sendEmail() {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight -= 1;

        return {};
      },
    };
    const runner = createRunner({ storage, transports: { email: transport }, concurrency: 3 });
    await runner.runDue({ now: winterRunTime('2026-12-07') });

    expect(peak).toBe(3);
  });
});

describe('runner after a crash', () => {
  it('reports a reserved entry uncertain', async () => {
    const storage = await seedStorage([learner('L1'), learner('L2')], [dailyAutomation('a-1')]);
    const key = { automationId: 'a-1', learnerId: 'L1', runDate: '2026-12-07' };
    await storage.ledger.reserve({ ...key, now: winterRunTime('2026-12-07') });
    const transport = createRecordingTransport();
    const runner = createRunner({ storage, transports: { email: transport } });
    const report = await runner.runDue({ now: winterRunTime('2026-12-07', '09:00') });
    const automationReport = report.automations[0];

    expect(automationReport?.uncertain).toBe(1);
    expect(automationReport?.skipped.uncertain).toBe(1);
    expect(transport.calls.map((call) => call.message.learnerId)).toEqual(['L2']);
  });

  it('leaves the uncertain entry reserved', async () => {
    const storage = await seedStorage([learner('L1')], [dailyAutomation('a-1')]);
    const key = { automationId: 'a-1', learnerId: 'L1', runDate: '2026-12-07' };
    await storage.ledger.reserve({ ...key, now: winterRunTime('2026-12-07') });
    const runner = createRunner({ storage, transports: { email: createRecordingTransport() } });
    await runner.runDue({ now: winterRunTime('2026-12-07', '09:00') });

    expect((await storage.ledger.get(key))?.status).toBe('reserved');
  });

  it('takes over an expired claim', async () => {
    const storage = await seedStorage([learner('L1'), learner('L2')], [dailyAutomation('a-1')]);
    const runKey = { automationId: 'a-1', runDate: '2026-12-07' };
    await storage.runs.claim({
      ...runKey,
      holder: 'crashed',
      leaseMs: 60_000,
      now: winterRunTime('2026-12-07'),
    });
    await storage.ledger.reserve({ ...runKey, learnerId: 'L1', now: winterRunTime('2026-12-07') });
    await storage.ledger.complete({
      ...runKey,
      learnerId: 'L1',
      status: 'sent',
      attempts: 1,
      now: winterRunTime('2026-12-07'),
    });
    const transport = createRecordingTransport();
    const runner = createRunner({ storage, transports: { email: transport } });
    const report = await runner.runDue({ now: winterRunTime('2026-12-07', '05:02') });

    expect(report.automations[0]?.status).toBe('completed');
    expect(report.automations[0]?.skipped.alreadySent).toBe(1);
    expect(transport.calls.map((call) => call.message.learnerId)).toEqual(['L2']);
  });

  it('leaves a live claim alone', async () => {
    const storage = await seedStorage([learner('L1')], [dailyAutomation('a-1')]);
    const runKey = { automationId: 'a-1', runDate: '2026-12-07' };
    await storage.runs.claim({
      ...runKey,
      holder: 'other',
      leaseMs: 600_000,
      now: winterRunTime('2026-12-07'),
    });
    const transport = createRecordingTransport();
    const runner = createRunner({ storage, transports: { email: transport } });
    const report = await runner.runDue({ now: winterRunTime('2026-12-07', '05:02') });

    expect(report.automations[0]?.status).toBe('heldElsewhere');
    expect(transport.calls).toHaveLength(0);
  });
});
