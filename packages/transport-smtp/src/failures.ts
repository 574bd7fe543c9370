import { DeliveryError } from '@pics/automations-core';
import type { NodemailerError } from 'nodemailer';

/**
 * nodemailer error codes of failures that carry no SMTP reply and that no retry can fix: bad
 * configuration, missing credentials, an envelope nodemailer itself rejected.
 */
const PERMANENT_CODES = new Set([
  'EAUTH',
  'ENOAUTH',
  'ECONFIG',
  'EENVELOPE',
  'EMESSAGE',
  'EMAXRECIPIENTS',
  'EREQUIRETLS',
  'EFILEACCESS',
  'EURLACCESS',
]);

/** Fields of a nodemailer error this module reads, checked at run time. */
interface SmtpFailure {
  responseCode: number | undefined;
  code: string | undefined;
  command: string | undefined;
  response: string | undefined;
  message: string;
}

/**
 * Converts an error thrown by nodemailer's `sendMail` into a `DeliveryError`. An SMTP 4xx reply is
 * transient and a 5xx reply permanent. Without a reply, connection errors, timeouts and aborts
 * are transient and configuration errors permanent. Unknown errors are transient, as the runner
 * treats them anyway. A `DeliveryError` passes through unchanged. `providerCode` is the reply code, or nodemailer's code when there is none.
 */
export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) {
    return error;
  }
  const failure = readFailure(error);
  const transient = isTransient(failure);
  const providerCode =
    failure.responseCode === undefined ? failure.code : String(failure.responseCode);

  return new DeliveryError(describe(failure, transient), { transient, providerCode, cause: error });
}

/** Reads the fields of a nodemailer error without trusting its shape. */
export function readFailure(error: unknown): SmtpFailure {
  const candidate = (typeof error === 'object' && error !== null ? error : {}) as NodemailerError;

  return {
    responseCode: typeof candidate.responseCode === 'number' ? candidate.responseCode : undefined,
    code: typeof candidate.code === 'string' ? candidate.code : undefined,
    command: typeof candidate.command === 'string' ? candidate.command : undefined,
    response: typeof candidate.response === 'string' ? candidate.response : undefined,
    message: error instanceof Error ? error.message : String(error),
  };
}

function isTransient(failure: SmtpFailure): boolean {
  if (failure.responseCode !== undefined) {
    return failure.responseCode < 500;
  }

  return failure.code === undefined || !PERMANENT_CODES.has(failure.code);
}

function describe(failure: SmtpFailure, transient: boolean): string {
  const outcome = transient ? 'a retry may succeed' : 'retrying will not help';
  if (failure.responseCode !== undefined) {
    const command = failure.command === undefined ? '' : ` to ${failure.command}`;
    const reply = failure.response ?? failure.message;

    return `[automations] [smtp] SMTP server replied ${failure.responseCode}${command}, so ${outcome}: ${reply}`;
  }
  const code = failure.code === undefined ? '' : ` (${failure.code})`;

  return `[automations] [smtp] Sending failed${code}, so ${outcome}: ${failure.message}`;
}
