import { describe, expect, it } from 'vitest';
import { SmtpOptionsError, smtpOptionsFromEnv } from '../src/index.js';

const from = 'Training <noreply@training.example.com>';

describe('smtpOptionsFromEnv', () => {
  it('reads SMTP_URL with credentials', () => {
    const options = smtpOptionsFromEnv({
      SMTP_URL: 'smtps://mailer%40example.com:p%3Ass@smtp.example.com:2465',
      SMTP_FROM: from,
    });

    expect(options).toEqual({
      host: 'smtp.example.com',
      port: 2465,
      secure: true,
      auth: { user: 'mailer@example.com', pass: 'p:ss' },
      from,
    });
  });

  it('reads SMTP_URL without port', () => {
    const options = smtpOptionsFromEnv({ SMTP_URL: 'smtp://smtp.example.com', SMTP_FROM: from });

    expect(options).toEqual({ host: 'smtp.example.com', secure: false, from });
  });

  it('reads separate variables', () => {
    const options = smtpOptionsFromEnv({
      SMTP_HOST: 'smtp.example.com',
      SMTP_PORT: '587',
      SMTP_SECURE: 'false',
      SMTP_REQUIRE_TLS: 'true',
      SMTP_USER: 'mailer',
      SMTP_PASS: 'secret',
      SMTP_FROM: from,
      SMTP_REPLY_TO: 'office@training.example.com',
      SMTP_MAX_CONNECTIONS: '3',
      SMTP_MAX_PER_SECOND: '10',
    });

    expect(options).toEqual({
      host: 'smtp.example.com',
      port: 587,
      secure: false,
      requireTLS: true,
      auth: { user: 'mailer', pass: 'secret' },
      from,
      replyTo: 'office@training.example.com',
      maxConnections: 3,
      maxPerSecond: 10,
    });
  });

  it.each([
    ['no server', { SMTP_FROM: from }, /SMTP_URL or SMTP_HOST is missing/],
    ['no sender', { SMTP_HOST: 'smtp.example.com' }, /SMTP_FROM is missing/],
    ['a blank sender', { SMTP_HOST: 'smtp.example.com', SMTP_FROM: ' ' }, /SMTP_FROM is missing/],
    ['a user alone', { SMTP_HOST: 'h', SMTP_FROM: from, SMTP_USER: 'u' }, /SMTP_PASS is missing/],
    ['a bad port', { SMTP_HOST: 'h', SMTP_FROM: from, SMTP_PORT: 'x' }, /SMTP_PORT is "x"/],
    ['a bad boolean', { SMTP_HOST: 'h', SMTP_FROM: from, SMTP_SECURE: 'yes' }, /SMTP_SECURE/],
    ['a bad URL', { SMTP_URL: 'http://h', SMTP_FROM: from }, /SMTP_URL is invalid/],
  ])('rejects %s', (_case, env, message) => {
    expect(() => smtpOptionsFromEnv(env)).toThrow(message);
  });

  it('throws SmtpOptionsError', () => {
    expect(() => smtpOptionsFromEnv({})).toThrow(SmtpOptionsError);
  });

  it('keeps the password out of errors', () => {
    const read = () => smtpOptionsFromEnv({ SMTP_URL: 'smtp://u:hunter2@', SMTP_FROM: from });

    expect(read).not.toThrow(/hunter2/);
  });
});
