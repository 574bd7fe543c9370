import { afterEach, describe, expect, it } from 'vitest';
import {
  ACCOUNT_SID,
  AUTH_TOKEN,
  type FakeTwilio,
  startFakeTwilio,
} from './support/fake-twilio.js';

const servers: FakeTwilio[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    await server.stop();
  }
});

const authorization = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`;
const messagesPath = `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`;
const form = 'application/x-www-form-urlencoded';
const valid = { To: '+447400100001', From: '+447400900123', Body: 'Hello' };

async function post(
  request: { path?: string; contentType?: string; auth?: boolean; body?: string } = {},
): Promise<FakeTwilio> {
  const twilio = await startFakeTwilio();
  servers.push(twilio);
  const headers: Record<string, string> = { 'content-type': request.contentType ?? form };
  if (request.auth ?? true) {
    headers.authorization = authorization;
  }
  await fetch(`${twilio.baseUrl}${request.path ?? messagesPath}`, {
    method: 'POST',
    headers,
    body: request.body ?? new URLSearchParams(valid).toString(),
  });

  return twilio;
}

describe('fake twilio contract checks', () => {
  it('accepts a valid request', async () => {
    const twilio = await post();

    expect(twilio.violations).toEqual([]);
  });

  it('responds per the response schema', async () => {
    const twilio = await post();
    const validate = twilio.contract.validateResponse;

    expect(validate(twilio.created[0])).toBe(true);
  });

  it.each([
    ['a JSON body', { contentType: 'application/json', body: JSON.stringify(valid) }],
    ['an unknown field', { body: new URLSearchParams({ ...valid, Foo: '1' }).toString() }],
    ['no To', { body: new URLSearchParams({ From: valid.From, Body: 'Hi' }).toString() }],
    ['an invalid To', { body: new URLSearchParams({ ...valid, To: '07400' }).toString() }],
    ['no Body', { body: new URLSearchParams({ To: valid.To, From: valid.From }).toString() }],
    ['no sender', { body: new URLSearchParams({ To: valid.To, Body: 'Hi' }).toString() }],
    [
      'two senders',
      {
        body: new URLSearchParams({
          ...valid,
          MessagingServiceSid: `MG${'0'.repeat(32)}`,
        }).toString(),
      },
    ],
    ['a repeated To', { body: `${new URLSearchParams(valid)}&To=%2B447400100002` }],
    [
      'a bad StatusCallback',
      { body: new URLSearchParams({ ...valid, StatusCallback: 'not a url' }).toString() },
    ],
    ['a bad account SID', { path: '/2010-04-01/Accounts/AC123/Messages.json' }],
    ['a wrong path', { path: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages` }],
    ['no basic auth', { auth: false }],
  ])('reports %s', async (_case, request) => {
    const twilio = await post(request);

    expect(twilio.violations).not.toEqual([]);
  });
});
