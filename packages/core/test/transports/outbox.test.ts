import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type AddressObject, simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmailMessage, SmsMessage } from '../../src/ports/transports.js';
import {
  createOutboxTransport,
  OUTBOX_SMS_FILE,
  type OutboxSmsRecord,
  outboxFileName,
} from '../../src/transports/index.js';

const email: EmailMessage = {
  automationId: 'a-17',
  learnerId: 'L01',
  idempotencyKey: 'a-17:L01:2026-12-07',
  to: 'amara.okafor@example.com',
  subject: 'Your programme ends on 5 January 2027',
  html: '<p>Hello Amara,</p><p>Your programme ends soon.</p>',
  text: 'Hello Amara,\n\nYour programme ends soon.',
};

const sms: SmsMessage = {
  automationId: 'a-sms',
  learnerId: 'L03',
  idempotencyKey: 'a-sms:L03:2026-12-07',
  to: '+447400100003',
  body: 'Hello Zoë',
};

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'outbox-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function sendAndParse(message: EmailMessage) {
  const transport = createOutboxTransport({ dir, now: () => new Date('2026-12-07T05:00:00Z') });
  const result = await transport.sendEmail({ message });
  const raw = await readFile(path.join(dir, outboxFileName(message.idempotencyKey)), 'utf8');

  return { result, raw, parsed: await simpleParser(raw) };
}

function addressText(address: AddressObject | AddressObject[] | undefined): string | undefined {
  return Array.isArray(address) ? address.map((item) => item.text).join(', ') : address?.text;
}

describe('outbox email', () => {
  it('writes the headers', async () => {
    const { parsed } = await sendAndParse(email);

    expect(parsed.subject).toBe(email.subject);
    expect(addressText(parsed.to)).toBe(email.to);
    expect(parsed.from?.text).toBe('automations@example.invalid');
    expect(parsed.date?.toISOString()).toBe('2026-12-07T05:00:00.000Z');
  });

  it('returns the Message-ID', async () => {
    const { result, parsed } = await sendAndParse(email);

    expect(parsed.messageId).toBe(result.messageId);
  });

  it('writes text and html parts', async () => {
    const { parsed } = await sendAndParse(email);

    expect(parsed.text?.trim()).toBe(email.text);
    expect(parsed.html).toContain('<p>Your programme ends soon.</p>');
  });

  it('declares multipart/alternative', async () => {
    const { raw } = await sendAndParse(email);

    expect(raw).toMatch(/^Content-Type: multipart\/alternative; boundary=/m);
    expect(raw).toMatch(/^MIME-Version: 1\.0\r$/m);
  });

  it('uses CRLF line endings', async () => {
    const { raw } = await sendAndParse(email);

    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('encodes a non-ASCII subject', async () => {
    const subject = 'Rappel : votre période se termine 🎓 '.repeat(4).trim();
    const { raw, parsed } = await sendAndParse({ ...email, subject });

    expect(raw).toContain('Subject: =?UTF-8?B?');
    expect(parsed.subject).toBe(subject);
  });

  it('keeps header lines short', async () => {
    const subject = 'Ünïcödé '.repeat(30).trim();
    const { raw } = await sendAndParse({ ...email, subject });
    const header = raw.slice(0, raw.indexOf('\r\n\r\n'));
    const longest = Math.max(...header.split('\r\n').map((line) => line.length));

    expect(longest).toBeLessThanOrEqual(78);
  });

  it('round-trips UTF-8 bodies', async () => {
    const text = `Café, naïve, 漢字, emoji 🎓 and a long line ${'x'.repeat(200)} = end  `;
    const { raw, parsed } = await sendAndParse({ ...email, text, html: `<p>${text}</p>` });
    const longest = Math.max(...raw.split('\r\n').map((line) => line.length));

    expect(parsed.text?.replace(/\n$/, '')).toBe(text);
    expect(longest).toBeLessThanOrEqual(76);
  });

  it('overwrites on a repeated key', async () => {
    const transport = createOutboxTransport({ dir });
    await transport.sendEmail({ message: email });
    await transport.sendEmail({ message: { ...email, subject: 'Second' } });

    expect(await readdir(dir)).toHaveLength(1);
  });
});

describe('outboxFileName', () => {
  it('keeps a safe key', () => {
    expect(outboxFileName('a-17_l01.2026-12-07')).toBe('a-17_l01.2026-12-07.eml');
  });

  it('keeps keys apart that differ in case', () => {
    const upper = outboxFileName('L01').toLowerCase();

    expect(upper).not.toBe(outboxFileName('l01').toLowerCase());
  });

  it('avoids Windows reserved names', () => {
    for (const key of ['CON', 'con', 'nul.txt', 'aux.a.b', 'com1', 'LPT9', 'prn', 'conin$']) {
      const stem = outboxFileName(key).split('.')[0];

      expect(stem, key).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d|conin\$|conout\$)$/i);
    }
  });

  it('replaces unsafe characters', () => {
    expect(outboxFileName('../a:b/c')).toMatch(/^__a_b_c-[0-9a-f]{12}\.eml$/);
  });

  it('keeps replaced keys apart', () => {
    expect(outboxFileName('a:b')).not.toBe(outboxFileName('a/b'));
  });

  it('shortens a long key', () => {
    expect(outboxFileName('k'.repeat(500)).length).toBeLessThanOrEqual(140);
  });
});

describe('outbox sms', () => {
  it('appends JSON lines', async () => {
    const transport = createOutboxTransport({ dir });
    await transport.sendSms({ message: sms });
    await transport.sendSms({ message: { ...sms, learnerId: 'L09', to: '+447400100009' } });
    const lines = (await readFile(path.join(dir, OUTBOX_SMS_FILE), 'utf8')).trim().split('\n');
    const records = lines.map((line) => JSON.parse(line) as OutboxSmsRecord);

    expect(records.map((record) => record.learnerId)).toEqual(['L03', 'L09']);
  });

  it('records encoding and segments', async () => {
    const transport = createOutboxTransport({ dir });
    await transport.sendSms({ message: sms });
    const line = (await readFile(path.join(dir, OUTBOX_SMS_FILE), 'utf8')).trim();

    expect(JSON.parse(line)).toEqual({
      to: '+447400100003',
      body: 'Hello Zoë',
      encoding: 'UCS-2',
      segments: 1,
      automationId: 'a-sms',
      learnerId: 'L03',
      idempotencyKey: 'a-sms:L03:2026-12-07',
    });
  });

  it('returns encoding and segments', async () => {
    const transport = createOutboxTransport({ dir });
    const result = await transport.sendSms({ message: { ...sms, body: 'Hello Chloe' } });

    expect(result.encoding).toBe('GSM-7');
  });
});
