import type { Logger } from '@pics/automations-core';
import { afterEach, describe, expect, it } from 'vitest';
import { createTwilioTransport } from '../src/index.js';
import {
  ACCOUNT_SID,
  AUTH_TOKEN,
  type FakeTwilio,
  startFakeTwilio,
} from './support/fake-twilio.js';
import { smsMessage } from './support/messages.js';

interface LogLine {
  level: string;
  bindings: Record<string, unknown>;
  fields: Record<string, unknown>;
  message: string | undefined;
}

function recordingLogger(lines: LogLine[], bindings: Record<string, unknown> = {}): Logger {
  const method =
    (level: string) =>
    (fieldsOrMessage: Record<string, unknown> | string, message?: string): void => {
      const fields = typeof fieldsOrMessage === 'string' ? {} : fieldsOrMessage;
      const text = typeof fieldsOrMessage === 'string' ? fieldsOrMessage : message;
      lines.push({ level, bindings, fields, message: text });
    };

  return {
    debug: method('debug'),
    info: method('info'),
    warn: method('warn'),
    error: method('error'),
    child: (more) => recordingLogger(lines, { ...bindings, ...more }),
  };
}

const servers: FakeTwilio[] = [];
const body = 'Your secret enrolment code is 4711';
const invalidTo = {
  status: 400,
  code: 21211,
  message: "The 'To' number +447400100001 is not a valid phone number.",
};

afterEach(async () => {
  for (const server of servers.splice(0)) {
    await server.stop();
  }
});

async function sendAndRecord(script = {}): Promise<LogLine[]> {
  const twilio = await startFakeTwilio({ script });
  servers.push(twilio);
  const lines: LogLine[] = [];
  const transport = createTwilioTransport({
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    from: '+447400900123',
    baseUrl: twilio.baseUrl,
    logger: recordingLogger(lines),
  });
  await transport.sendSms({ message: smsMessage({ body }) }).catch(() => undefined);

  return lines;
}

describe('twilio transport logging', () => {
  it('logs an accepted message', async () => {
    const lines = await sendAndRecord();

    expect(lines.map((line) => line.message)).toEqual(['Twilio accepted the message']);
  });

  it('scopes lines to the transport', async () => {
    const lines = await sendAndRecord();

    expect(lines[0]?.bindings).toEqual({ transport: 'twilio' });
  });

  it('logs a failure as a warning', async () => {
    const lines = await sendAndRecord({ '+447400100001': [invalidTo] });

    expect(lines[0]).toMatchObject({ level: 'warn', fields: { providerCode: '21211' } });
  });

  it.each([
    ['success', {}],
    ['failure', { '+447400100001': [invalidTo] }],
  ])('keeps secrets out on %s', async (_case, script) => {
    const text = JSON.stringify(await sendAndRecord(script));

    expect([AUTH_TOKEN, body, '+447400100001'].filter((secret) => text.includes(secret))).toEqual(
      [],
    );
  });
});
