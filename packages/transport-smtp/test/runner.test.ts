import {
  type AutomationInput,
  createMergeCatalogue,
  createRunner,
  type LearnerInput,
  parseAutomation,
} from '@pics/automations-core';
import { createMemoryStorage, type MemoryStorage } from '@pics/automations-storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { createSmtpTransport } from '../src/index.js';
import { type ScriptedReply, startSmtpServer, type TestSmtpServer } from './support/smtp-server.js';

const runDate = '2026-12-07';
// 05:00 in London in winter, when the automation is due.
const now = new Date(`${runDate}T05:00:00Z`);
const ledgerKey = { automationId: 'a-1', learnerId: 'L1', runDate };
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup();
  }
});

const learner: LearnerInput = {
  id: 'L1',
  firstName: 'Zoë',
  lastName: 'Łęcka',
  email: 'zoe@example.com',
  allowedContactMethods: ['email'],
  enteredOn: '2026-01-05',
  startDate: '2026-01-05',
};

const automation: AutomationInput = {
  id: 'a-1',
  name: 'Daily hello',
  channel: 'email',
  title: 'Daily hello',
  subject: 'Hello {{ firstName }} 🎓',
  body: '<p>Hello {{ firstName }}</p>',
  schedule: {
    kind: 'daysOfWeek',
    days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
  },
  delivery: { respectContactMethods: true, logCommunication: false },
  filters: {},
};

async function run(
  script: Record<string, ScriptedReply[]>,
  learners: LearnerInput[] = [learner],
): Promise<{ storage: MemoryStorage; server: TestSmtpServer; sent: number; permanent: number }> {
  const server = await startSmtpServer({ script });
  const transport = createSmtpTransport({
    host: '127.0.0.1',
    port: server.port,
    from: 'noreply@training.example.com',
  });
  cleanups.push(server.stop, async () => transport.close?.());
  const storage = createMemoryStorage({ learners });
  const parsed = parseAutomation(automation, { catalogue: createMergeCatalogue([]) });
  await storage.automations.create({ automation: parsed, now });
  const runner = createRunner({
    storage,
    transports: { email: transport },
    retry: { attempts: 4, baseDelayMs: 1, maxDelayMs: 5 },
  });
  const report = await runner.runDue({ now });
  const [result] = report.automations;

  return { storage, server, sent: result?.sent ?? 0, permanent: result?.failed.permanent ?? 0 };
}

describe('smtp transport under the runner', () => {
  const transientReplies = {
    'zoe@example.com': [
      { code: 421, text: 'Service shutting down' },
      { code: 450, text: 'Mailbox busy' },
    ],
  };

  it('retries 421 and 450 until sent', async () => {
    const { sent } = await run(transientReplies);

    expect(sent).toBe(1);
  });

  it('delivers one message after retries', async () => {
    const { server } = await run(transientReplies);

    expect(server.received).toHaveLength(1);
  });

  it('records three attempts', async () => {
    const { storage } = await run(transientReplies);

    expect((await storage.ledger.get(ledgerKey))?.attempts).toBe(3);
  });

  it('records the Message-ID', async () => {
    const { storage, server } = await run(transientReplies);

    expect((await storage.ledger.get(ledgerKey))?.transportMessageId).toBe(
      server.received[0]?.parsed.messageId,
    );
  });

  it('delivers the rendered subject', async () => {
    const { server } = await run({});

    expect(server.received[0]?.parsed.subject).toBe('Hello Zoë 🎓');
  });

  const rejected = { 'zoe@example.com': [{ code: 550, text: 'No such user here' }] };

  it('records 550 as permanent', async () => {
    const { permanent } = await run(rejected);

    expect(permanent).toBe(1);
  });

  it('sends a 550 once', async () => {
    const { server } = await run(rejected);

    expect(server.attempts).toEqual(['zoe@example.com']);
  });

  it('keeps the 550 reply code', async () => {
    const { storage } = await run(rejected);

    expect(await storage.ledger.get(ledgerKey)).toMatchObject({
      status: 'failed',
      errorCode: '550',
    });
  });

  it('adds no recipient for a hostile name', async () => {
    const hostile = { ...learner, firstName: 'X\r\nBcc: y@example.com' };
    const { server } = await run({}, [hostile]);

    expect(server.attempts).toEqual(['zoe@example.com']);
  });
});
