import { randomUUID } from 'node:crypto';
import { maskAddress } from '../address/mask.js';
import { smsSegments } from '../merge/sms-segments.js';
import type {
  EmailMessage,
  EmailTransport,
  SendResult,
  SmsMessage,
  SmsTransport,
} from '../ports/transports.js';

/** Options of {@link createConsoleTransport}. */
export interface ConsoleTransportOptions {
  /** Receives each line, without a line break. @default writes the line to standard output */
  write?: ((line: string) => void) | undefined;
}

/** Name the console transport reports in logs and run reports. */
export const CONSOLE_TRANSPORT_NAME = 'console';

/**
 * Creates a development transport that sends nothing and prints one line per message instead.
 *
 * A line names the channel, the automation, the learner and the masked address, and gives the
 * size of the message: never the full address, the subject or the body, so the output is safe to
 * keep in logs. Control characters and line separators in the ids are printed as `\u` escapes,
 * so every message stays on one line. Every message is accepted with a random message id.
 */
export function createConsoleTransport(
  options: ConsoleTransportOptions = {},
): EmailTransport & SmsTransport {
  const output = options.write ?? writeToStandardOutput;
  const write = (line: string) => output(escapeControlCharacters(line));

  return {
    name: CONSOLE_TRANSPORT_NAME,
    async sendEmail({ message }) {
      write(describeEmail(message));

      return { messageId: randomUUID() };
    },
    async sendSms({ message }) {
      const size = smsSegments(message.body);
      write(describeSms(message, size.encoding, size.segments));

      return { messageId: randomUUID(), encoding: size.encoding, segments: size.segments };
    },
  };
}

function describeEmail(message: EmailMessage): string {
  const sizes = `subject ${message.subject.length} chars, html ${message.html.length} chars`;

  return `email ${describeContext(message)} to ${maskAddress(message.to)}: ${sizes}`;
}

function describeSms(
  message: SmsMessage,
  encoding: NonNullable<SendResult['encoding']>,
  segments: number,
): string {
  const size = `${message.body.length} chars, ${encoding}, ${segments} segment(s)`;

  return `sms ${describeContext(message)} to ${maskAddress(message.to)}: ${size}`;
}

function describeContext(message: EmailMessage | SmsMessage): string {
  return `automation ${message.automationId} learner ${message.learnerId}`;
}

// Ids come from host data, so a line break in one could forge further output lines.
function escapeControlCharacters(line: string): string {
  return line.replace(
    /[\p{Cc}\u2028\u2029]/gu,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function writeToStandardOutput(line: string): void {
  process.stdout.write(`${line}\n`);
}
