import { AutomationsError, ErrorCode, SmsNotConfiguredError } from '../errors/errors.js';
import type { Automation } from '../model/automation.js';
import type { MessageContext, SendResult } from '../ports/transports.js';
import type { RunnerConfig } from './config.js';
import type { RenderedMessage } from './prepare.js';

/**
 * Makes one transport call for a rendered message, after waiting for the transport's rate limit.
 * The wait is not aborted by the run's signal: the ledger entry is already reserved, so the call
 * is made rather than leaving the entry in doubt.
 */
export async function callTransport(
  config: RunnerConfig,
  message: RenderedMessage,
  context: MessageContext,
): Promise<SendResult> {
  if (message.channel === 'email') {
    const email = requireTransport(config, 'email');
    await email.bucket?.take();

    const { to, subject, html, text } = message;

    return email.transport.sendEmail({ message: { ...context, to, subject, html, text } });
  }

  const sms = requireTransport(config, 'sms');
  await sms.bucket?.take();

  return sms.transport.sendSms({ message: { ...context, to: message.to, body: message.body } });
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
