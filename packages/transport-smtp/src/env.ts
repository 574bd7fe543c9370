import { SmtpOptionsError } from './errors.js';
import type { SmtpTransportOptions } from './options.js';

/** Environment variables read by {@link smtpOptionsFromEnv}. */
export type SmtpEnv = Readonly<Record<string, string | undefined>>;

/**
 * Reads SMTP transport options from environment variables:
 *
 * - `SMTP_URL` (`smtp://user:pass@host:587` or `smtps://user:pass@host:465`), or `SMTP_HOST` with
 *   optional `SMTP_PORT`, `SMTP_SECURE` (`true` or `false`), `SMTP_USER` and `SMTP_PASS`;
 * - `SMTP_FROM` (required), `SMTP_REPLY_TO`, `SMTP_REQUIRE_TLS`, `SMTP_MAX_CONNECTIONS` and
 *   `SMTP_MAX_PER_SECOND` (optional).
 *
 * Throws `SmtpOptionsError` naming the variable that is missing or invalid. The host adds what
 * environment variables cannot carry, such as a logger or TLS options.
 */
export function smtpOptionsFromEnv(env: SmtpEnv = process.env): SmtpTransportOptions {
  const options: SmtpTransportOptions = {
    ...readServer(env),
    from: required(env, 'SMTP_FROM'),
  };
  assignDefined(options, 'replyTo', optional(env, 'SMTP_REPLY_TO'));
  assignDefined(options, 'requireTLS', readBoolean(env, 'SMTP_REQUIRE_TLS'));
  assignDefined(options, 'maxConnections', readNumber(env, 'SMTP_MAX_CONNECTIONS'));
  assignDefined(options, 'maxPerSecond', readNumber(env, 'SMTP_MAX_PER_SECOND'));

  return options;
}

type ServerOptions = Pick<SmtpTransportOptions, 'host' | 'port' | 'secure' | 'auth'>;

function readServer(env: SmtpEnv): ServerOptions {
  const url = optional(env, 'SMTP_URL');
  if (url !== undefined) {
    return parseSmtpUrl(url);
  }
  if (optional(env, 'SMTP_HOST') === undefined) {
    throw new SmtpOptionsError(
      'Environment variable SMTP_URL or SMTP_HOST is missing: set one to the SMTP server.',
    );
  }
  const server: ServerOptions = { host: required(env, 'SMTP_HOST') };
  assignDefined(server, 'port', readNumber(env, 'SMTP_PORT'));
  assignDefined(server, 'secure', readBoolean(env, 'SMTP_SECURE'));
  assignDefined(server, 'auth', readAuth(env));

  return server;
}

function parseSmtpUrl(value: string): ServerOptions {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (
    url === undefined ||
    (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') ||
    !url.hostname
  ) {
    throw new SmtpOptionsError(
      'Environment variable SMTP_URL is invalid: write it as smtp://user:pass@host:587 or smtps://user:pass@host:465.',
    );
  }
  const server: ServerOptions = { host: url.hostname, secure: url.protocol === 'smtps:' };
  if (url.port !== '') {
    server.port = Number(url.port);
  }
  if (url.username !== '') {
    server.auth = {
      user: decodeURIComponent(url.username),
      pass: decodeURIComponent(url.password),
    };
  }

  return server;
}

function readAuth(env: SmtpEnv): SmtpTransportOptions['auth'] {
  const user = optional(env, 'SMTP_USER');
  const pass = optional(env, 'SMTP_PASS');
  if (user === undefined && pass === undefined) {
    return undefined;
  }
  if (user === undefined || pass === undefined) {
    const missing = user === undefined ? 'SMTP_USER' : 'SMTP_PASS';
    throw new SmtpOptionsError(
      `Environment variable ${missing} is missing: set SMTP_USER and SMTP_PASS together, or neither.`,
    );
  }

  return { user, pass };
}

function readNumber(env: SmtpEnv, name: string): number | undefined {
  const value = optional(env, name);
  if (value === undefined) {
    return undefined;
  }
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) {
    throw new SmtpOptionsError(
      `Environment variable ${name} is "${value}": it must be a positive number.`,
    );
  }

  return number;
}

function readBoolean(env: SmtpEnv, name: string): boolean | undefined {
  const value = optional(env, name)?.toLowerCase();
  if (value === undefined) {
    return undefined;
  }
  if (value !== 'true' && value !== 'false') {
    throw new SmtpOptionsError(`Environment variable ${name} is "${value}": use true or false.`);
  }

  return value === 'true';
}

function required(env: SmtpEnv, name: string): string {
  const value = optional(env, name);
  if (value === undefined) {
    throw new SmtpOptionsError(`Environment variable ${name} is missing: set it and restart.`);
  }

  return value;
}

/** Returns the trimmed value, or `undefined` when the variable is unset or blank. */
function optional(env: SmtpEnv, name: string): string | undefined {
  const value = env[name]?.trim();

  return value === undefined || value === '' ? undefined : value;
}

function assignDefined<T extends object, K extends keyof T>(
  target: T,
  key: K,
  value: T[K] | undefined,
) {
  if (value !== undefined) {
    target[key] = value;
  }
}
