import type { Logger } from '@pics/automations-core';
import { afterEach, describe, expect, it } from 'vitest';
import { createSmtpTransport } from '../src/index.js';
import { emailMessage } from './support/messages.js';
import { startSmtpServer, type TestSmtpServer } from './support/smtp-server.js';

interface LogLine {
  level: string;
  bindings: Record<string, unknown>;
  fields: Record<string, unknown>;
  message: string | undefined;
}

/** A logger that keeps every line, with its child bindings, for inspection. */
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

const credentials = { user: 'automations', pass: 'pass-that-must-not-leak' };
const servers: TestSmtpServer[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    await server.stop();
  }
});

async function sendAndRecord(to: string, script = {}): Promise<LogLine[]> {
  const server = await startSmtpServer({ credentials, script });
  servers.push(server);
  const lines: LogLine[] = [];
  const transport = createSmtpTransport({
    host: '127.0.0.1',
    port: server.port,
    from: 'noreply@training.example.com',
    auth: credentials,
    logger: recordingLogger(lines),
  });
  await transport.sendEmail({ message: emailMessage({ to }) }).catch(() => undefined);
  await transport.close?.();

  return lines;
}

const rejection = {
  'zoe.learner@example.com': [{ code: 550, text: '<zoe.learner@example.com> unknown' }],
};

describe('smtp transport logging', () => {
  it('logs an accepted message', async () => {
    const lines = await sendAndRecord('zoe.learner@example.com');

    expect(lines.map((line) => line.message)).toEqual(['SMTP server accepted the message']);
  });

  it('scopes lines to the transport', async () => {
    const lines = await sendAndRecord('zoe.learner@example.com');

    expect(lines[0]?.bindings).toEqual({ transport: 'smtp' });
  });

  it('logs the automation and learner ids', async () => {
    const lines = await sendAndRecord('zoe.learner@example.com');

    expect(lines[0]?.fields).toMatchObject({ automationId: 'a-17', learnerId: 'l-1' });
  });

  it('logs a failure as a warning', async () => {
    const lines = await sendAndRecord('zoe.learner@example.com', rejection);

    expect(lines.map((line) => line.level)).toEqual(['warn']);
  });

  it('logs the reply code of a failure', async () => {
    const lines = await sendAndRecord('zoe.learner@example.com', rejection);

    expect(lines[0]?.fields.responseCode).toBe(550);
  });

  it.each([
    ['success', {}],
    ['failure', rejection],
  ])('keeps the full address out on %s', async (_case, script) => {
    const lines = await sendAndRecord('zoe.learner@example.com', script);

    expect(JSON.stringify(lines)).not.toContain('zoe.learner@');
  });

  it.each([
    ['password', 'pass-that-must-not-leak'],
    ['HTML body', 'Your programme ends soon.</p>'],
    ['text body', 'Hello Zoë'],
  ])('keeps the %s out', async (_case, secret) => {
    const lines = await sendAndRecord('zoe.learner@example.com', rejection);

    expect(JSON.stringify(lines)).not.toContain(secret);
  });
});
