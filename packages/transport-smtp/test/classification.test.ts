import { DeliveryError } from '@pics/automations-core';
import { describe, expect, it } from 'vitest';
import { toDeliveryError } from '../src/failures.js';

function nodemailerError(fields: { code?: string; responseCode?: number }): Error {
  return Object.assign(new Error('failed'), fields);
}

describe('smtp failure classification', () => {
  it.each([
    ['421 reply', { code: 'EENVELOPE', responseCode: 421 }, true],
    ['452 reply', { code: 'EENVELOPE', responseCode: 452 }, true],
    ['503 reply', { code: 'EPROTOCOL', responseCode: 503 }, false],
    ['535 reply', { code: 'EAUTH', responseCode: 535 }, false],
    ['554 reply', { code: 'EMESSAGE', responseCode: 554 }, false],
    ['ECONNECTION', { code: 'ECONNECTION' }, true],
    ['ETIMEDOUT', { code: 'ETIMEDOUT' }, true],
    ['ESOCKET', { code: 'ESOCKET' }, true],
    ['EDNS', { code: 'EDNS' }, true],
    ['EABORT', { code: 'EABORT' }, true],
    ['EMAXLIMIT', { code: 'EMAXLIMIT' }, true],
    ['ENOAUTH', { code: 'ENOAUTH' }, false],
    ['ECONFIG', { code: 'ECONFIG' }, false],
    ['EENVELOPE without reply', { code: 'EENVELOPE' }, false],
    ['unknown code', { code: 'ESOMETHING' }, true],
    ['no code', {}, true],
  ])('classifies %s', (_case, fields, transient) => {
    expect(toDeliveryError(nodemailerError(fields)).transient).toBe(transient);
  });

  it('prefers the reply code', () => {
    const error = nodemailerError({ code: 'EENVELOPE', responseCode: 452 });

    expect(toDeliveryError(error).providerCode).toBe('452');
  });

  it('falls back to the nodemailer code', () => {
    expect(toDeliveryError(nodemailerError({ code: 'ETIMEDOUT' })).providerCode).toBe('ETIMEDOUT');
  });

  it('keeps the original as cause', () => {
    const error = nodemailerError({ code: 'ETIMEDOUT' });

    expect(toDeliveryError(error).cause).toBe(error);
  });

  it('passes a DeliveryError through', () => {
    const error = new DeliveryError('invalid recipient', { transient: false });

    expect(toDeliveryError(error)).toBe(error);
  });

  it('accepts a thrown string', () => {
    expect(toDeliveryError('boom').transient).toBe(true);
  });
});
