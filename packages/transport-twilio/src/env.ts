import { TwilioOptionsError } from './errors.js';
import type { TwilioTransportOptions } from './options.js';

/** Environment variables read by {@link twilioOptionsFromEnv}. */
export type TwilioEnv = Readonly<Record<string, string | undefined>>;

/**
 * Reads Twilio transport options from environment variables:
 *
 * - `TWILIO_ACCOUNT_SID` (required);
 * - `TWILIO_AUTH_TOKEN`, or `TWILIO_API_KEY_SID` with `TWILIO_API_KEY_SECRET`;
 * - `TWILIO_FROM` or `TWILIO_MESSAGING_SERVICE_SID`, exactly one;
 * - `TWILIO_STATUS_CALLBACK_URL`, `TWILIO_BASE_URL`, `TWILIO_TIMEOUT_MS` and
 *   `TWILIO_MAX_PER_SECOND` (optional).
 *
 * Throws `TwilioOptionsError` naming the variable that is missing or invalid.
 */
export function twilioOptionsFromEnv(env: TwilioEnv = process.env): TwilioTransportOptions {
  const options: TwilioTransportOptions = {
    accountSid: required(env, 'TWILIO_ACCOUNT_SID'),
    ...readCredentials(env),
    ...readSender(env),
  };
  assignDefined(options, 'statusCallbackUrl', optional(env, 'TWILIO_STATUS_CALLBACK_URL'));
  assignDefined(options, 'baseUrl', optional(env, 'TWILIO_BASE_URL'));
  assignDefined(options, 'timeoutMs', readNumber(env, 'TWILIO_TIMEOUT_MS'));
  assignDefined(options, 'maxPerSecond', readNumber(env, 'TWILIO_MAX_PER_SECOND'));

  return options;
}

function readCredentials(env: TwilioEnv): Pick<TwilioTransportOptions, 'authToken' | 'apiKey'> {
  const authToken = optional(env, 'TWILIO_AUTH_TOKEN');
  const sid = optional(env, 'TWILIO_API_KEY_SID');
  const secret = optional(env, 'TWILIO_API_KEY_SECRET');
  if (authToken !== undefined) {
    return { authToken };
  }
  if (sid === undefined && secret === undefined) {
    throw new TwilioOptionsError(
      'Environment variable TWILIO_AUTH_TOKEN is missing: set it, or set TWILIO_API_KEY_SID and TWILIO_API_KEY_SECRET.',
    );
  }
  if (sid === undefined || secret === undefined) {
    const missing = sid === undefined ? 'TWILIO_API_KEY_SID' : 'TWILIO_API_KEY_SECRET';
    throw new TwilioOptionsError(
      `Environment variable ${missing} is missing: set TWILIO_API_KEY_SID and TWILIO_API_KEY_SECRET together.`,
    );
  }

  return { apiKey: { sid, secret } };
}

function readSender(env: TwilioEnv): Pick<TwilioTransportOptions, 'from' | 'messagingServiceSid'> {
  const from = optional(env, 'TWILIO_FROM');
  const messagingServiceSid = optional(env, 'TWILIO_MESSAGING_SERVICE_SID');
  if (from !== undefined && messagingServiceSid !== undefined) {
    throw new TwilioOptionsError(
      'Environment variables TWILIO_FROM and TWILIO_MESSAGING_SERVICE_SID are both set: keep one.',
    );
  }
  if (from !== undefined) {
    return { from };
  }
  if (messagingServiceSid !== undefined) {
    return { messagingServiceSid };
  }
  throw new TwilioOptionsError(
    'Environment variable TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID is missing: set one.',
  );
}

function readNumber(env: TwilioEnv, name: string): number | undefined {
  const value = optional(env, name);
  if (value === undefined) {
    return undefined;
  }
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) {
    throw new TwilioOptionsError(
      `Environment variable ${name} is "${value}": it must be a positive number.`,
    );
  }

  return number;
}

function required(env: TwilioEnv, name: string): string {
  const value = optional(env, name);
  if (value === undefined) {
    throw new TwilioOptionsError(`Environment variable ${name} is missing: set it and restart.`);
  }

  return value;
}

/** Returns the trimmed value, or `undefined` when the variable is unset or blank. */
function optional(env: TwilioEnv, name: string): string | undefined {
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
