import path from 'node:path';
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
  /** Receives the console transport's lines: standard output, or standard error with `--json`. */
  console: NodeJS.WritableStream;
}

/**
 * Creates the transports `--transport` chooses. The outbox writes each email as an `.eml` file
 * and each SMS as a line of `sms.jsonl` in the `--out` folder, created on the first message, so a
 * dry run writes nothing. The console transport prints one line per message. SMTP and Twilio
 * read their settings and credentials from environment variables only.
 *
 * @throws {SetupError} naming the environment variable that is missing or invalid.
 */
export function createTransportsFromFlags(
  flags: QuickstartFlags,
  environment: TransportEnvironment,
): QuickstartTransports {
  const { email, sms } = flags.transports;
  const local = memoize((name: LocalTransportName) => createLocal(name, flags, environment));
  try {
    // Twilio first: it holds no connection, so nothing needs closing when SMTP then fails.
    const smsTransport = sms === 'twilio' ? createTwilio(environment) : undefined;
    const emailTransport = email === 'smtp' ? createSmtp(environment) : local(email);

    return {
      email: emailTransport,
      sms: sms === undefined || sms === 'twilio' ? smsTransport : local(sms),
    };
  } catch (error) {
    if (!(error instanceof AutomationsError)) throw error;

    throw new SetupError(error.message, { cause: error });
  }
}

/** Closes the transports that hold connections (the SMTP pool). */
export async function closeTransports(transports: QuickstartTransports): Promise<void> {
  // The outbox or console transport may carry both channels; a Set closes it once.
  const distinct = new Set<EmailTransport | SmsTransport>([transports.email]);
  if (transports.sms !== undefined) distinct.add(transports.sms);
  for (const transport of distinct) await transport.close?.();
}

type LocalTransportName = 'outbox' | 'console';

function createLocal(
  name: LocalTransportName,
  flags: QuickstartFlags,
  environment: TransportEnvironment,
): EmailTransport & SmsTransport {
  if (name === 'outbox') return createOutboxTransport({ dir: path.resolve(flags.out) });

  return createConsoleTransport({ write: (line) => environment.console.write(`${line}\n`) });
}

// The outbox or console transport carries both channels as one instance, created on first use.
function memoize<Key, Value>(create: (key: Key) => Value): (key: Key) => Value {
  const values = new Map<Key, Value>();

  return (key) => {
    if (!values.has(key)) values.set(key, create(key));

    return values.get(key) as Value;
  };
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
