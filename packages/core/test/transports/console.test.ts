import { describe, expect, it } from 'vitest';
import type { EmailMessage, SmsMessage } from '../../src/ports/transports.js';
import { createConsoleTransport } from '../../src/transports/index.js';

const email: EmailMessage = {
  automationId: 'a-17',
  learnerId: 'L01',
  idempotencyKey: 'a-17:L01:2026-12-07',
  to: 'amara.okafor@example.com',
  subject: 'Secret subject',
  html: '<p>Secret body</p>',
  text: 'Secret body',
};

const sms: SmsMessage = {
  automationId: 'a-sms',
  learnerId: 'L03',
  idempotencyKey: 'a-sms:L03:2026-12-07',
  to: '+447400100003',
  body: 'Secret text',
};

function recordLines() {
  const lines: string[] = [];
  const transport = createConsoleTransport({ write: (line) => lines.push(line) });

  return { lines, transport };
}

describe('console transport', () => {
  it('prints one line per message', async () => {
    const { lines, transport } = recordLines();
    await transport.sendEmail({ message: email });
    await transport.sendSms({ message: sms });

    expect(lines).toHaveLength(2);
  });

  it('keeps hostile ids on one line', async () => {
    const { lines, transport } = recordLines();
    const learnerId = 'L01\nemail a-1 learner L02 to amara.okafor@example.com\r\u2028';
    await transport.sendEmail({ message: { ...email, learnerId } });

    expect(lines[0]).not.toMatch(/[\n\r\u2028]/);
  });

  it('names automation and learner', async () => {
    const { lines, transport } = recordLines();
    await transport.sendEmail({ message: email });

    expect(lines[0]).toContain('automation a-17 learner L01');
  });

  it('masks the email address', async () => {
    const { lines, transport } = recordLines();
    await transport.sendEmail({ message: email });

    expect(lines[0]).toContain('a***@example.com');
    expect(lines[0]).not.toContain(email.to);
  });

  it('masks the mobile number', async () => {
    const { lines, transport } = recordLines();
    await transport.sendSms({ message: sms });

    expect(lines[0]).not.toContain(sms.to);
  });

  it('never prints subject or body', async () => {
    const { lines, transport } = recordLines();
    await transport.sendEmail({ message: email });
    await transport.sendSms({ message: sms });

    expect(lines.join('\n')).not.toContain('Secret');
  });

  it('returns a message id', async () => {
    const { transport } = recordLines();
    const result = await transport.sendEmail({ message: email });

    expect(result.messageId).toBeTruthy();
  });
});
