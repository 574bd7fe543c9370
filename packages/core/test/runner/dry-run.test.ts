import { describe, expect, it } from 'vitest';
import { createRunner } from '../../src/runner/index.js';
import {
  createRecordingTransport,
  dailyAutomation,
  learner,
  seedStorage,
  winterRunTime,
} from './support.js';

const runKey = { automationId: 'a-1', runDate: '2026-12-07' };

async function dryRun(automation = dailyAutomation('a-1')) {
  const learners = [learner('L1', { firstName: 'Amara' }), learner('L2', { email: null })];
  const storage = await seedStorage(learners, [automation]);
  const transport = createRecordingTransport();
  const runner = createRunner({ storage, transports: { email: transport, sms: transport } });
  const report = await runner.runDue({ now: winterRunTime('2026-12-07'), dryRun: true });

  return { storage, transport, report, automationReport: report.automations[0] };
}

describe('runner dry run', () => {
  it('plans each message', async () => {
    const { automationReport } = await dryRun();

    expect(automationReport?.planned).toEqual([
      { learnerId: 'L1', to: 'l1@example.com', subject: 'Hello Amara', body: '<p>Hello Amara</p>' },
    ]);
  });

  it('counts like a real run', async () => {
    const { report, automationReport } = await dryRun();

    expect(report.dryRun).toBe(true);
    expect(automationReport?.matched).toBe(2);
    expect(automationReport?.sent).toBe(1);
    expect(automationReport?.skipped.noAddress).toBe(1);
  });

  it('sends nothing', async () => {
    const { transport } = await dryRun();

    expect(transport.calls).toHaveLength(0);
  });

  it('writes no ledger entry', async () => {
    const { storage } = await dryRun();

    expect(await storage.ledger.get({ ...runKey, learnerId: 'L1' })).toBeUndefined();
  });

  it('claims no run', async () => {
    const { storage } = await dryRun();

    expect(await storage.runs.get(runKey)).toBeUndefined();
  });

  it('writes no communication record', async () => {
    const automation = dailyAutomation('a-1', {
      delivery: { respectContactMethods: true, logCommunication: true },
    });
    const { storage } = await dryRun(automation);

    expect(await storage.communications.listForLearner({ learnerId: 'L1' })).toHaveLength(0);
  });

  it('reports SMS encoding and segments', async () => {
    const automation = dailyAutomation('a-1', {
      channel: 'sms',
      subject: undefined,
      body: 'Zoë says hi {{ firstName }}',
    });
    const { automationReport } = await dryRun(automation);

    expect(automationReport?.planned?.[0]?.sms).toEqual({ encoding: 'UCS-2', segments: 1 });
  });

  it('skips messages already sent', async () => {
    const storage = await seedStorage([learner('L1')], [dailyAutomation('a-1')]);
    const runner = createRunner({ storage, transports: { email: createRecordingTransport() } });
    await runner.runDue({ now: winterRunTime('2026-12-07') });
    const report = await runner.runAutomation({
      ...runKey,
      now: winterRunTime('2026-12-07'),
      dryRun: true,
    });

    expect(report.skipped.alreadySent).toBe(1);
    expect(report.planned).toEqual([]);
  });

  it('applies max messages', async () => {
    const automation = dailyAutomation('a-1', {
      delivery: { respectContactMethods: true, logCommunication: false, maxMessages: 1 },
    });
    const storage = await seedStorage([learner('L1')], [automation]);
    const runner = createRunner({ storage, transports: { email: createRecordingTransport() } });
    await runner.runDue({ now: winterRunTime('2026-12-07') });
    const report = await runner.runDue({ now: winterRunTime('2026-12-08'), dryRun: true });

    expect(report.automations[0]?.skipped.maxMessagesReached).toBe(1);
  });

  it('reports a reserved entry uncertain', async () => {
    const storage = await seedStorage([learner('L1')], [dailyAutomation('a-1')]);
    await storage.ledger.reserve({ ...runKey, learnerId: 'L1', now: winterRunTime('2026-12-07') });
    const runner = createRunner({ storage, transports: { email: createRecordingTransport() } });
    const report = await runner.runDue({ now: winterRunTime('2026-12-07'), dryRun: true });

    expect(report.automations[0]?.uncertain).toBe(1);
    expect(report.automations[0]?.skipped.uncertain).toBe(1);
  });
});
