import { createHash } from 'node:crypto';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { smsSegments } from '../merge/sms-segments.js';
import type {
  EmailMessage,
  EmailTransport,
  SmsMessage,
  SmsTransport,
} from '../ports/transports.js';
import { formatEmail } from './mime.js';

/** Options of {@link createOutboxTransport}. */
export interface OutboxTransportOptions {
  /** Folder the messages are written to; created when missing. */
  dir: string;
  /** The From header of every email. @default 'automations@example.invalid' */
  from?: string | undefined;
  /** Clock for the Date header. @default () => new Date() */
  now?: (() => Date) | undefined;
}

/** Name the outbox transport reports in logs and run reports. */
export const OUTBOX_TRANSPORT_NAME = 'outbox';

/** File in the outbox folder that receives one JSON line per SMS. */
export const OUTBOX_SMS_FILE = 'sms.jsonl';

/** One line of the outbox's `sms.jsonl`. */
export interface OutboxSmsRecord {
  to: string;
  body: string;
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
  automationId: string;
  learnerId: string;
  idempotencyKey: string;
}

const DEFAULT_FROM = 'automations@example.invalid';
const MAX_FILE_STEM_LENGTH = 120;

// Windows reserves these device names in any case, whatever extension follows them.
const WINDOWS_RESERVED_NAME = /^(con|prn|aux|nul|com\d|lpt\d)(?=\.|$)/i;

/**
 * Creates a development transport that writes messages to a folder instead of sending them.
 *
 * Each email becomes an RFC 5322 `.eml` file that mail clients open, named after its idempotency
 * key, so sending the same message again overwrites the file instead of adding one. Each SMS is
 * appended to `sms.jsonl` as an {@link OutboxSmsRecord}. The message id returned is the email's
 * Message-ID, or for an SMS a hash of its idempotency key.
 */
export function createOutboxTransport(
  options: OutboxTransportOptions,
): EmailTransport & SmsTransport {
  const from = options.from ?? DEFAULT_FROM;
  const now = options.now ?? (() => new Date());
  let folderReady: Promise<unknown> | undefined;
  const ensureFolder = () => {
    folderReady ??= mkdir(options.dir, { recursive: true });

    return folderReady;
  };

  return {
    name: OUTBOX_TRANSPORT_NAME,
    async sendEmail({ message }) {
      await ensureFolder();

      return { messageId: await writeEmail(options.dir, message, from, now()) };
    },
    async sendSms({ message }) {
      await ensureFolder();
      const record = toSmsRecord(message);
      await appendFile(path.join(options.dir, OUTBOX_SMS_FILE), `${JSON.stringify(record)}\n`);

      return {
        messageId: hashKey(message.idempotencyKey),
        encoding: record.encoding,
        segments: record.segments,
      };
    },
  };
}

/**
 * Returns the `.eml` file name for an idempotency key. Characters other than letters, digits,
 * `.`, `_` and `-` become `_`. When any was replaced, the name was shortened, the key has an
 * upper-case letter or its name is reserved on Windows (`CON`, `nul.txt`, which get a leading
 * `_`), 12 hex digits of the key's SHA-256 hash are added. So keys that differ only in replaced characters or in case get
 * different files, also on case-insensitive file systems.
 */
export function outboxFileName(idempotencyKey: string): string {
  const safe = idempotencyKey
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/^\.+/, '_')
    .replace(WINDOWS_RESERVED_NAME, '_$1');
  const stem = safe.slice(0, MAX_FILE_STEM_LENGTH);
  if (isPlainFileStem(stem) && stem === idempotencyKey) return `${stem}.eml`;

  return `${stem}-${hashKey(idempotencyKey).slice(0, 12)}.eml`;
}

function isPlainFileStem(stem: string): boolean {
  return stem.length > 0 && stem === stem.toLowerCase();
}

async function writeEmail(dir: string, message: EmailMessage, from: string, date: Date) {
  const messageId = `<${hashKey(message.idempotencyKey)}@outbox.invalid>`;
  const content = formatEmail({ ...message, from, date, messageId });
  await writeFile(path.join(dir, outboxFileName(message.idempotencyKey)), content, 'utf8');

  return messageId;
}

function toSmsRecord(message: SmsMessage): OutboxSmsRecord {
  const { encoding, segments } = smsSegments(message.body);

  return {
    to: message.to,
    body: message.body,
    encoding,
    segments,
    automationId: message.automationId,
    learnerId: message.learnerId,
    idempotencyKey: message.idempotencyKey,
  };
}

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}
