import { describe, expect, it } from 'vitest';
import { normalizeEmail } from '../../src/address/index.js';

describe('normalizeEmail', () => {
  it('trims surrounding white space', () => {
    expect(normalizeEmail('  amara.okafor@example.com \n')).toBe('amara.okafor@example.com');
  });

  it.each([
    ['missing @', 'dev.example.com'],
    ['two @', 'a@b@example.com'],
    ['empty local part', '@example.com'],
    ['domain without a dot', 'amara@localhost'],
    ['empty domain label', 'amara@example..com'],
    ['trailing dot', 'amara@example.com.'],
    ['inner space', 'amara okafor@example.com'],
    ['control character', 'amara\u0007@example.com'],
    ['empty text', '   '],
  ])('rejects %s', (_case, text) => {
    expect(normalizeEmail(text)).toBeUndefined();
  });

  it('rejects null and undefined', () => {
    expect(normalizeEmail(null)).toBeUndefined();
    expect(normalizeEmail(undefined)).toBeUndefined();
  });

  it('accepts a 64-character local part', () => {
    const address = `${'a'.repeat(64)}@example.com`;

    expect(normalizeEmail(address)).toBe(address);
  });

  it('rejects a 65-character local part', () => {
    expect(normalizeEmail(`${'a'.repeat(65)}@example.com`)).toBeUndefined();
  });

  it('accepts 254 characters in all', () => {
    const address = `a@${'d'.repeat(248)}.com`;

    expect(address).toHaveLength(254);
    expect(normalizeEmail(address)).toBe(address);
  });

  it('rejects 255 characters in all', () => {
    expect(normalizeEmail(`a@${'d'.repeat(249)}.com`)).toBeUndefined();
  });

  it.each([
    ['comma between two addresses', 'a,b@example.com'],
    ['comma after the domain', 'amara@example.com,b'],
    ['group syntax', 'team:amara@example.com;'],
    ['angle brackets', 'a<b>@example.com'],
    ['comment', 'amara(work)@example.com'],
    ['quoted local part', '"amara"@example.com'],
    ['address literal', 'amara@[127.0.0.1]'],
    ['zero-width space', 'amara@example.com\u200b'],
    ['bidi override', '\u202eamara@example.com'],
  ])('rejects %s', (_case, text) => {
    expect(normalizeEmail(text)).toBeUndefined();
  });

  it.each([
    ['plus tag', 'amara+evidence@example.com'],
    ['apostrophe', "o'neill@example.com"],
    ['internationalised domain', 'amara@bücher.example'],
    ['non-ASCII local part', 'zoë@example.com'],
  ])('accepts %s', (_case, text) => {
    expect(normalizeEmail(text)).toBe(text);
  });
});
