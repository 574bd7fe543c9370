import { describe, expect, it } from 'vitest';
import { createSmtpTransport, type SmtpTransportOptions } from '../src/index.js';

const valid: SmtpTransportOptions = { host: 'smtp.example.com', from: 'noreply@example.com' };

describe('createSmtpTransport options', () => {
  it.each([
    ['a blank host', { host: ' ' }, /"host" is missing/],
    ['a sender without address', { from: 'Training' }, /"from" has no valid address/],
    ['a fractional port', { port: 25.5 }, /"port" is 25.5/],
    ['zero maxConnections', { maxConnections: 0 }, /"maxConnections" is 0/],
    ['negative maxPerSecond', { maxPerSecond: -1 }, /"maxPerSecond" is -1/],
    ['an infinite timeout', { socketTimeoutMs: Number.POSITIVE_INFINITY }, /"socketTimeoutMs"/],
  ])('rejects %s', (_case, overrides, message) => {
    expect(() => createSmtpTransport({ ...valid, ...overrides })).toThrow(message);
  });

  it('accepts a mailbox sender', () => {
    const from = { name: 'Training', address: 'noreply@example.com' };

    expect(createSmtpTransport({ ...valid, from }).name).toBe('smtp');
  });

  it('allows a fractional maxPerSecond', () => {
    expect(createSmtpTransport({ ...valid, maxPerSecond: 0.5 }).maxPerSecond).toBe(0.5);
  });
});
