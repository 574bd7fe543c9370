import { DeliveryError, type SmsTransport } from '@pics/automations-core';
import { afterEach, describe, expect, it } from 'vitest';
import { createTwilioTransport, type TwilioTransportOptions } from '../src/index.js';
import {
  ACCOUNT_SID,
  API_KEY,
  AUTH_TOKEN,
  type FakeTwilio,
  type FakeTwilioOptions,
  startFakeTwilio,
} from './support/fake-twilio.js';
import { smsMessage } from './support/messages.js';

const MESSAGING_SERVICE_SID = `MG${'c3'.repeat(16)}`;
const servers: FakeTwilio[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    await server.stop();
  }
});

async function setUp(
  fakeOptions: FakeTwilioOptions = {},
  overrides: Partial<TwilioTransportOptions> = {},
): Promise<{ twilio: FakeTwilio; transport: SmsTransport }> {
  const twilio = await startFakeTwilio(fakeOptions);
  servers.push(twilio);
  const options: TwilioTransportOptions = {
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    from: '+447400900123',
    baseUrl: twilio.baseUrl,
    ...overrides,
  };

  return { twilio, transport: createTwilioTransport(options) };
}

async function failureOf(sending: Promise<unknown>): Promise<DeliveryError> {
  const error = await sending.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof DeliveryError)) {
    throw new Error(`expected a DeliveryError, got ${String(error)}`);
  }

  return error;
}

describe('twilio transport request', () => {
  it('follows the CreateMessage contract', async () => {
    const { twilio, transport } = await setUp();
    await transport.sendSms({ message: smsMessage() });

    expect(twilio.violations).toEqual([]);
  });

  it('sends To, From and Body', async () => {
    const { twilio, transport } = await setUp();
    await transport.sendSms({ message: smsMessage() });

    expect(twilio.requests[0]?.form).toEqual({
      To: '+447400100001',
      From: '+447400900123',
      Body: 'Welcome to your apprenticeship, Zoe.',
    });
  });

  it('authenticates with the Auth Token', async () => {
    const { twilio, transport } = await setUp();
    await transport.sendSms({ message: smsMessage() });

    expect(twilio.requests[0]?.user).toBe(ACCOUNT_SID);
  });

  it('authenticates with an API key', async () => {
    const { twilio, transport } = await setUp({}, { authToken: undefined, apiKey: API_KEY });
    await transport.sendSms({ message: smsMessage() });

    expect(twilio.requests[0]?.user).toBe(API_KEY.sid);
  });

  it('sends MessagingServiceSid instead of From', async () => {
    const overrides = { from: undefined, messagingServiceSid: MESSAGING_SERVICE_SID };
    const { twilio, transport } = await setUp({}, overrides);
    await transport.sendSms({ message: smsMessage() });

    expect(twilio.requests[0]?.form).toEqual({
      To: '+447400100001',
      MessagingServiceSid: MESSAGING_SERVICE_SID,
      Body: 'Welcome to your apprenticeship, Zoe.',
    });
  });

  it('keeps the messaging service request valid', async () => {
    const overrides = { from: undefined, messagingServiceSid: MESSAGING_SERVICE_SID };
    const { twilio, transport } = await setUp({}, overrides);
    await transport.sendSms({ message: smsMessage() });

    expect(twilio.violations).toEqual([]);
  });

  it('sends the StatusCallback', async () => {
    const statusCallbackUrl = 'https://hooks.example.com/twilio/status?tenant=7';
    const { twilio, transport } = await setUp({}, { statusCallbackUrl });
    await transport.sendSms({ message: smsMessage() });

    expect(twilio.requests[0]?.form.StatusCallback).toBe(statusCallbackUrl);
  });

  it('sends non-ASCII text intact', async () => {
    const body = 'Zoë, Łukasz: well done 🎓 & thanks + more';
    const { twilio, transport } = await setUp();
    await transport.sendSms({ message: smsMessage({ body }) });

    expect(twilio.requests[0]?.form.Body).toBe(body);
  });

  it('accepts a base URL with a trailing slash', async () => {
    const twilio = await startFakeTwilio();
    servers.push(twilio);
    const transport = createTwilioTransport({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      from: '+447400900123',
      baseUrl: `${twilio.baseUrl}/`,
    });
    await transport.sendSms({ message: smsMessage() });

    expect(twilio.violations).toEqual([]);
  });
});

describe('twilio transport result', () => {
  it('returns the message SID', async () => {
    const { twilio, transport } = await setUp();
    const result = await transport.sendSms({ message: smsMessage() });

    expect(result.messageId).toBe((twilio.created[0] as { sid: string }).sid);
  });

  it("prefers Twilio's num_segments", async () => {
    const { transport } = await setUp({ numSegments: 3 });
    const result = await transport.sendSms({ message: smsMessage() });

    expect(result.segments).toBe(3);
  });

  it('counts segments without num_segments', async () => {
    const { transport } = await setUp({ numSegments: null });
    const result = await transport.sendSms({ message: smsMessage({ body: 'x'.repeat(161) }) });

    expect(result.segments).toBe(2);
  });

  it('reports GSM-7 for plain text', async () => {
    const { transport } = await setUp();
    const result = await transport.sendSms({ message: smsMessage() });

    expect(result.encoding).toBe('GSM-7');
  });

  it('reports UCS-2 for an emoji', async () => {
    const { transport } = await setUp();
    const result = await transport.sendSms({ message: smsMessage({ body: 'Well done 🎓' }) });

    expect(result.encoding).toBe('UCS-2');
  });

  it('exposes maxPerSecond', async () => {
    const { transport } = await setUp({}, { maxPerSecond: 10 });

    expect(transport.maxPerSecond).toBe(10);
  });
});

const invalidTo = {
  status: 400,
  code: 21211,
  message: "The 'To' number +447400100001 is not a valid phone number.",
};
const notMobile = { status: 400, code: 21614, message: "'To' number is not a valid mobile number" };
const unsubscribed = {
  status: 400,
  code: 21610,
  message: 'Attempt to send to unsubscribed recipient',
};
const noPermission = {
  status: 400,
  code: 21408,
  message: 'Permission to send an SMS has not been enabled for the region',
};
const tooMany = { status: 429, code: 20429, message: 'Too Many Requests', retryAfter: '7' };
const serverError = { status: 500, code: 20500, message: 'Internal Server Error' };
const unavailable = { status: 503 };

describe('twilio transport failures', () => {
  it.each([
    ['21211 invalid To', invalidTo, false],
    ['21614 not a mobile', notMobile, false],
    ['21610 unsubscribed', unsubscribed, false],
    ['another 4xx', noPermission, false],
    ['429', tooMany, true],
    ['500', serverError, true],
    ['503 without body', unavailable, true],
  ])('classifies %s', async (_case, reply, transient) => {
    const { transport } = await setUp({ script: { '+447400100001': [reply] } });
    const failure = await failureOf(transport.sendSms({ message: smsMessage() }));

    expect(failure.transient).toBe(transient);
  });

  it.each([
    ['21211', invalidTo],
    ['21614', notMobile],
    ['21610', unsubscribed],
    ['20429', tooMany],
    ['20500', serverError],
    ['503', unavailable],
  ])('keeps provider code %s', async (code, reply) => {
    const { transport } = await setUp({ script: { '+447400100001': [reply] } });
    const failure = await failureOf(transport.sendSms({ message: smsMessage() }));

    expect(failure.providerCode).toBe(code);
  });

  it("keeps Twilio's message", async () => {
    const { transport } = await setUp({ script: { '+447400100001': [notMobile] } });
    const failure = await failureOf(transport.sendSms({ message: smsMessage() }));

    expect(failure.message).toContain("'To' number is not a valid mobile number");
  });

  it('marks 21610 as opted out', async () => {
    const { transport } = await setUp({ script: { '+447400100001': [unsubscribed] } });
    const failure = await failureOf(transport.sendSms({ message: smsMessage() }));

    expect(failure.optedOut).toBe(true);
  });

  it('leaves other errors not opted out', async () => {
    const { transport } = await setUp({ script: { '+447400100001': [invalidTo] } });
    const failure = await failureOf(transport.sendSms({ message: smsMessage() }));

    expect(failure.optedOut).toBe(false);
  });

  it('honours Retry-After seconds', async () => {
    const { transport } = await setUp({ script: { '+447400100001': [tooMany] } });
    const failure = await failureOf(transport.sendSms({ message: smsMessage() }));

    expect(failure.retryAfterMs).toBe(7000);
  });

  it('scripts failures per recipient', async () => {
    const { transport } = await setUp({ script: { '+447400100002': [invalidTo] } });
    const result = await transport.sendSms({ message: smsMessage() });

    expect(result.messageId).toMatch(/^SM[0-9a-f]{32}$/);
  });

  it('sends after a transient failure', async () => {
    const { twilio, transport } = await setUp({ script: { '+447400100001': [serverError] } });
    await transport.sendSms({ message: smsMessage() }).catch(() => undefined);
    await transport.sendSms({ message: smsMessage() });

    expect(twilio.created).toHaveLength(1);
  });

  it('rejects wrong credentials as permanent', async () => {
    const { transport } = await setUp({}, { authToken: 'wrong-token' });
    const failure = await failureOf(transport.sendSms({ message: smsMessage() }));

    expect(failure).toMatchObject({ transient: false, providerCode: '20003' });
  });

  it('keeps the token out of errors', async () => {
    const { transport } = await setUp({}, { authToken: 'wrong-secret-token' });
    const failure = await failureOf(transport.sendSms({ message: smsMessage() }));

    expect(failure.message).not.toContain('wrong-secret-token');
  });

  it('classifies a refused connection as transient', async () => {
    const { twilio, transport } = await setUp();
    await twilio.stop();
    const failure = await failureOf(transport.sendSms({ message: smsMessage() }));

    expect(failure).toMatchObject({ transient: true, providerCode: 'ECONNREFUSED' });
  });

  it('classifies a timeout as transient', async () => {
    const { transport } = await setUp({ delayMs: 2000 }, { timeoutMs: 100 });
    const failure = await failureOf(transport.sendSms({ message: smsMessage() }));

    expect(failure).toMatchObject({ transient: true, providerCode: 'ETIMEDOUT' });
  });

  it('classifies an abort as transient', async () => {
    const { transport } = await setUp({ delayMs: 2000 });
    const controller = new AbortController();
    const sending = transport.sendSms({ message: smsMessage(), signal: controller.signal });
    controller.abort();

    expect(await failureOf(sending)).toMatchObject({ transient: true, providerCode: 'EABORT' });
  });

  it('rejects a number not in E.164', async () => {
    const { transport } = await setUp();
    const failure = await failureOf(
      transport.sendSms({ message: smsMessage({ to: '07400 100001' }) }),
    );

    expect(failure.transient).toBe(false);
  });

  it('sends nothing for a number not in E.164', async () => {
    const { twilio, transport } = await setUp();
    await transport.sendSms({ message: smsMessage({ to: '07400100001' }) }).catch(() => undefined);

    expect(twilio.requests).toHaveLength(0);
  });
});
