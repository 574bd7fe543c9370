import { describe, expect, it } from 'vitest';
import { parseAutomation, parseLearner } from '../../src/model/index.js';
import type { SmsTransport } from '../../src/ports/transports.js';
import {
  createLearnerDeliverer,
  createRunner,
  type RunnerOptions,
} from '../../src/runner/index.js';
import {
  createFakeTimer,
  createRecordingTransport,
  dailyAutomation,
  learner,
  seedStorage,
  winterRunTime,
} from './support.js';

const RUN_DATE = '2026-12-07';

// 71 or 72 characters with the names below: one segment in GSM-7 (up to 160), two in UCS-2
// (up to 70 in one).
const BODY = 'Hi {{ firstName }}, your progress review is due next Monday at 10:00. Reply STOP.';

const smsAutomation = dailyAutomation('a-sms', {
  channel: 'sms',
  subject: undefined,
  body: BODY,
  delivery: { respectContactMethods: true, logCommunication: true },
});

// Amara fits GSM-7; the right single quote in D’Arcy does not, so that message is UCS-2.
const learners = [learner('L1', { firstName: 'Amara' }), learner('L2', { firstName: 'D’Arcy' })];

async function runSms(options: Partial<RunnerOptions> = {}) {
  const storage = await seedStorage(learners, [smsAutomation]);
  const runner = createRunner({
    storage,
    transports: { sms: createRecordingTransport() },
    timer: createFakeTimer(),
    ...options,
  });
  const report = await runner.runDue({ now: winterRunTime(RUN_DATE) });

  return { storage, report: report.automations[0] };
}

function ledgerEntry(storage: Awaited<ReturnType<typeof seedStorage>>, learnerId: string) {
  return storage.ledger.get({ automationId: 'a-sms', learnerId, runDate: RUN_DATE });
}

describe('runner SMS size', () => {
  it('records GSM-7 size in ledger', async () => {
    const { storage } = await runSms();
    const entry = await ledgerEntry(storage, 'L1');

    expect(entry?.encoding).toBe('GSM-7');
    expect(entry?.segments).toBe(1);
  });

  it('records UCS-2 size in ledger', async () => {
    const { storage } = await runSms();
    const entry = await ledgerEntry(storage, 'L2');

    expect(entry?.encoding).toBe('UCS-2');
    expect(entry?.segments).toBe(2);
  });

  it('report counts each encoding', async () => {
    const { report } = await runSms();

    expect(report?.smsEncodings).toEqual({ 'GSM-7': 1, 'UCS-2': 1 });
    expect(report?.segments).toBe(3);
  });

  it('writes size to communication record', async () => {
    const { storage } = await runSms();
    const [record] = await storage.communications.listForLearner({ learnerId: 'L2' });

    expect(record?.encoding).toBe('UCS-2');
    expect(record?.segments).toBe(2);
  });

  it("prefers the transport's figures", async () => {
    const recording = createRecordingTransport();
    const billing: SmsTransport = {
      name: 'billing',
      async sendSms(args) {
        const result = await recording.sendSms(args);

        return { ...result, segments: 4 };
      },
    };
    const { storage, report } = await runSms({ transports: { sms: billing } });
    const entry = await ledgerEntry(storage, 'L1');

    expect(entry?.segments).toBe(4);
    expect(entry?.encoding).toBe('GSM-7');
    expect(report?.segments).toBe(8);
  });

  it('dry run counts planned encodings', async () => {
    const storage = await seedStorage(learners, [smsAutomation]);
    const runner = createRunner({ storage, transports: { sms: createRecordingTransport() } });
    const report = await runner.runDue({ now: winterRunTime(RUN_DATE), dryRun: true });

    expect(report.automations[0]?.smsEncodings).toEqual({ 'GSM-7': 1, 'UCS-2': 1 });
    expect(report.automations[0]?.segments).toBe(3);
  });

  it('email report has no encodings', async () => {
    const storage = await seedStorage(learners, [dailyAutomation('a-1')]);
    const runner = createRunner({ storage, transports: { email: createRecordingTransport() } });
    const report = await runner.runDue({ now: winterRunTime(RUN_DATE) });
    const entry = await storage.ledger.get({
      automationId: 'a-1',
      learnerId: 'L1',
      runDate: RUN_DATE,
    });

    expect(report.automations[0]?.smsEncodings).toBeUndefined();
    expect(entry?.encoding).toBeUndefined();
    expect(entry?.segments).toBeUndefined();
  });

  it('learner outcome carries size', async () => {
    const storage = await seedStorage([], [smsAutomation]);
    const deliverer = createLearnerDeliverer({
      storage,
      transports: { sms: createRecordingTransport() },
      timer: createFakeTimer(),
    });
    const delivery = deliverer.prepareRun({
      automation: parseAutomation(smsAutomation),
      runDate: RUN_DATE,
    });

    const outcome = await delivery.deliver(parseLearner(learner('L2', { firstName: 'D’Arcy' })));

    expect(outcome).toEqual({ status: 'sent', segments: 2, encoding: 'UCS-2' });
  });
});
