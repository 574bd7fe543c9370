import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeTwilioSignature, verifyTwilioSignature } from '../src/index.js';

const authToken = '12345';
const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const params = {
  CallSid: 'CA1234567890ABCDE',
  Caller: '+12349013030',
  Digits: '1234',
  From: '+12349013030',
  To: '+18005551212',
};

/** Builds the signed string by hand, as Twilio's documentation describes it. */
function expectedSignature(signedUrl: string, values: Record<string, string>): string {
  const data = Object.keys(values)
    .sort()
    .reduce((text, name) => text + name + values[name], signedUrl);

  return createHmac('sha1', authToken).update(data).digest('base64');
}

describe('computeTwilioSignature', () => {
  it('matches the documented algorithm', () => {
    const signature = computeTwilioSignature({ authToken, url, params });

    expect(signature).toBe(expectedSignature(url, params));
  });

  it('matches the published example', () => {
    // The worked example of Twilio's webhook security guide: Auth Token 12345, this URL, these
    // parameters.
    expect(computeTwilioSignature({ authToken, url, params })).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
  });

  it('ignores parameter order', () => {
    const reversed = Object.fromEntries(Object.entries(params).reverse());

    expect(computeTwilioSignature({ authToken, url, params: reversed })).toBe(
      computeTwilioSignature({ authToken, url, params }),
    );
  });

  it('reads URLSearchParams like a record', () => {
    const form = new URLSearchParams(params);

    expect(computeTwilioSignature({ authToken, url, params: form })).toBe(
      computeTwilioSignature({ authToken, url, params }),
    );
  });

  it('sorts the values of a repeated name', () => {
    const form = new URLSearchParams([
      ['MediaUrl', 'b'],
      ['MediaUrl', 'a'],
    ]);
    const data = `${url}MediaUrlaMediaUrlb`;

    expect(computeTwilioSignature({ authToken, url, params: form })).toBe(
      createHmac('sha1', authToken).update(data).digest('base64'),
    );
  });
});

describe('verifyTwilioSignature', () => {
  const signature = computeTwilioSignature({ authToken, url, params });

  it('accepts the right signature', () => {
    expect(verifyTwilioSignature({ authToken, signature, url, params })).toBe(true);
  });

  it('rejects a changed value', () => {
    const tampered = { ...params, Digits: '9999' };

    expect(verifyTwilioSignature({ authToken, signature, url, params: tampered })).toBe(false);
  });

  it('rejects another URL', () => {
    const other = 'https://mycompany.com/myapp.php?foo=1&bar=3';

    expect(verifyTwilioSignature({ authToken, signature, url: other, params })).toBe(false);
  });

  it('rejects another token', () => {
    expect(verifyTwilioSignature({ authToken: '54321', signature, url, params })).toBe(false);
  });

  it('rejects a truncated signature', () => {
    const truncated = signature.slice(0, -2);

    expect(verifyTwilioSignature({ authToken, signature: truncated, url, params })).toBe(false);
  });

  it('accepts the default port added', () => {
    const withPort = 'https://mycompany.com:443/myapp.php?foo=1&bar=2';
    const signed = computeTwilioSignature({ authToken, url: withPort, params });

    expect(verifyTwilioSignature({ authToken, signature: signed, url, params })).toBe(true);
  });

  it('accepts the default port removed', () => {
    const withPort = 'https://mycompany.com:443/myapp.php?foo=1&bar=2';

    expect(verifyTwilioSignature({ authToken, signature, url: withPort, params })).toBe(true);
  });

  it('rejects any single changed value', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(params)),
        fc.string({ minLength: 1 }),
        (name, suffix) => {
          const tampered = { ...params, [name]: `${params[name as keyof typeof params]}${suffix}` };

          expect(verifyTwilioSignature({ authToken, signature, url, params: tampered })).toBe(
            false,
          );
        },
      ),
    );
  });
});
