import type { SmsMessage } from '@pics/automations-core';

/** An SMS to +447400100001, with any field replaced. */
export function smsMessage(overrides: Partial<SmsMessage> = {}): SmsMessage {
  return {
    automationId: 'a-1',
    learnerId: 'l-1',
    idempotencyKey: 'a-1:l-1:2026-12-07',
    to: '+447400100001',
    body: 'Welcome to your apprenticeship, Zoe.',
    ...overrides,
  };
}
