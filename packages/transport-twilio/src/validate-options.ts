import { TwilioOptionsError } from './errors.js';
import type { TwilioTransportOptions } from './options.js';

const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;
const API_KEY_SID = /^SK[0-9a-fA-F]{32}$/;
const MESSAGING_SERVICE_SID = /^MG[0-9a-fA-F]{32}$/;

/** Throws `TwilioOptionsError` naming the first option that is missing or invalid. */
export function validateOptions(options: TwilioTransportOptions): void {
  requireMatch('accountSid', options.accountSid, ACCOUNT_SID, 'AC followed by 32 hex digits');
  validateCredentials(options);
  validateSender(options);
  requireUrl('baseUrl', options.baseUrl);
  requireUrl('statusCallbackUrl', options.statusCallbackUrl);
  requirePositive('timeoutMs', options.timeoutMs);
  requirePositive('maxPerSecond', options.maxPerSecond);
}

function validateCredentials(options: TwilioTransportOptions): void {
  const { authToken, apiKey } = options;
  if ((authToken === undefined) === (apiKey === undefined)) {
    throw new TwilioOptionsError(
      'Set exactly one of the options "authToken" and "apiKey": both are set, or neither.',
    );
  }
  if (authToken !== undefined && authToken.trim() === '') {
    throw new TwilioOptionsError('Option "authToken" is empty: set the Account Auth Token.');
  }
  if (apiKey !== undefined) {
    requireMatch('apiKey.sid', apiKey.sid, API_KEY_SID, 'SK followed by 32 hex digits');
    if (apiKey.secret.trim() === '') {
      throw new TwilioOptionsError('Option "apiKey.secret" is empty: set the API key secret.');
    }
  }
}

function validateSender(options: TwilioTransportOptions): void {
  const { from, messagingServiceSid } = options;
  if ((from === undefined) === (messagingServiceSid === undefined)) {
    throw new TwilioOptionsError(
      'Set exactly one of the options "from" and "messagingServiceSid": both are set, or neither.',
    );
  }
  if (from !== undefined && from.trim() === '') {
    throw new TwilioOptionsError(
      'Option "from" is empty: set a Twilio number such as +447400100001.',
    );
  }
  if (messagingServiceSid !== undefined) {
    requireMatch(
      'messagingServiceSid',
      messagingServiceSid,
      MESSAGING_SERVICE_SID,
      'MG followed by 32 hex digits',
    );
  }
}

function requireMatch(name: string, value: unknown, pattern: RegExp, rule: string): void {
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw new TwilioOptionsError(`Option "${name}" is invalid: it must be ${rule}.`);
  }
}

function requireUrl(name: string, value: string | undefined): void {
  if (value === undefined) {
    return;
  }
  const protocol = URL.canParse(value) ? new URL(value).protocol : undefined;
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw new TwilioOptionsError(
      `Option "${name}" is "${value}": it must be an http or https URL.`,
    );
  }
}

function requirePositive(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
    throw new TwilioOptionsError(`Option "${name}" is ${value}: it must be a positive number.`);
  }
}
