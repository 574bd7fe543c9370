import { describe, expect, it } from 'vitest';
import { parseLearner } from '../../src/model/index.js';
import type { EmailMessage } from '../../src/ports/transports.js';
import { createRunner, type RunnerOptions } from '../../src/runner/index.js';
import {
  createFakeTimer,
  createRecordingTransport,
  dailyAutomation,
  learner,
  seedStorage,
  winterRunTime,
} from './support.js';

type Storage = Awaited<ReturnType<typeof seedStorage>>;

function runnerFor(storage: Storage, options: Partial<RunnerOptions> = {}) {
  const transport = createRecordingTransport();
  const runner = createRunner({
    storage,
    transports: { email: transport, sms: transport },
    timer: createFakeTimer(),
    ...options,
  });

  return { runner, transport };
}

describe('runner delivery', () => {
  it('sends one email per learner', async () => {
    const storage = await seedStorage([learner('L1'), learner('L2')], [dailyAutomation('a-1')]);
    const { runner, transport } = runnerFor(storage);
    const report = await runner.runDue({ now: winterRunTime('2026-12-07') });

    expect(report.automations[0]?.sent).toBe(2);
    expect(transport.calls.map((call) => call.message.learnerId)).toEqual(['L1', 'L2']);
  });

  it('renders subject, html and text', async () => {
    const storage = await seedStorage(
      [learner('L1', { firstName: 'Amara' })],
      [dailyAutomation('a-1')],
    );
    const { runner, transport } = runnerFor(storage);
    await runner.runDue({ now: winterRunTime('2026-12-07') });
    const message = transport.calls[0]?.message as EmailMessage;

    expect(message.subject).toBe('Hello Amara');
    expect(message.html).toBe('<p>Hello Amara</p>');
    expect(message.text.trim()).toBe('Hello Amara');
    expect(message.to).toBe('l1@example.com');
  });

  it('passes a stable idempotency key', async () => {
    const storage = await seedStorage([learner('L1')], [dailyAutomation('a-1')]);
    const { runner, transport } = runnerFor(storage);
    await runner.runDue({ now: winterRunTime('2026-12-07') });

    expect(transport.calls[0]?.message.idempotencyKey).toBe('a-1:L1:2026-12-07');
  });

  it('sends SMS in E.164 form', async () => {
    const automation = dailyAutomation('a-sms', {
      channel: 'sms',
      subject: undefined,
      body: 'Hi {{ firstName }}',
    });
    const storage = await seedStorage(
      [learner('L1', { mobile: '0044 7400 100001' })],
      [automation],
    );
    const { runner, transport } = runnerFor(storage);
    const report = await runner.runDue({ now: winterRunTime('2026-12-07') });

    expect(transport.calls[0]?.message.to).toBe('+447400100001');
    expect(report.automations[0]?.segments).toBe(1);
  });

  it('records the ledger entry as sent', async () => {
    const storage = await seedStorage([learner('L1')], [dailyAutomation('a-1')]);
    const { runner } = runnerFor(storage);
    await runner.runDue({ now: winterRunTime('2026-12-07') });
    const entry = await storage.ledger.get({
      automationId: 'a-1',
      learnerId: 'L1',
      runDate: '2026-12-07',
    });

    expect(entry?.status).toBe('sent');
    expect(entry?.transportMessageId).toBe('m-1');
    expect(entry?.attempts).toBe(1);
  });

  it('finishes the run with its report', async () => {
    const storage = await seedStorage([learner('L1')], [dailyAutomation('a-1')]);
    const { runner } = runnerFor(storage);
    await runner.runDue({ now: winterRunTime('2026-12-07') });
    const run = await storage.runs.get({ automationId: 'a-1', runDate: '2026-12-07' });

    expect(run?.status).toBe('finished');
    expect((run?.summary as { sent: number } | undefined)?.sent).toBe(1);
  });

  it('counts learners without an address', async () => {
    const learners = [learner('L1', { email: 'not-an-address' }), learner('L2', { email: null })];
    const storage = await seedStorage(learners, [dailyAutomation('a-1')]);
    const { runner, transport } = runnerFor(storage);
    const report = await runner.runDue({ now: winterRunTime('2026-12-07') });

    expect(report.automations[0]?.skipped.noAddress).toBe(2);
    expect(transport.calls).toHaveLength(0);
  });

  it('writes the communication log', async () => {
    const automation = dailyAutomation('a-1', {
      delivery: { respectContactMethods: true, logCommunication: true },
    });
    const storage = await seedStorage([learner('L1', { firstName: 'Amara' })], [automation]);
    const { runner } = runnerFor(storage);
    await runner.runDue({ now: winterRunTime('2026-12-07') });
    const records = await storage.communications.listForLearner({ learnerId: 'L1' });

    expect(records).toHaveLength(1);
    expect(records[0]?.subject).toBe('Hello Amara');
    expect(records[0]?.transportMessageId).toBe('m-1');
  });

  it('skips the log when not ticked', async () => {
    const storage = await seedStorage([learner('L1')], [dailyAutomation('a-1')]);
    const { runner } = runnerFor(storage);
    await runner.runDue({ now: winterRunTime('2026-12-07') });

    expect(await storage.communications.listForLearner({ learnerId: 'L1' })).toHaveLength(0);
  });

  it('renders a missing host field empty', async () => {
    const hostFields = [
      { key: 'cohort', label: 'Cohort', type: 'text' as const, example: 'Spring 2026' },
    ];
    const automation = dailyAutomation('a-1', { body: '<p>Cohort: [{{ cohort }}]</p>' });
    const storage = await seedStorage([learner('L1')], [automation], hostFields);
    const { runner, transport } = runnerFor(storage, { hostMergeFields: hostFields });
    const report = await runner.runDue({ now: winterRunTime('2026-12-07') });

    expect(report.automations[0]?.sent).toBe(1);
    expect((transport.calls[0]?.message as EmailMessage | undefined)?.html).toBe(
      '<p>Cohort: []</p>',
    );
  });
});

describe('runner contact methods', () => {
  const learners = [
    learner('L1', { allowedContactMethods: ['email'] }),
    learner('L2', { allowedContactMethods: ['sms', 'post'] }),
    learner('L3', { allowedContactMethods: [] }),
  ];

  it('skips learners who disallow the channel', async () => {
    const storage = await seedStorage(learners, [dailyAutomation('a-1')]);
    const { runner, transport } = runnerFor(storage);
    const report = await runner.runDue({ now: winterRunTime('2026-12-07') });

    expect(transport.calls.map((call) => call.message.learnerId)).toEqual(['L1']);
    expect(report.automations[0]?.skipped.contactMethodNotAllowed).toBe(2);
  });

  it('sends to everyone when not respected', async () => {
    const automation = dailyAutomation('a-1', {
      delivery: { respectContactMethods: false, logCommunication: false },
    });
    const storage = await seedStorage(learners, [automation]);
    const { runner, transport } = runnerFor(storage);
    await runner.runDue({ now: winterRunTime('2026-12-07') });

    expect(transport.calls).toHaveLength(3);
  });

  it('applies to SMS as well', async () => {
    const automation = dailyAutomation('a-sms', { channel: 'sms', subject: undefined });
    const storage = await seedStorage(learners, [automation]);
    const { runner, transport } = runnerFor(storage);
    await runner.runDue({ now: winterRunTime('2026-12-07') });

    expect(transport.calls.map((call) => call.message.learnerId)).toEqual(['L2']);
  });
});

describe('runner max messages', () => {
  it('stops at the cap across run dates', async () => {
    const automation = dailyAutomation('a-1', {
      delivery: { respectContactMethods: true, logCommunication: false, maxMessages: 2 },
    });
    const storage = await seedStorage([learner('L1')], [automation]);
    const { runner, transport } = runnerFor(storage);
    const reports = [];
    for (const date of ['2026-12-07', '2026-12-08', '2026-12-09']) {
      reports.push(await runner.runDue({ now: winterRunTime(date) }));
    }

    expect(reports.map((report) => report.automations[0]?.sent)).toEqual([1, 1, 0]);
    expect(reports[2]?.automations[0]?.skipped.maxMessagesReached).toBe(1);
    expect(transport.calls).toHaveLength(2);
  });

  it('does not count failed messages', async () => {
    const automation = dailyAutomation('a-1', {
      delivery: { respectContactMethods: true, logCommunication: false, maxMessages: 1 },
    });
    const storage = await seedStorage([learner('L1')], [automation]);
    const failing = createRecordingTransport({
      fail: () => new Error('Connection reset'),
    });
    const timer = createFakeTimer();
    const first = createRunner({ storage, transports: { email: failing }, timer });
    await first.runDue({ now: winterRunTime('2026-12-07') });
    const { runner, transport } = runnerFor(storage);
    const report = await runner.runDue({ now: winterRunTime('2026-12-08') });

    expect(report.automations[0]?.sent).toBe(1);
    expect(transport.calls).toHaveLength(1);
  });
});

describe('runner eligibility', () => {
  it('sends once a learner becomes eligible', async () => {
    const automation = dailyAutomation('a-1', { filters: { episodeStatus: 'inLearning' } });
    const storage = await seedStorage([learner('L1', { startDate: '2026-12-20' })], [automation]);
    const { runner, transport } = runnerFor(storage);
    const before = await runner.runDue({ now: winterRunTime('2026-12-07') });
    await storage.learners.upsertLearners({
      learners: [parseLearner(learner('L1', { startDate: '2026-12-01' }))],
    });
    const after = await runner.runDue({ now: winterRunTime('2026-12-08') });

    expect(before.automations[0]?.matched).toBe(0);
    expect(after.automations[0]?.sent).toBe(1);
    expect(transport.calls[0]?.message.idempotencyKey).toBe('a-1:L1:2026-12-08');
  });
});
