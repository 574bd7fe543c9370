import { describe, expect, it } from 'vitest';
import { type Automation, parseLearner } from '../../src/model/index.js';
import type { EmailTransport } from '../../src/ports/transports.js';
import { createLearnerDeliverer, createRunner } from '../../src/runner/index.js';
import {
  createFakeTimer,
  createRecordingTransport,
  dailyAutomation,
  learner,
  seedStorage,
  winterRunTime,
} from './support.js';

const runDate = '2026-12-07';
const ledgerKey = { automationId: 'a-1', learnerId: 'L1', runDate };

/** Returns an email transport whose sends never settle, recording the signal of each call. */
function createHangingTransport(): EmailTransport & { signals: AbortSignal[] } {
  const signals: AbortSignal[] = [];

  return {
    name: 'hanging',
    signals,
    sendEmail: ({ signal }) => {
      if (signal !== undefined) signals.push(signal);

      return new Promise(() => {});
    },
  };
}

async function runHanging() {
  const storage = await seedStorage([learner('L1')], [dailyAutomation('a-1')]);
  const transport = createHangingTransport();
  const runner = createRunner({
    storage,
    transports: { email: transport },
    timer: createFakeTimer(),
    sendTimeoutMs: 20,
  });
  const report = await runner.runDue({ now: winterRunTime(runDate) });

  return { storage, transport, run: report.automations[0] };
}

describe('runner send timeout', () => {
  it('finishes a run whose send hangs', async () => {
    const { run } = await runHanging();

    expect(run?.status).toBe('completed');
  });

  it('counts a hung send as uncertain', async () => {
    const { run } = await runHanging();

    expect(run?.skipped.uncertain).toBe(1);
  });

  it('leaves the hung entry reserved', async () => {
    const { storage } = await runHanging();

    expect((await storage.ledger.get(ledgerKey))?.status).toBe('reserved');
  });

  it('does not retry a hung send', async () => {
    const { transport } = await runHanging();

    expect(transport.signals).toHaveLength(1);
  });

  it('aborts the signal of a hung send', async () => {
    const { transport } = await runHanging();

    expect(transport.signals[0]?.aborted).toBe(true);
  });

  it('never resends a hung message', async () => {
    const { storage } = await runHanging();
    const transport = createRecordingTransport();
    const deliverer = createLearnerDeliverer({ storage, transports: { email: transport } });
    const automation = await storage.automations.get({ id: 'a-1' });
    const delivery = deliverer.prepareRun({ automation: automation as Automation, runDate });
    await delivery.deliver(parseLearner(learner('L1')));

    expect(transport.calls).toHaveLength(0);
  });

  it('rejects a sendTimeoutMs of zero', () => {
    const transport = createRecordingTransport();

    expect(() =>
      createRunner({
        storage: undefined as never,
        transports: { email: transport },
        sendTimeoutMs: 0,
      }),
    ).toThrow(/sendTimeoutMs/);
  });
});
