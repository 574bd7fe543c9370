import { DeliveryError } from '@pics/automations-core';

/** Twilio error code: the recipient replied STOP and Twilio blocks messages to them. */
export const TWILIO_UNSUBSCRIBED_RECIPIENT = 21610;

/** Twilio's JSON error body, for example `{ code: 21211, message, more_info, status: 400 }`. */
export interface TwilioErrorBody {
  code?: number | undefined;
  message?: string | undefined;
  more_info?: string | undefined;
  status?: number | undefined;
}

/**
 * Converts a Twilio error response into a `DeliveryError`. 429 and 5xx are transient and keep
 * the `Retry-After` delay. Error 21610 (recipient replied STOP) is permanent with `optedOut`.
 * Every other 4xx is permanent, including 21211 (invalid To) and 21614 (To is not a mobile).
 * The exception is 408, where Twilio timed out reading the request, so a retry may succeed.
 */
export function fromErrorResponse(args: {
  status: number;
  body: TwilioErrorBody | undefined;
  retryAfter: string | null;
  now: Date;
}): DeliveryError {
  const { status, body } = args;
  const transient = status === 408 || status === 429 || status >= 500;
  const optedOut = body?.code === TWILIO_UNSUBSCRIBED_RECIPIENT;
  const providerCode = body?.code === undefined ? String(status) : String(body.code);
  const detail = [body?.message, body?.more_info].filter(Boolean).join(' ');
  const codeText = body?.code === undefined ? '' : `, error ${body.code}`;
  const outcome = transient ? 'a retry may succeed' : 'retrying will not help';

  return new DeliveryError(
    `[automations] [twilio] Twilio rejected the message (HTTP ${status}${codeText}), so ${outcome}: ${detail || 'no details given'}`,
    {
      transient,
      providerCode,
      optedOut,
      retryAfterMs: transient ? parseRetryAfter(args.retryAfter, args.now) : undefined,
    },
  );
}

/**
 * Converts an error thrown by `fetch` into a transient `DeliveryError`: a timeout (`ETIMEDOUT`),
 * an abort by the caller (`EABORT`), or a network failure (the socket error's code, such as
 * `ECONNREFUSED`, else `ENETWORK`).
 */
export function fromFetchError(error: unknown): DeliveryError {
  const name = error instanceof Error ? error.name : undefined;
  let providerCode = networkCode(error);
  let reason = 'the request failed';
  if (name === 'TimeoutError') {
    providerCode = 'ETIMEDOUT';
    reason = 'the request timed out';
  } else if (name === 'AbortError') {
    providerCode = 'EABORT';
    reason = 'the request was aborted';
  }
  const message = error instanceof Error ? error.message : String(error);

  return new DeliveryError(
    `[automations] [twilio] Sending failed because ${reason} (${providerCode}), so a retry may succeed: ${message}`,
    { transient: true, providerCode, cause: error },
  );
}

/** Reads `Retry-After` as seconds or as an HTTP date, in milliseconds, or `undefined` without one. */
export function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (value === null || value.trim() === '') {
    return undefined;
  }
  if (/^\d+$/.test(value.trim())) {
    return Number(value.trim()) * 1000;
  }
  const date = Date.parse(value);

  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}

function networkCode(error: unknown): string {
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;

  return typeof cause?.code === 'string' ? cause.code : 'ENETWORK';
}
