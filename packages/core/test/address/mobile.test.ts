import { describe, expect, it } from 'vitest';
import { normalizeMobile } from '../../src/address/index.js';

describe('normalizeMobile', () => {
  it.each([
    ['national form', '07400 100001'],
    ['international form with trunk zero', '+44 (0)7400 100001'],
    ['00 international prefix', '0044 7400 100001'],
    ['compact national form', '07400100001'],
    ['E.164', '+447400100001'],
  ])('reads %s', (_case, text) => {
    expect(normalizeMobile(text)).toBe('+447400100001');
  });

  it.each([
    ['a landline', '020 7946 0012'],
    ['a number one digit short', '07400 10000'],
    ['an Ofcom drama number', '07700 900011'],
    ['letters', 'not a number'],
    ['empty text', ''],
  ])('rejects %s', (_case, text) => {
    expect(normalizeMobile(text)).toBeUndefined();
  });

  it('rejects null', () => {
    expect(normalizeMobile(null)).toBeUndefined();
  });

  it('accepts fixed-line-or-mobile regions', () => {
    expect(normalizeMobile('+1 415 555 2671')).toBe('+14155552671');
  });

  it('uses another default region', () => {
    expect(normalizeMobile('0412 345 678', { defaultRegion: 'AU' })).toBe('+61412345678');
  });

  it('rejects an unknown region', () => {
    expect(() => normalizeMobile('07400 100001', { defaultRegion: 'XX' })).toThrow(/XX/);
  });
});
