import {
  AutomationsError,
  createConsoleTransport,
  createOutboxTransport,
  type EmailTransport,
  type Logger,
  type SmsTransport,
} from '@pics/automations-core';
import { createSmtpTransport, smtpOptionsFromEnv } from '@pics/automations-transport-smtp';
import { createTwilioTransport, twilioOptionsFromEnv } from '@pics/automations-transport-twilio';
import { SetupError } from './errors.js';
import type { QuickstartFlags } from './flags.js';

/** The transports a run sends through, by channel; SMS may have none. */
export interface QuickstartTransports {
  email: EmailTransport;
  sms: SmsTransport | undefined;
}

/** Settings the transports read besides the flags. */
export interface TransportEnvironment {
  /** Environment variables with the SMTP and Twilio settings and credentials. */
  env: Readonly<Record<string, string | undefined>>;
  /** Receives the transports' warnings; they mask addresses and never log credentials. */
  logger: Logger;
}

/** Output targets of the outbox and console transports. */
export interface LocalTransportTargets {
  /** Folder the outbox writes this run's messages to: `<--out>/<run date>`. */
  outboxDir: string;
  /** Receives the console transport's lines: standard output, or standard error with `--json`. */
  console: { write(text: string): unknown };
}

/** The SMTP and Twilio transports `--transport` chooses; a channel left to outbox or console has none. */
export interface RemoteTransports {
  email: EmailTransport | undefined;
  sms: SmsTransport | undefined;
}

/**
 * Creates the SMTP and Twilio transports `--transport` chooses, reading their settings and
 * credentials from environment variables only. It runs before anything else, so a missing
 * variable stops the command at once.
 *
 * @throws {SetupError} naming the environment variable that is missing or invalid, without the
 *   SDK's `[automations] [smtp]` prefix, which means nothing to someone at the command line.
 */
export function createRemoteTransports(
  flags: QuickstartFlags,
  environment: TransportEnvironment,
): RemoteTransports {
  const { email, sms } = flags.transports;
  // Twilio first: it opens no connection, so nothing needs closing when SMTP then fails.
  const smsTransport = sms === 'twilio' ? createRemote('twilio', environment) : undefined;
  const emailTransport = email === 'smtp' ? createRemote('smtp', environment) : undefined;

  return { email: emailTransport, sms: smsTransport };
}

/**
 * Adds the outbox or console transport to the channels `remote` leaves. The outbox writes each
 * email as an `.eml` file and each SMS as a line of `sms.jsonl` in `targets.outboxDir`, created on
 * the first message, so a dry run writes nothing. The console transport prints one line per
 * message.
 */
export function addLocalTransports(
  remote: RemoteTransports,
  flags: QuickstartFlags,
  targets: LocalTransportTargets,
): QuickstartTransports {
  const { email, sms } = flags.transports;
  const local = memoize((name: LocalTransportName) => createLocal(name, targets));
  const emailTransport = email === 'smtp' ? remote.email : local(email);
  if (emailTransport === undefined) {
    throw new Error('The SMTP transport is missing: call createRemoteTransports first');
  }

  return {
    email: emailTransport,
    sms: sms === undefined || sms === 'twilio' ? remote.sms : local(sms),
  };
}

/** Closes the transports that hold connections (the SMTP pool). */
export async function closeTransports(transports: RemoteTransports): Promise<void> {
  // The outbox or console transport may carry both channels; a Set closes it once.
  const distinct = new Set([transports.email, transports.sms]);
  for (const transport of distinct) await transport?.close?.();
}

type LocalTransportName = 'outbox' | 'console';

function createLocal(
  name: LocalTransportName,
  targets: LocalTransportTargets,
): EmailTransport & SmsTransport {
  if (name === 'outbox') return createOutboxTransport({ dir: targets.outboxDir });

  return createConsoleTransport({ write: (line) => targets.console.write(`${line}\n`) });
}

// The outbox or console transport carries both channels as one instance, created on first use.
function memoize<Key, Value>(create: (key: Key) => Value): (key: Key) => Value {
  const values = new Map<Key, Value>();

  return (key) => {
    if (!values.has(key)) values.set(key, create(key));

    return values.get(key) as Value;
  };
}

function createRemote(name: 'smtp', environment: TransportEnvironment): EmailTransport;
function createRemote(name: 'twilio', environment: TransportEnvironment): SmsTransport;
function createRemote(
  name: 'smtp' | 'twilio',
  environment: TransportEnvironment,
): EmailTransport | SmsTransport {
  try {
    return name === 'smtp' ? createSmtp(environment) : createTwilio(environment);
  } catch (error) {
    if (!(error instanceof AutomationsError)) throw error;

    throw new SetupError(`--transport ${name}: ${withoutPrefix(error.message)}`, { cause: error });
  }
}

// The SDK's adapters start their messages with `[automations] [smtp] ` for logs that mix sources.
function withoutPrefix(message: string): string {
  return message.replace(/^(\[[\w-]+\]\s*)+/, '');
}

function createSmtp(environment: TransportEnvironment): EmailTransport {
  return createSmtpTransport({
    ...smtpOptionsFromEnv(environment.env),
    logger: environment.logger,
  });
}

function createTwilio(environment: TransportEnvironment): SmsTransport {
  return createTwilioTransport({
    ...twilioOptionsFromEnv(environment.env),
    logger: environment.logger,
  });
}
