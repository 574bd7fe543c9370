import { AutomationsError, ErrorCode, SmsNotConfiguredError } from '../errors/errors.js';
import type { Automation } from '../model/automation.js';
import type { MessageContext, SendResult } from '../ports/transports.js';
import type { RunnerConfig } from './config.js';
import type { RenderedMessage } from './prepare.js';
import { withSendTimeout } from './send-timeout.js';
import { readSafely } from './thrown.js';

/**
 * Makes one transport call for a rendered message, after waiting for the transport's rate limit.
 * The wait is not aborted by the run's signal: the ledger entry is already reserved, so the call
 * is made rather than leaving the entry in doubt. Returns the result as {@link readSendResult}
 * reads it.
 *
 * @throws {SendTimedOutError} when the transport has not settled within `sendTimeoutMs`.
 */
export async function callTransport(
  config: RunnerConfig,
  message: RenderedMessage,
  context: MessageContext,
): Promise<SendResult> {
  return readSendResult(await sendMessage(config, message, context));
}

/**
 * Returns the fields of a transport's result that have the documented type, and drops the rest.
 * A transport that resolved accepted the message, so it is recorded as sent even when the result
 * is nothing, `null`, a number or a message id that is not a string. Never throws.
 */
export function readSendResult(result: unknown): SendResult {
  if (typeof result !== 'object' || result === null) return {};

  const read = (field: keyof SendResult): unknown =>
    readSafely(() => (result as Record<keyof SendResult, unknown>)[field], undefined);
  const messageId = read('messageId');
  const segments = read('segments');
  const encoding = read('encoding');

  return {
    messageId: typeof messageId === 'string' && messageId !== '' ? messageId : undefined,
    segments:
      Number.isInteger(segments) && (segments as number) > 0 ? (segments as number) : undefined,
    encoding: encoding === 'GSM-7' || encoding === 'UCS-2' ? encoding : undefined,
  };
}

function sendMessage(
  config: RunnerConfig,
  message: RenderedMessage,
  context: MessageContext,
): Promise<unknown> {
  if (message.channel === 'email') return sendEmail(config, message, context);

  return sendSms(config, message, context);
}

async function sendEmail(
  config: RunnerConfig,
  message: Extract<RenderedMessage, { channel: 'email' }>,
  context: MessageContext,
): Promise<unknown> {
  const email = requireTransport(config, 'email');
  await email.bucket?.take();

  const { to, subject, html, text } = message;

  const { transport } = email;

  return withSendTimeout(
    (signal) => transport.sendEmail({ message: { ...context, to, subject, html, text }, signal }),
    { timeoutMs: config.sendTimeoutMs, transportName: transport.name },
  );
}

async function sendSms(
  config: RunnerConfig,
  message: Extract<RenderedMessage, { channel: 'sms' }>,
  context: MessageContext,
): Promise<unknown> {
  const sms = requireTransport(config, 'sms');
  await sms.bucket?.take();

  const { transport } = sms;
  const { to, body } = message;

  return withSendTimeout(
    (signal) => transport.sendSms({ message: { ...context, to, body }, signal }),
    { timeoutMs: config.sendTimeoutMs, transportName: transport.name },
  );
}

/**
 * Checks that the runner has a transport for an automation's channel.
 *
 * @throws {SmsNotConfiguredError} for an SMS automation without an SMS transport.
 * @throws {AutomationsError} with code `INVALID_ARGUMENT` for an email automation without an
 *   email transport.
 */
export function assertTransportFor(
  config: RunnerConfig,
  automation: Pick<Automation, 'id' | 'name' | 'channel'>,
): void {
  if (config[automation.channel] !== undefined) return;

  const name = `automation "${automation.name}" (${automation.id})`;
  if (automation.channel === 'sms') {
    throw new SmsNotConfiguredError(
      `No SMS transport is configured, so ${name} cannot run: pass transports.sms to createRunner`,
    );
  }

  throw new AutomationsError(
    ErrorCode.InvalidArgument,
    `No email transport is configured, so ${name} cannot run: pass transports.email to createRunner`,
  );
}

function requireTransport<Channel extends 'email' | 'sms'>(
  config: RunnerConfig,
  channel: Channel,
): NonNullable<RunnerConfig[Channel]> {
  const transport = config[channel];
  if (transport === undefined) {
    throw new AutomationsError(ErrorCode.InvalidArgument, `No ${channel} transport is configured`);
  }

  return transport as NonNullable<RunnerConfig[Channel]>;
}
