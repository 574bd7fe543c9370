import type { EmailTransport } from '@pics/automations-core';
import type { AddressObject } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSmtpTransport } from '../src/index.js';
import { emailMessage } from './support/messages.js';
import { startSmtpServer, type TestSmtpServer } from './support/smtp-server.js';

let server: TestSmtpServer;
let transport: EmailTransport;

beforeEach(async () => {
  server = await startSmtpServer();
  transport = createSmtpTransport({
    host: '127.0.0.1',
    port: server.port,
    from: { name: 'Łódź Training Ltd', address: 'noreply@training.example.com' },
    replyTo: 'office@training.example.com',
  });
});

afterEach(async () => {
  await transport.close?.();
  await server.stop();
});

const message = emailMessage;

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = field === undefined ? [] : [field].flat();

  return objects.flatMap((object) => object.value.map((entry) => entry.address ?? ''));
}

function headerLines(raw: string, name: string): string[] {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n'));

  return head
    .split('\r\n')
    .filter((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`));
}

describe('smtp transport delivery', () => {
  it('sends to the envelope recipient', async () => {
    await transport.sendEmail({ message: message() });

    expect(server.received[0]?.rcptTo).toEqual(['zoe@example.com']);
  });

  it('sets the envelope sender', async () => {
    await transport.sendEmail({ message: message() });

    expect(server.received[0]?.mailFrom).toBe('noreply@training.example.com');
  });

  it('sets the To header', async () => {
    await transport.sendEmail({ message: message() });

    expect(addresses(server.received[0]?.parsed.to)).toEqual(['zoe@example.com']);
  });

  it('sets the Reply-To header', async () => {
    await transport.sendEmail({ message: message() });

    expect(addresses(server.received[0]?.parsed.replyTo)).toEqual(['office@training.example.com']);
  });

  it('sends the HTML part', async () => {
    await transport.sendEmail({ message: message() });

    expect(server.received[0]?.parsed.html).toBe(
      '<p>Hello Zoë,</p><p>Your programme ends soon.</p>',
    );
  });

  it('sends the plain-text part', async () => {
    await transport.sendEmail({ message: message() });

    expect(server.received[0]?.parsed.text?.trim()).toBe('Hello Zoë,\n\nYour programme ends soon.');
  });

  it('encodes a non-ASCII subject', async () => {
    const subject = 'Zoë, Łukasz: your résumé is due 🎓';
    await transport.sendEmail({ message: message({ subject }) });

    expect(server.received[0]?.parsed.subject).toBe(subject);
  });

  it('keeps the raw header ASCII', async () => {
    await transport.sendEmail({ message: message({ subject: 'Zoë 🎓' }) });

    expect(headerLines(server.received[0]?.raw ?? '', 'Subject')[0]).toMatch(/^[\x20-\x7e]+$/);
  });

  it('encodes a non-ASCII sender name', async () => {
    await transport.sendEmail({ message: message() });

    expect(server.received[0]?.parsed.from?.value[0]?.name).toBe('Łódź Training Ltd');
  });

  it('encodes a non-ASCII recipient name', async () => {
    await transport.sendEmail({ message: message({ to: '"Zoë Łęcka 🌱" <zoe@example.com>' }) });

    expect(server.received[0]?.parsed.to).toMatchObject({
      value: [{ name: 'Zoë Łęcka 🌱', address: 'zoe@example.com' }],
    });
  });

  it('derives the Message-ID from the key', async () => {
    const first = await transport.sendEmail({ message: message() });
    const second = await transport.sendEmail({ message: message() });

    expect(second.messageId).toBe(first.messageId);
  });

  it('returns the sent Message-ID', async () => {
    const result = await transport.sendEmail({ message: message() });

    expect(server.received[0]?.parsed.messageId).toBe(result.messageId);
  });

  it('varies the Message-ID by key', async () => {
    const first = await transport.sendEmail({ message: message() });
    const second = await transport.sendEmail({ message: message({ idempotencyKey: 'other' }) });

    expect(second.messageId).not.toBe(first.messageId);
  });

  it('hides the key in the Message-ID', async () => {
    const result = await transport.sendEmail({ message: message() });

    expect(result.messageId).not.toContain('a-17');
  });

  it('exposes maxPerSecond', () => {
    const limited = createSmtpTransport({
      host: '127.0.0.1',
      from: 'noreply@training.example.com',
      maxPerSecond: 14,
    });

    expect(limited.maxPerSecond).toBe(14);
  });
});

describe('smtp transport header injection', () => {
  const hostileName = 'X\r\nBcc: y@example.com';

  it('keeps a hostile subject on one line', async () => {
    await transport.sendEmail({ message: message({ subject: `Hello ${hostileName}` }) });

    expect(server.received[0]?.parsed.subject).toBe('Hello X Bcc: y@example.com');
  });

  it('adds no Bcc from a hostile subject', async () => {
    await transport.sendEmail({ message: message({ subject: `Hello ${hostileName}` }) });

    expect(server.received[0]?.parsed.headers.has('bcc')).toBe(false);
  });

  it('adds no recipient from a hostile subject', async () => {
    await transport.sendEmail({ message: message({ subject: `Hello ${hostileName}` }) });

    expect(server.attempts).toEqual(['zoe@example.com']);
  });

  it('strips Unicode line separators from the subject', async () => {
    await transport.sendEmail({ message: message({ subject: 'a\u2028b\u2029c\u0085d' }) });

    expect(server.received[0]?.parsed.subject).toBe('a b c d');
  });

  it('adds no recipient from a quoted hostile name', async () => {
    await transport.sendEmail({ message: message({ to: `"${hostileName}" <zoe@example.com>` }) });

    expect(server.attempts).toEqual(['zoe@example.com']);
  });

  it('adds no Bcc from a quoted hostile name', async () => {
    await transport.sendEmail({ message: message({ to: `"${hostileName}" <zoe@example.com>` }) });

    expect(server.received[0]?.parsed.headers.has('bcc')).toBe(false);
  });

  it('keeps a quoted hostile name in To', async () => {
    await transport.sendEmail({ message: message({ to: `"${hostileName}" <zoe@example.com>` }) });

    expect(server.received[0]?.parsed.to).toMatchObject({
      value: [{ name: 'X Bcc: y@example.com', address: 'zoe@example.com' }],
    });
  });

  it.each([
    ['an unquoted hostile name', `${hostileName} <zoe@example.com>`],
    ['a header after the address', 'zoe@example.com\r\nBcc: y@example.com'],
    ['two addresses', 'zoe@example.com, y@example.com'],
    ['a group', 'team: zoe@example.com, y@example.com;'],
    ['no address', 'Zoe'],
    ['an empty string', ''],
  ])('rejects %s as permanent', async (_case, to) => {
    const sending = transport.sendEmail({ message: message({ to }) });

    await expect(sending).rejects.toMatchObject({ code: 'DELIVERY_FAILED', transient: false });
  });

  it('sends nothing for a rejected recipient', async () => {
    const sending = transport.sendEmail({
      message: message({ to: `${hostileName} <z@example.com>` }),
    });
    await sending.catch(() => undefined);

    expect(server.attempts).toEqual([]);
  });
});
