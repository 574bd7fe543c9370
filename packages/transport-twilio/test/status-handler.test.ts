import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DeliveryLedger, LedgerKey } from '@pics/automations-core';
import { createMemoryStorage } from '@pics/automations-storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeTwilioSignature, createTwilioStatusHandler } from '../src/index.js';

const authToken = 'status-token-0123456789';
const messageSid = `SM${'d4'.repeat(16)}`;
const key: LedgerKey = { automationId: 'a-1', learnerId: 'l-1', runDate: '2026-12-07' };
const now = new Date('2026-12-07T05:00:00Z');

let ledger: DeliveryLedger;
let server: Server;
let baseUrl: string;

async function startServer(publicUrl?: string): Promise<void> {
  const handler = createTwilioStatusHandler({
    authToken,
    ledger,
    publicUrl,
    clock: () => new Date('2026-12-07T05:10:00Z'),
  });
  server = createServer(handler.toNodeListener());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeEach(async () => {
  ledger = createMemoryStorage().ledger;
  await ledger.reserve({ ...key, now });
  await ledger.complete({
    ...key,
    status: 'sent',
    attempts: 1,
    transportMessageId: messageSid,
    now,
  });
});

afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function callbackParams(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    AccountSid: `AC${'a1'.repeat(16)}`,
    From: '+447400900123',
    MessageSid: messageSid,
    MessageStatus: 'delivered',
    SmsSid: messageSid,
    SmsStatus: 'delivered',
    To: '+447400100001',
    ApiVersion: '2010-04-01',
    ...overrides,
  };
}

/** Posts a form the way Twilio does, signed for `signedUrl` unless a signature is given. */
async function postCallback(args: {
  path?: string;
  params?: Record<string, string>;
  signedUrl?: string;
  signedParams?: Record<string, string>;
  signature?: string | null;
}): Promise<number> {
  const path = args.path ?? '/twilio/status?tenant=7';
  const params = args.params ?? callbackParams();
  const signature =
    args.signature === undefined
      ? computeTwilioSignature({
          authToken,
          url: args.signedUrl ?? `${baseUrl}${path}`,
          params: args.signedParams ?? params,
        })
      : args.signature;
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (signature !== null) {
    headers['x-twilio-signature'] = signature;
  }
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers,
    body: new URLSearchParams(params).toString(),
  });

  return response.status;
}

describe('twilio status handler', () => {
  beforeEach(() => startServer());

  it('responds 204 to a signed callback', async () => {
    expect(await postCallback({})).toBe(204);
  });

  it('records the delivery status', async () => {
    await postCallback({});

    expect((await ledger.get(key))?.deliveryStatus).toBe('delivered');
  });

  it('records the error code', async () => {
    const params = callbackParams({ MessageStatus: 'undelivered', ErrorCode: '30003' });
    await postCallback({ params });

    expect(await ledger.get(key)).toMatchObject({
      deliveryStatus: 'undelivered',
      errorCode: '30003',
    });
  });

  it.each(['queued', 'sent', 'delivered', 'undelivered', 'failed'])(
    'records %s',
    async (status) => {
      await postCallback({ params: callbackParams({ MessageStatus: status }) });

      expect((await ledger.get(key))?.deliveryStatus).toBe(status);
    },
  );

  it('uses the clock for the update', async () => {
    await postCallback({});

    expect((await ledger.get(key))?.updatedAt).toEqual(new Date('2026-12-07T05:10:00Z'));
  });

  it('ignores a status the ledger lacks', async () => {
    await postCallback({ params: callbackParams({ MessageStatus: 'sending' }) });

    expect((await ledger.get(key))?.deliveryStatus).toBeUndefined();
  });

  it.each(['constructor', 'toString', '__proto__'])('ignores status %s', async (status) => {
    await postCallback({ params: callbackParams({ MessageStatus: status }) });

    expect((await ledger.get(key))?.deliveryStatus).toBeUndefined();
  });

  it('responds 204 for an unknown message', async () => {
    const params = callbackParams({ MessageSid: `SM${'e5'.repeat(16)}` });

    expect(await postCallback({ params })).toBe(204);
  });

  it('rejects a missing signature', async () => {
    expect(await postCallback({ signature: null })).toBe(403);
  });

  it('rejects a wrong signature', async () => {
    expect(await postCallback({ signature: 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=' })).toBe(403);
  });

  it('rejects a tampered body', async () => {
    const signedParams = callbackParams({ MessageStatus: 'failed' });

    expect(await postCallback({ signedParams })).toBe(403);
  });

  it('leaves the ledger alone when tampered', async () => {
    await postCallback({ signedParams: callbackParams({ MessageStatus: 'failed' }) });

    expect((await ledger.get(key))?.deliveryStatus).toBeUndefined();
  });

  it('rejects a signature for another URL', async () => {
    const signedUrl = `${baseUrl}/twilio/status?tenant=8`;

    expect(await postCallback({ signedUrl })).toBe(403);
  });

  it('rejects a signed callback without MessageSid', async () => {
    const { MessageSid: _omitted, ...params } = callbackParams();

    expect(await postCallback({ params })).toBe(400);
  });

  it('rejects a GET', async () => {
    const response = await fetch(`${baseUrl}/twilio/status`);

    expect(response.status).toBe(405);
  });
});

describe('twilio status handler behind a proxy', () => {
  const publicUrl = 'https://hooks.example.com/sms/status?tenant=7';

  beforeEach(() => startServer(publicUrl));

  it('verifies against publicUrl', async () => {
    expect(await postCallback({ signedUrl: publicUrl })).toBe(204);
  });

  it('rejects the local URL', async () => {
    expect(await postCallback({})).toBe(403);
  });
});

describe('twilio status handler handle', () => {
  beforeEach(() => startServer());

  it('returns the outcome', async () => {
    const handler = createTwilioStatusHandler({ authToken, ledger });
    const url = 'https://hooks.example.com/sms/status';
    const params = callbackParams();
    const signature = computeTwilioSignature({ authToken, url, params });
    const body = new URLSearchParams(params).toString();
    const result = await handler.handle({
      url,
      headers: { 'X-Twilio-Signature': signature },
      body,
    });

    expect(result).toEqual({ status: 204, outcome: 'updated', messageSid });
  });

  it('rejects a relative URL without publicUrl', async () => {
    const handler = createTwilioStatusHandler({ authToken, ledger });
    const handling = handler.handle({ url: '/sms/status', headers: {}, body: '' });

    await expect(handling).rejects.toThrow(/publicUrl/);
  });

  it('rejects an empty token', () => {
    expect(() => createTwilioStatusHandler({ authToken: ' ', ledger })).toThrow(/authToken/);
  });

  it.each([Number.NaN, 0, -1, 1.5, Number.POSITIVE_INFINITY])(
    'rejects maxBodyBytes %s',
    (maxBodyBytes) => {
      expect(() => createTwilioStatusHandler({ authToken, ledger, maxBodyBytes })).toThrow(
        /maxBodyBytes/,
      );
    },
  );
});
