import { describe, expect, it } from 'vitest';
import { DeliveryError } from '../../src/errors/errors.js';
import type { EmailTransport, SendResult } from '../../src/ports/transports.js';
import { createRunner } from '../../src/runner/index.js';
import { UNREADABLE_ERROR_TEXT } from '../../src/runner/thrown.js';
import { readSendResult } from '../../src/runner/transport-call.js';
import {
  createFakeTimer,
  dailyAutomation,
  learner,
  seedStorage,
  winterRunTime,
} from './support.js';

const runDate = '2026-12-07';
const ledgerKey = { automationId: 'a-1', learnerId: 'L1', runDate };

// Values a careless transport or SDK may throw instead of an Error.
const hostileThrows: Array<[string, () => unknown]> = [
  ['a string', () => 'boom'],
  ['undefined', () => undefined],
  ['an object without prototype', () => Object.create(null)],
  [
    'an object whose toString throws',
    () => ({
      toString() {
        throw new Error('toString failed');
      },
    }),
  ],
  ['an Error whose message getter throws', () => errorWithThrowingGetter(new Error(), 'message')],
  [
    'a DeliveryError whose transient getter throws',
    () => errorWithThrowingGetter(new DeliveryError('x', { transient: false }), 'transient'),
  ],
];

async function runWithTransport(sendEmail: EmailTransport['sendEmail']) {
  const storage = await seedStorage(
    [learner('L1'), learner('L2')],
    [dailyAutomation('a-1'), dailyAutomation('a-2')],
  );
  const runner = createRunner({
    storage,
    transports: { email: { name: 'hostile', sendEmail } },
    timer: createFakeTimer(),
    retry: { attempts: 2 },
  });
  const report = await runner.runDue({ now: winterRunTime(runDate) });

  return { report, entry: await storage.ledger.get(ledgerKey) };
}

function errorWithThrowingGetter<Thrown extends object>(error: Thrown, property: string): Thrown {
  return Object.defineProperty(error, property, {
    get() {
      throw new Error(`reading ${property} failed`);
    },
  });
}

describe('runner hostile transport errors', () => {
  for (const [name, makeThrown] of hostileThrows) {
    it(`records ${name} as failed`, async () => {
      const { report, entry } = await runWithTransport(async () => {
        throw makeThrown();
      });

      expect(report.automations.map((run) => run.status)).toEqual(['completed', 'completed']);
      expect(report.automations[0]?.failed.retriesExhausted).toBe(2);
      expect(entry?.status).toBe('failed');
      expect(typeof entry?.error).toBe('string');
    });
  }

  it('records unreadable message as text', async () => {
    const { entry } = await runWithTransport(async () => {
      throw Object.create(null);
    });

    expect(entry?.error).toBe(UNREADABLE_ERROR_TEXT);
  });

  it('records a non-string message as text', async () => {
    const { entry } = await runWithTransport(async () => {
      throw Object.defineProperty(new Error(), 'message', { value: 42 });
    });

    expect(entry?.error).toBe('42');
  });
});

describe('runner hostile transport results', () => {
  const results: Array<[string, unknown]> = [
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['a numeric message id', { messageId: 42 }],
    [
      'a throwing getter',
      {
        get messageId() {
          throw new Error('reading messageId failed');
        },
      },
    ],
  ];
  for (const [name, result] of results) {
    it(`records ${name} as sent`, async () => {
      const { report, entry } = await runWithTransport(async () => result as SendResult);

      expect(report.automations.map((run) => run.sent)).toEqual([2, 2]);
      expect(entry?.status).toBe('sent');
      expect(entry?.transportMessageId).toBeUndefined();
    });
  }

  it('keeps a string message id', async () => {
    const { entry } = await runWithTransport(async () => ({ messageId: 'm-1', segments: -1 }));

    expect(entry?.transportMessageId).toBe('m-1');
  });
});

describe('readSendResult', () => {
  it('drops invalid SMS sizes', () => {
    expect(readSendResult({ segments: -1, encoding: 'ASCII' })).toEqual({
      messageId: undefined,
      segments: undefined,
      encoding: undefined,
    });
  });
});
