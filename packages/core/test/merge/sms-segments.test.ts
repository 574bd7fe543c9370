import { describe, expect, it } from 'vitest';
import { smsSegments } from '../../src/index.js';

describe('smsSegments', () => {
  it('counts septets as GSM-7 units', () => {
    expect(smsSegments('Hi €').units).toBe(5);
  });

  it('counts UTF-16 units for UCS-2', () => {
    expect(smsSegments('Hi 😀').units).toBe(5);
  });

  it('returns zero segments when empty', () => {
    expect(smsSegments('')).toEqual({ encoding: 'GSM-7', segments: 0, units: 0 });
  });

  it('keeps the whole GSM-7 table', () => {
    const basic =
      '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
      '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

    expect(smsSegments(basic)).toEqual({ encoding: 'GSM-7', segments: 1, units: 127 });
  });

  it('counts extension characters twice', () => {
    expect(smsSegments('\f^{}\\[~]|€').units).toBe(20);
  });

  it('treats lowercase c cedilla as UCS-2', () => {
    expect(smsSegments('ç').encoding).toBe('UCS-2');
  });

  it('treats the escape code as UCS-2', () => {
    expect(smsSegments('\u001b').encoding).toBe('UCS-2');
  });

  it('moves a split extension pair whole', () => {
    // 152 septets then '€' needs septets 153 and 154: the first segment ends at 152.
    const text = `${'a'.repeat(152)}€${'a'.repeat(152)}`;

    expect(smsSegments(text)).toEqual({ encoding: 'GSM-7', segments: 3, units: 306 });
  });

  it('fits an extension pair exactly', () => {
    const text = `${'a'.repeat(151)}€${'a'.repeat(153)}`;

    expect(smsSegments(text).segments).toBe(2);
  });

  it('moves a split surrogate pair whole', () => {
    // 66 units then an emoji needs units 67 and 68: the first segment ends at 66.
    const text = `${'’'.repeat(66)}😀${'’'.repeat(66)}`;

    expect(smsSegments(text)).toEqual({ encoding: 'UCS-2', segments: 3, units: 134 });
  });

  it('fits a surrogate pair exactly', () => {
    const text = `${'’'.repeat(65)}😀${'’'.repeat(67)}`;

    expect(smsSegments(text).segments).toBe(2);
  });

  it('counts a lone surrogate as one unit', () => {
    expect(smsSegments('\ud83d').units).toBe(1);
  });
});
