import {
  DeliveryError,
  type Logger,
  type SendResult,
  type SmsMessage,
  type SmsTransport,
  silentLogger,
  smsSegments,
} from '@pics/automations-core';
import { fromErrorResponse, fromFetchError, type TwilioErrorBody } from './failures.js';
import { maskPhone, maskPhonesIn } from './mask.js';
import { TWILIO_BASE_URL, TWILIO_TIMEOUT_MS, type TwilioTransportOptions } from './options.js';
import { validateOptions } from './validate-options.js';

/** Name of the Twilio transport in logs and reports. */
export const TWILIO_TRANSPORT_NAME = 'twilio';

/** A number in E.164 form: `+`, a country code, and at most 15 digits in all. */
const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Creates an SMS transport that sends through Twilio's Messages REST API with `fetch`, so no
 * Twilio SDK is needed. Each `sendSms` makes one `POST .../Messages.json` and returns Twilio's
 * message SID as `messageId`, the segment count and the encoding.
 *
 * `sendSms` throws a `DeliveryError`: transient for HTTP 429, 5xx, network errors and timeouts,
 * permanent for other 4xx, with `optedOut` set when the recipient replied STOP. It may be called
 * concurrently.
 */
export function createTwilioTransport(options: TwilioTransportOptions): SmsTransport {
  validateOptions(options);
  const endpoint = messagesUrl(options);
  const authorization = basicAuthorization(options);
  const logger = (options.logger ?? silentLogger).child({ transport: TWILIO_TRANSPORT_NAME });

  return {
    name: TWILIO_TRANSPORT_NAME,
    maxPerSecond: options.maxPerSecond,
    sendSms: ({ message, signal }) =>
      sendSms({ endpoint, authorization, logger, options, message, signal }),
  };
}

interface SendContext {
  endpoint: string;
  authorization: string;
  logger: Logger;
  options: TwilioTransportOptions;
  message: SmsMessage;
  signal: AbortSignal | undefined;
}

async function sendSms(context: SendContext): Promise<SendResult> {
  const { message, logger } = context;
  const fields = {
    automationId: message.automationId,
    learnerId: message.learnerId,
    to: maskPhone(message.to),
  };

  try {
    const result = await postMessage(context);
    logger.debug({ ...fields, ...result }, 'Twilio accepted the message');

    return result;
  } catch (error) {
    const failure = error instanceof DeliveryError ? error : fromFetchError(error);
    logger.warn(
      {
        ...fields,
        providerCode: failure.providerCode,
        transient: failure.transient,
        optedOut: failure.optedOut,
        retryAfterMs: failure.retryAfterMs,
        reason: maskPhonesIn(failure.message),
      },
      failure.transient
        ? 'Twilio send failed, a retry may succeed'
        : 'Twilio send failed permanently',
    );

    throw failure;
  }
}

async function postMessage(context: SendContext): Promise<SendResult> {
  const { message, options } = context;
  if (!E164.test(message.to)) {
    throw new DeliveryError(
      '[automations] [twilio] Invalid recipient: the number is not in E.164 form such as +447400100001.',
      { transient: false, providerCode: 'INVALID_RECIPIENT' },
    );
  }
  // NOTE: the Messages API takes no idempotency key, so `message.idempotencyKey` is not sent. A
  // timeout after Twilio accepted the message is still transient, and its retry sends a second SMS.
  const timeout = AbortSignal.timeout(options.timeoutMs ?? TWILIO_TIMEOUT_MS);
  const response = await fetch(context.endpoint, {
    method: 'POST',
    headers: {
      authorization: context.authorization,
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    },
    body: formFor(message, options),
    signal: context.signal === undefined ? timeout : AbortSignal.any([context.signal, timeout]),
  });
  const body = await readJson(response);

  if (!response.ok) {
    throw fromErrorResponse({
      status: response.status,
      body: body as TwilioErrorBody | undefined,
      retryAfter: response.headers.get('retry-after'),
      now: new Date(),
    });
  }

  return sendResult(message.body, body as MessageResource | undefined);
}

/** The fields of Twilio's message resource this transport reads. */
interface MessageResource {
  sid?: string | null;
  num_segments?: string | null;
}

function sendResult(text: string, resource: MessageResource | undefined): SendResult {
  const counted = smsSegments(text);
  const billed = Number.parseInt(resource?.num_segments ?? '', 10);

  return {
    messageId: resource?.sid ?? undefined,
    segments: billed > 0 ? billed : counted.segments,
    encoding: counted.encoding,
  };
}

function formFor(message: SmsMessage, options: TwilioTransportOptions): URLSearchParams {
  const form = new URLSearchParams({ To: message.to, Body: message.body });
  if (options.messagingServiceSid !== undefined) {
    form.set('MessagingServiceSid', options.messagingServiceSid);
  } else if (options.from !== undefined) {
    form.set('From', options.from);
  }
  if (options.statusCallbackUrl !== undefined) {
    form.set('StatusCallback', options.statusCallbackUrl);
  }

  return form;
}

/** Reads a JSON body, or returns `undefined` when the body is empty or not JSON. */
async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function messagesUrl(options: TwilioTransportOptions): string {
  const base = (options.baseUrl ?? TWILIO_BASE_URL).replace(/\/+$/, '');

  return `${base}/2010-04-01/Accounts/${options.accountSid}/Messages.json`;
}

function basicAuthorization(options: TwilioTransportOptions): string {
  const user = options.apiKey?.sid ?? options.accountSid;
  const password = options.apiKey?.secret ?? options.authToken ?? '';

  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}
