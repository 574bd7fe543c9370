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

async function setup(timeZone?: string) {
  const storage = await seedStorage([learner('L1'), learner('L2')], [dailyAutomation('a-1')]);
  const transport = createRecordingTransport();
  const runner = createRunner({
    storage,
    transports: { email: transport },
    timer: createFakeTimer(),
    timeZone,
  });

  return { storage, transport, runner };
}

describe('runner catch-up', () => {
  it('runs when called at 14:00', async () => {
    const { runner, transport } = await setup();
    const report = await runner.runDue({ now: winterRunTime('2026-12-07', '14:00') });

    expect(report.automations[0]?.status).toBe('completed');
    expect(transport.calls).toHaveLength(2);
  });

  it('sends nothing new on a second call', async () => {
    const { runner, transport } = await setup();
    await runner.runDue({ now: winterRunTime('2026-12-07', '14:00') });
    const second = await runner.runDue({ now: winterRunTime('2026-12-07', '18:30') });

    expect(second.automations[0]?.status).toBe('alreadyFinished');
    expect(transport.calls).toHaveLength(2);
  });

  it('does not run at 04:59', async () => {
    const { runner, transport } = await setup();
    const report = await runner.runDue({ now: winterRunTime('2026-12-07', '04:59') });

    expect(report.automations).toEqual([]);
    expect(transport.calls).toHaveLength(0);
  });

  it('runs at 05:00 exactly', async () => {
    const { runner } = await setup();
    const report = await runner.runDue({ now: winterRunTime('2026-12-07', '05:00') });

    expect(report.automations).toHaveLength(1);
  });

  it('reports the local run date', async () => {
    const { runner } = await setup();
    const report = await runner.runDue({ now: winterRunTime('2026-12-07', '14:00') });

    expect(report.runDate).toBe('2026-12-07');
  });

  it('skips a day the schedule excludes', async () => {
    const automation = dailyAutomation('a-mon', {
      schedule: { kind: 'daysOfWeek', days: ['monday'] },
    });
    const storage = await seedStorage([learner('L1')], [automation]);
    const runner = createRunner({ storage, transports: { email: createRecordingTransport() } });
    const report = await runner.runDue({ now: winterRunTime('2026-12-08') });

    expect(report.automations).toEqual([]);
  });
});

describe('runner across spring forward', () => {
  // Clocks in London go from 01:00 GMT to 02:00 BST on 29 March 2026, so 05:00 local is 04:00 UTC.
  it('waits until 05:00 BST', async () => {
    const { runner } = await setup('Europe/London');
    const report = await runner.runDue({ now: new Date('2026-03-29T03:59:00Z') });

    expect(report.automations).toEqual([]);
  });

  it('runs at 05:00 BST', async () => {
    const { runner, transport } = await setup('Europe/London');
    const report = await runner.runDue({ now: new Date('2026-03-29T04:00:00Z') });

    expect(report.runDate).toBe('2026-03-29');
    expect(transport.calls).toHaveLength(2);
  });

  it('runs once on that day', async () => {
    const { runner, transport } = await setup('Europe/London');
    await runner.runDue({ now: new Date('2026-03-29T04:00:00Z') });
    await runner.runDue({ now: new Date('2026-03-29T22:59:00Z') });

    expect(transport.calls).toHaveLength(2);
  });

  it('starts the next day after midnight BST', async () => {
    const { runner, transport } = await setup('Europe/London');
    await runner.runDue({ now: new Date('2026-03-29T04:00:00Z') });
    const report = await runner.runDue({ now: new Date('2026-03-30T04:00:00Z') });

    expect(report.runDate).toBe('2026-03-30');
    expect(transport.calls).toHaveLength(4);
  });
});

describe('runner back-fill', () => {
  it('runs a missed date on request', async () => {
    const { runner, transport } = await setup();
    const report = await runner.runAutomation({
      automationId: 'a-1',
      runDate: '2026-12-01',
      now: winterRunTime('2026-12-07'),
    });

    expect(report.sent).toBe(2);
    expect(transport.calls[0]?.message.idempotencyKey).toBe('a-1:L1:2026-12-01');
  });

  it('rejects an unknown automation', async () => {
    const { runner } = await setup();
    const run = runner.runAutomation({
      automationId: 'nope',
      runDate: '2026-12-01',
      now: new Date(),
    });

    await expect(run).rejects.toThrow(/nope/);
  });

  it('rejects an invalid run date', async () => {
    const { runner } = await setup();
    const run = runner.runAutomation({
      automationId: 'a-1',
      runDate: '2026-02-30',
      now: new Date(),
    });

    await expect(run).rejects.toThrow(/2026-02-30/);
  });
});
