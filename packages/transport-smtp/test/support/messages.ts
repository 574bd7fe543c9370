import type { EmailMessage } from '@pics/automations-core';

/** An email addressed to zoe@example.com, with any field replaced. */
export function emailMessage(overrides: Partial<EmailMessage> = {}): EmailMessage {
  return {
    automationId: 'a-17',
    learnerId: 'l-1',
    idempotencyKey: 'a-17:l-1:2026-12-07',
    to: 'zoe@example.com',
    subject: 'Your programme ends soon',
    html: '<p>Hello Zoë,</p><p>Your programme ends soon.</p>',
    text: 'Hello Zoë,\n\nYour programme ends soon.',
    ...overrides,
  };
}
