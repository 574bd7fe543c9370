import { describe, expect, it } from 'vitest';
import { createTwilioTransport, type TwilioTransportOptions } from '../src/index.js';

const valid: TwilioTransportOptions = {
  accountSid: `AC${'a1'.repeat(16)}`,
  authToken: 'token',
  from: '+447400900123',
};

describe('createTwilioTransport options', () => {
  it.each([
    ['a bad account SID', { accountSid: 'AC123' }, /"accountSid" is invalid/],
    ['no credentials', { authToken: undefined }, /"authToken" and "apiKey"/],
    [
      'two credentials',
      { apiKey: { sid: `SK${'0'.repeat(32)}`, secret: 's' } },
      /"authToken" and "apiKey"/,
    ],
    [
      'a bad key SID',
      { authToken: undefined, apiKey: { sid: 'SK1', secret: 's' } },
      /"apiKey.sid"/,
    ],
    ['an empty token', { authToken: ' ' }, /"authToken" is empty/],
    ['no sender', { from: undefined }, /"from" and "messagingServiceSid"/],
    [
      'two senders',
      { messagingServiceSid: `MG${'0'.repeat(32)}` },
      /"from" and "messagingServiceSid"/,
    ],
    ['a bad service SID', { from: undefined, messagingServiceSid: 'MG1' }, /"messagingServiceSid"/],
    ['a bad base URL', { baseUrl: 'ftp://example.com' }, /"baseUrl"/],
    ['a bad callback URL', { statusCallbackUrl: 'hooks' }, /"statusCallbackUrl"/],
    ['a zero timeout', { timeoutMs: 0 }, /"timeoutMs" is 0/],
    ['a negative rate', { maxPerSecond: -2 }, /"maxPerSecond" is -2/],
  ])('rejects %s', (_case, overrides, message) => {
    expect(() => createTwilioTransport({ ...valid, ...overrides })).toThrow(message);
  });

  it('accepts valid options', () => {
    expect(createTwilioTransport(valid).name).toBe('twilio');
  });
});
