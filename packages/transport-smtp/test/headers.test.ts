import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskAddress, maskAddressesIn, parseRecipient, toOneLine } from '../src/headers.js';

const lineBreak = /[\r\n\u0085\u2028\u2029]/;

describe('smtp header helpers', () => {
  it('toOneLine leaves no line break', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        expect(toOneLine(value)).not.toMatch(lineBreak);
      }),
    );
  });

  it('parseRecipient yields one clean mailbox or throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.emailAddress(), (name, address) => {
        let mailbox: ReturnType<typeof parseRecipient>;
        try {
          mailbox = parseRecipient(`${name} <${address}>`);
        } catch (error) {
          expect(error).toMatchObject({ code: 'DELIVERY_FAILED', transient: false });
          return;
        }
        expect(`${mailbox.name ?? ''}${mailbox.address}`).not.toMatch(lineBreak);
      }),
    );
  });

  it('parseRecipient reads a bare address', () => {
    expect(parseRecipient('zoe@example.com')).toEqual({ address: 'zoe@example.com' });
  });

  it('parseRecipient rejects a domain without dot', () => {
    expect(() => parseRecipient('zoe@localhost')).toThrow(/Invalid recipient/);
  });

  it('maskAddress keeps the domain', () => {
    expect(maskAddress('zoe.learner@example.com')).toBe('z***@example.com');
  });

  it('maskAddressesIn masks an echoed address', () => {
    expect(maskAddressesIn('550 <zoe@example.com> unknown')).toBe('550 <z***@example.com> unknown');
  });
});
