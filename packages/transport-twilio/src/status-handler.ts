import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type DeliveryLedger,
  type DeliveryStatus,
  type Logger,
  silentLogger,
} from '@pics/automations-core';
import { TwilioOptionsError } from './errors.js';
import { verifyTwilioSignature } from './signature.js';

/** Options of {@link createTwilioStatusHandler}. */
export interface TwilioStatusHandlerOptions {
  /**
   * The Account's Auth Token, which Twilio signs webhooks with, even when the transport sends
   * with an API key.
   */
  authToken: string;
  /** The ledger whose entries receive the reported delivery status. */
  ledger: Pick<DeliveryLedger, 'recordDeliveryStatus'>;
  /**
   * The exact URL Twilio calls, as set in the transport's `statusCallbackUrl`, query string
   * included. Set it when a proxy changes the scheme, host or path on the way to this handler.
   * @default the request URL
   */
  publicUrl?: string | undefined;
  /** Clock for the ledger's `now`. @default () => new Date() */
  clock?: (() => Date) | undefined;
  /** pino-compatible logger. @default silent */
  logger?: Logger | undefined;
  /** Largest request body `toNodeListener` reads, in bytes. @default 65536 */
  maxBodyBytes?: number | undefined;
}

/** A status callback request, independent of any HTTP framework. */
export interface StatusCallbackRequest {
  /** The absolute request URL, or only its path and query when `publicUrl` is set. */
  url: string;
  /** Request headers, with names matched case-insensitively. */
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The raw `application/x-www-form-urlencoded` body. */
  body: string;
}

/**
 * Outcome of one callback. `updated`: the ledger entry now has the status. `unknownMessage`: no
 * entry has that message SID. `ignored`: a status the ledger does not record, such as `sending`.
 * `invalidSignature`: the signature is missing or wrong. `invalidRequest`: a signed request
 * without `MessageSid` or `MessageStatus`, or not form-encoded.
 */
export type StatusCallbackOutcome =
  | 'updated'
  | 'unknownMessage'
  | 'ignored'
  | 'invalidSignature'
  | 'invalidRequest';

/** The response to send back to Twilio. */
export interface StatusCallbackResponse {
  status: 204 | 400 | 403;
  outcome: StatusCallbackOutcome;
  /** The message SID the request was about, once the signature is verified. */
  messageSid?: string | undefined;
}

/** Receives Twilio's message status callbacks. */
export interface TwilioStatusHandler {
  /**
   * Verifies the request's `X-Twilio-Signature` and records the reported status in the ledger.
   * Rejects only when the ledger fails, so the caller can respond with 500.
   */
  handle(request: StatusCallbackRequest): Promise<StatusCallbackResponse>;
  /** Returns a `node:http` request listener that reads the body and responds with the status from {@link handle}. */
  toNodeListener(): (request: IncomingMessage, response: ServerResponse) => void;
}

/**
 * The ledger's delivery status for each Twilio message status it records. Others are ignored. A
 * Map, so a status such as `constructor` finds nothing rather than an Object.prototype member.
 */
const DELIVERY_STATUSES: ReadonlyMap<string, DeliveryStatus> = new Map([
  ['queued', 'queued'],
  ['sent', 'sent'],
  ['delivered', 'delivered'],
  ['undelivered', 'undelivered'],
  ['failed', 'failed'],
]);

const DEFAULT_MAX_BODY_BYTES = 65_536;

/**
 * Creates a handler for Twilio's message status callbacks. A request with a missing or wrong
 * signature gets 403 and changes nothing. A signed one updates the delivery status of the ledger
 * entry whose transport message id is the `MessageSid`, with Twilio's `ErrorCode` when present.
 */
export function createTwilioStatusHandler(
  options: TwilioStatusHandlerOptions,
): TwilioStatusHandler {
  validateHandlerOptions(options);
  const logger = (options.logger ?? silentLogger).child({ transport: 'twilio', webhook: 'status' });
  const handle = (request: StatusCallbackRequest) => handleCallback(options, logger, request);

  return {
    handle,
    toNodeListener: () => (request, response) => {
      void listen({ handle, logger, options, request, response });
    },
  };
}

function validateHandlerOptions(options: TwilioStatusHandlerOptions): void {
  if (typeof options.authToken !== 'string' || options.authToken.trim() === '') {
    throw new TwilioOptionsError('Option "authToken" is empty: set the Account Auth Token.');
  }
  // NaN would compare false with every size and so lift the limit.
  const { maxBodyBytes } = options;
  if (maxBodyBytes !== undefined && !(Number.isSafeInteger(maxBodyBytes) && maxBodyBytes > 0)) {
    throw new TwilioOptionsError(
      `Option "maxBodyBytes" is ${maxBodyBytes}: it must be a positive whole number of bytes.`,
    );
  }
}

async function handleCallback(
  options: TwilioStatusHandlerOptions,
  logger: Logger,
  request: StatusCallbackRequest,
): Promise<StatusCallbackResponse> {
  const signature = headerValue(request.headers, 'x-twilio-signature');
  const params = new URLSearchParams(request.body);
  const url = signedUrl(options.publicUrl, request.url);
  const verified =
    signature !== undefined &&
    verifyTwilioSignature({ authToken: options.authToken, signature, url, params });
  if (!verified) {
    logger.warn(
      { hasSignature: signature !== undefined },
      'Rejected a status callback with an invalid signature',
    );

    return { status: 403, outcome: 'invalidSignature' };
  }

  return recordStatus(options, logger, request, params);
}

async function recordStatus(
  options: TwilioStatusHandlerOptions,
  logger: Logger,
  request: StatusCallbackRequest,
  params: URLSearchParams,
): Promise<StatusCallbackResponse> {
  const messageSid = params.get('MessageSid') ?? undefined;
  const twilioStatus = params.get('MessageStatus') ?? undefined;
  if (!isFormEncoded(request.headers) || messageSid === undefined || twilioStatus === undefined) {
    logger.warn({ messageSid }, 'Rejected a status callback without MessageSid or MessageStatus');

    return { status: 400, outcome: 'invalidRequest', messageSid };
  }
  const deliveryStatus = DELIVERY_STATUSES.get(twilioStatus);
  if (deliveryStatus === undefined) {
    logger.debug({ messageSid, twilioStatus }, 'Ignored a status the ledger does not record');

    return { status: 204, outcome: 'ignored', messageSid };
  }

  const errorCode = params.get('ErrorCode') || undefined;
  const now = (options.clock ?? (() => new Date()))();
  const entry = await options.ledger.recordDeliveryStatus({
    transportMessageId: messageSid,
    deliveryStatus,
    errorCode,
    now,
  });
  const outcome = entry === undefined ? 'unknownMessage' : 'updated';
  logger.debug({ messageSid, deliveryStatus, errorCode, outcome }, 'Recorded a delivery status');

  return { status: 204, outcome, messageSid };
}

/** Returns the URL Twilio signed: `publicUrl` when set, else the request URL, which must be absolute. */
function signedUrl(publicUrl: string | undefined, requestUrl: string): string {
  if (publicUrl !== undefined) {
    return publicUrl;
  }
  if (!URL.canParse(requestUrl)) {
    throw new TwilioOptionsError(
      `Status callback URL "${requestUrl}" is not absolute: pass the full URL, or set "publicUrl".`,
    );
  }

  return requestUrl;
}

function isFormEncoded(headers: StatusCallbackRequest['headers']): boolean {
  const contentType = headerValue(headers, 'content-type');

  return (
    contentType === undefined ||
    contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')
  );
}

function headerValue(headers: StatusCallbackRequest['headers'], name: string): string | undefined {
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];

  return typeof value === 'string' ? value : value?.[0];
}

interface ListenContext {
  handle: TwilioStatusHandler['handle'];
  logger: Logger;
  options: TwilioStatusHandlerOptions;
  request: IncomingMessage;
  response: ServerResponse;
}

async function listen(context: ListenContext): Promise<void> {
  const { request, response } = context;
  if (request.method !== 'POST') {
    response.writeHead(405, { allow: 'POST' }).end();

    return;
  }

  try {
    const body = await readBody(request, context.options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
    if (body === undefined) {
      response.writeHead(413).end();

      return;
    }
    const result = await context.handle({
      url: requestUrl(request),
      headers: request.headers,
      body,
    });
    response.writeHead(result.status).end();
  } catch (error) {
    context.logger.error({ err: error }, 'Status callback failed, responded with 500');
    response.writeHead(500).end();
  }
}

/** Reads the body as UTF-8, or returns `undefined` once it exceeds `maxBytes`. */
async function readBody(request: IncomingMessage, maxBytes: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      return undefined;
    }
    chunks.push(chunk as Buffer);
  }

  return Buffer.concat(chunks).toString('utf8');
}

/** Rebuilds the absolute URL from the Host header. Behind a proxy, `publicUrl` replaces it. */
function requestUrl(request: IncomingMessage): string {
  const scheme = 'encrypted' in request.socket && request.socket.encrypted ? 'https' : 'http';

  return `${scheme}://${request.headers.host ?? 'localhost'}${request.url ?? '/'}`;
}
