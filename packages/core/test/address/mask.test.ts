import { describe, expect, it } from 'vitest';
import { maskAddress } from '../../src/address/index.js';

describe('maskAddress', () => {
  it('masks an email local part', () => {
    expect(maskAddress('amara.okafor@example.com')).toBe('a***@example.com');
  });

  it('masks the middle of a number', () => {
    expect(maskAddress('+447400100001')).toBe('+44*******001');
  });

  it('masks other text', () => {
    expect(maskAddress('someone')).toBe('s***');
  });
});
