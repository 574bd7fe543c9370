import { createHash } from 'node:crypto';
import {
  type EmailMessage,
  type EmailTransport,
  type Logger,
  type SendResult,
  silentLogger,
} from '@pics/automations-core';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import { SmtpOptionsError } from './errors.js';
import { readFailure, toDeliveryError } from './failures.js';
import { domainOf, maskAddress, maskAddressesIn, parseRecipient, toOneLine } from './headers.js';
import { SMTP_DEFAULTS, type SmtpTransportOptions } from './options.js';

/** Name of the SMTP transport in logs and reports. */
export const SMTP_TRANSPORT_NAME = 'smtp';

/**
 * Creates an email transport that sends through an SMTP server with nodemailer. Each message has
 * an HTML part and a plain-text part, a one-line subject, exactly one recipient, and a Message-ID
 * derived from the idempotency key, so a retried send carries the same Message-ID.
 *
 * `sendEmail` throws a `DeliveryError`: transient for SMTP 4xx replies, connection errors and
 * timeouts, permanent for 5xx replies and for a recipient that is not exactly one address. It
 * may be called concurrently, and the pool spreads messages over at most `maxConnections`.
 */
export function createSmtpTransport(options: SmtpTransportOptions): EmailTransport {
  validateOptions(options);
  const transporter = createTransporter(options);
  const logger = (options.logger ?? silentLogger).child({ transport: SMTP_TRANSPORT_NAME });
  const messageIdDomain = options.messageIdDomain ?? domainOf(options.from) ?? 'localhost';

  return {
    name: SMTP_TRANSPORT_NAME,
    maxPerSecond: options.maxPerSecond,
    sendEmail: ({ message, signal }) =>
      sendEmail({ transporter, logger, messageIdDomain, options, message, signal }),
    close: async () => {
      transporter.close();
    },
  };
}

interface SendContext {
  transporter: Transporter;
  logger: Logger;
  messageIdDomain: string;
  options: SmtpTransportOptions;
  message: EmailMessage;
  signal: AbortSignal | undefined;
}

async function sendEmail(context: SendContext): Promise<SendResult> {
  const { message, logger } = context;
  const fields = {
    automationId: message.automationId,
    learnerId: message.learnerId,
    to: maskAddress(message.to),
  };

  try {
    const info = await context.transporter.sendMail(buildMail(context));
    logger.debug({ ...fields, messageId: info.messageId }, 'SMTP server accepted the message');

    return { messageId: info.messageId };
  } catch (error) {
    const failure = toDeliveryError(error);
    logger.warn(
      { ...fields, ...describeForLog(error), transient: failure.transient },
      failure.transient ? 'SMTP send failed, a retry may succeed' : 'SMTP send failed permanently',
    );

    throw failure;
  }
}

function buildMail(context: SendContext): SendMailOptions {
  const { message, options } = context;
  const mail: SendMailOptions = {
    from: options.from,
    to: parseRecipient(message.to),
    subject: toOneLine(message.subject),
    html: message.html,
    text: message.text,
    messageId: messageIdFor(message.idempotencyKey, context.messageIdDomain),
    disableFileAccess: true,
    disableUrlAccess: true,
  };
  if (options.replyTo !== undefined) {
    mail.replyTo = options.replyTo;
  }
  if (context.signal !== undefined) {
    mail.signal = context.signal;
  }

  return mail;
}

/** Derives a Message-ID from the idempotency key without revealing it. */
function messageIdFor(idempotencyKey: string, domain: string): string {
  const digest = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);

  return `<${digest}@${domain}>`;
}

/** Log fields of a failure: codes and the server reply with addresses masked, never the message. */
function describeForLog(error: unknown): Record<string, unknown> {
  const failure = readFailure(error);

  return {
    responseCode: failure.responseCode,
    code: failure.code,
    command: failure.command,
    reply: failure.response === undefined ? undefined : maskAddressesIn(failure.response),
  };
}

function createTransporter(options: SmtpTransportOptions): Transporter {
  const connection = {
    host: options.host,
    port: options.port ?? (options.secure ? 465 : 587),
    secure: options.secure ?? false,
    requireTLS: options.requireTLS ?? false,
    auth: options.auth,
    connectionTimeout: options.connectionTimeoutMs ?? SMTP_DEFAULTS.connectionTimeoutMs,
    greetingTimeout: options.greetingTimeoutMs ?? SMTP_DEFAULTS.greetingTimeoutMs,
    socketTimeout: options.socketTimeoutMs ?? SMTP_DEFAULTS.socketTimeoutMs,
    tls: options.tls,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
  if (options.pool ?? SMTP_DEFAULTS.pool) {
    const maxConnections = options.maxConnections ?? SMTP_DEFAULTS.maxConnections;

    return nodemailer.createTransport({ ...connection, pool: true, maxConnections });
  }

  return nodemailer.createTransport(connection);
}

function validateOptions(options: SmtpTransportOptions): void {
  if (typeof options.host !== 'string' || options.host.trim() === '') {
    throw new SmtpOptionsError('Option "host" is missing: set the SMTP server host name.');
  }
  if (domainOf(options.from) === undefined) {
    throw new SmtpOptionsError(
      'Option "from" has no valid address: set it to an address such as noreply@example.com.',
    );
  }
  requirePositive('port', options.port, { integer: true });
  requirePositive('maxConnections', options.maxConnections, { integer: true });
  requirePositive('maxPerSecond', options.maxPerSecond, { integer: false });
  requirePositive('connectionTimeoutMs', options.connectionTimeoutMs, { integer: true });
  requirePositive('greetingTimeoutMs', options.greetingTimeoutMs, { integer: true });
  requirePositive('socketTimeoutMs', options.socketTimeoutMs, { integer: true });
}

function requirePositive(
  name: string,
  value: number | undefined,
  { integer }: { integer: boolean },
): void {
  if (value === undefined) {
    return;
  }
  const valid = Number.isFinite(value) && value > 0 && (!integer || Number.isInteger(value));
  if (!valid) {
    const rule = integer ? 'a positive integer' : 'a positive number';
    throw new SmtpOptionsError(`Option "${name}" is ${value}: it must be ${rule}.`);
  }
}
