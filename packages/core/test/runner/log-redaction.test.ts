import { describe, expect, it } from 'vitest';
import { DeliveryError } from '../../src/errors/errors.js';
import { createRunner } from '../../src/runner/index.js';
import { errorForLog } from '../../src/runner/thrown.js';
import {
  createFakeTimer,
  createRecordingLogger,
  createRecordingTransport,
  dailyAutomation,
  learner,
  seedStorage,
  winterRunTime,
} from './support.js';

const address = 'secret.person@example.com';

// Serializes each line with its error's message and stack, which pino's err serializer includes.
function logText(lines: Array<Record<string, unknown>>): string {
  return JSON.stringify(
    lines.map(({ err, ...fields }) =>
      err instanceof Error ? { ...fields, message: err.message, stack: err.stack } : fields,
    ),
  );
}

async function runWithEchoingProvider(transient: boolean) {
  const storage = await seedStorage([learner('L1', { email: address })], [dailyAutomation('a-1')]);
  const logger = createRecordingLogger();
  const transport = createRecordingTransport({
    fail: (message) =>
      new DeliveryError(`550 5.1.1 <${message.to.toUpperCase()}>: Recipient address rejected`, {
        transient,
        providerCode: '550',
      }),
  });
  const runner = createRunner({
    storage,
    transports: { email: transport },
    logger,
    timer: createFakeTimer(),
  });
  await runner.runDue({ now: winterRunTime('2026-12-07') });

  return logText(logger.lines);
}

describe('runner log redaction', () => {
  it('masks an echoed address on failure', async () => {
    expect(await runWithEchoingProvider(false)).not.toMatch(/secret\.person/i);
  });

  it('masks an echoed address on retry', async () => {
    expect(await runWithEchoingProvider(true)).not.toMatch(/secret\.person/i);
  });

  it('keeps the provider reply readable', async () => {
    expect(await runWithEchoingProvider(false)).toContain('Recipient address rejected');
  });
});

describe('errorForLog', () => {
  it('masks a phone number without plus', () => {
    const logged = errorForLog(new Error('Invalid To 447400100001'), '+447400100001');

    expect((logged as Error).message).toBe('Invalid To +44*******001');
  });

  it('keeps the provider code', () => {
    const error = new DeliveryError(`550 <${address}>`, { transient: false, providerCode: '550' });

    expect((errorForLog(error, address) as DeliveryError).providerCode).toBe('550');
  });

  it('returns an unrelated error itself', () => {
    const error = new Error('Connection reset');

    expect(errorForLog(error, address)).toBe(error);
  });
});
