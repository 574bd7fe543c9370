import { describe, expect, it } from 'vitest';
import { TwilioOptionsError, twilioOptionsFromEnv } from '../src/index.js';

const accountSid = `AC${'a1'.repeat(16)}`;
const base = {
  TWILIO_ACCOUNT_SID: accountSid,
  TWILIO_AUTH_TOKEN: 'token',
  TWILIO_FROM: '+447400900123',
};

describe('twilioOptionsFromEnv', () => {
  it('reads the usual variables', () => {
    expect(twilioOptionsFromEnv(base)).toEqual({
      accountSid,
      authToken: 'token',
      from: '+447400900123',
    });
  });

  it('reads an API key and a messaging service', () => {
    const options = twilioOptionsFromEnv({
      TWILIO_ACCOUNT_SID: accountSid,
      TWILIO_API_KEY_SID: 'SK1',
      TWILIO_API_KEY_SECRET: 'secret',
      TWILIO_MESSAGING_SERVICE_SID: 'MG1',
    });

    expect(options).toEqual({
      accountSid,
      apiKey: { sid: 'SK1', secret: 'secret' },
      messagingServiceSid: 'MG1',
    });
  });

  it('reads the optional variables', () => {
    const options = twilioOptionsFromEnv({
      ...base,
      TWILIO_STATUS_CALLBACK_URL: 'https://hooks.example.com/status',
      TWILIO_BASE_URL: 'http://127.0.0.1:4010',
      TWILIO_TIMEOUT_MS: '5000',
      TWILIO_MAX_PER_SECOND: '1',
    });

    expect(options).toMatchObject({
      statusCallbackUrl: 'https://hooks.example.com/status',
      baseUrl: 'http://127.0.0.1:4010',
      timeoutMs: 5000,
      maxPerSecond: 1,
    });
  });

  it.each([
    ['no account', { ...base, TWILIO_ACCOUNT_SID: '' }, /TWILIO_ACCOUNT_SID is missing/],
    ['no credentials', { ...base, TWILIO_AUTH_TOKEN: undefined }, /TWILIO_AUTH_TOKEN is missing/],
    [
      'a key without secret',
      { ...base, TWILIO_AUTH_TOKEN: undefined, TWILIO_API_KEY_SID: 'SK1' },
      /TWILIO_API_KEY_SECRET is missing/,
    ],
    [
      'no sender',
      { ...base, TWILIO_FROM: undefined },
      /TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID/,
    ],
    ['two senders', { ...base, TWILIO_MESSAGING_SERVICE_SID: 'MG1' }, /are both set/],
    ['a bad number', { ...base, TWILIO_MAX_PER_SECOND: 'fast' }, /TWILIO_MAX_PER_SECOND is "fast"/],
  ])('rejects %s', (_case, env, message) => {
    expect(() => twilioOptionsFromEnv(env)).toThrow(message);
  });

  it('throws TwilioOptionsError', () => {
    expect(() => twilioOptionsFromEnv({})).toThrow(TwilioOptionsError);
  });
});
