import { createHash } from 'node:crypto';

const CRLF = '\r\n';

// RFC 2047 limits an encoded word to 75 characters, and RFC 5322 recommends lines of at most 78.
// With 42 bytes of UTF-8 (56 characters of base64) plus `=?UTF-8?B?` and `?=`, a word is 68
// characters long, so even the first line with `Subject: ` in front of it fits.
const ENCODED_WORD_BYTES = 42;

// RFC 2045 limits a quoted-printable line to 76 characters, the `=` of a soft line break included.
const QUOTED_PRINTABLE_LINE = 76;

/** The parts of an email that {@link formatEmail} writes. */
export interface MimeEmail {
  from: string;
  to: string;
  subject: string;
  date: Date;
  messageId: string;
  text: string;
  html: string;
}

/**
 * Formats an RFC 5322 message with CRLF line endings: a multipart/alternative body with a
 * text/plain and a text/html part, both UTF-8 and quoted-printable, and an RFC 2047 encoded
 * subject when it is not plain printable ASCII.
 */
export function formatEmail(email: MimeEmail): string {
  // `=_` never occurs in quoted-printable output, so the boundary cannot appear inside a part.
  const boundary = `=_alt_${createHash('sha256').update(email.messageId).digest('hex').slice(0, 16)}`;
  const headers = [
    `From: ${email.from}`,
    `To: ${email.to}`,
    `Subject: ${encodeHeaderText(email.subject)}`,
    `Date: ${formatRfc5322Date(email.date)}`,
    `Message-ID: ${email.messageId}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ];
  const parts = [textPart('text/plain', email.text), textPart('text/html', email.html)];
  const body = parts.map((part) => `--${boundary}${CRLF}${part}`).join(CRLF);

  return `${headers.join(CRLF)}${CRLF}${CRLF}${body}${CRLF}--${boundary}--${CRLF}`;
}

/**
 * Returns header text as it is when it is short printable ASCII, or else as RFC 2047 base64
 * encoded words, folded one per line. Text that could be read as an encoded word (`=?`) is
 * encoded too.
 */
export function encodeHeaderText(text: string): string {
  const isPlain = /^[\x20-\x7e]*$/.test(text) && !text.includes('=?') && text.length <= 66;
  if (isPlain) return text;

  return splitUtf8(text, ENCODED_WORD_BYTES)
    .map((chunk) => `=?UTF-8?B?${Buffer.from(chunk, 'utf8').toString('base64')}?=`)
    .join(`${CRLF} `);
}

/**
 * Encodes text as quoted-printable (RFC 2045 section 6.7) over its UTF-8 bytes, with CRLF line
 * breaks and soft line breaks that keep every line within 76 characters.
 */
export function encodeQuotedPrintable(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => foldQuotedPrintable(encodeQuotedPrintableLine(line)))
    .join(CRLF);
}

/** Formats an instant as an RFC 5322 date in UTC, such as `Mon, 07 Dec 2026 05:00:00 +0000`. */
export function formatRfc5322Date(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

function textPart(contentType: string, content: string): string {
  const headers = [
    `Content-Type: ${contentType}; charset=UTF-8`,
    'Content-Transfer-Encoding: quoted-printable',
  ];

  return `${headers.join(CRLF)}${CRLF}${CRLF}${encodeQuotedPrintable(content)}${CRLF}`;
}

// Encodes one line, keeping printable ASCII other than `=` as it is. Space and tab are encoded
// only at the end of the line, where transports may strip them.
function encodeQuotedPrintableLine(line: string): string[] {
  const bytes = Buffer.from(line, 'utf8');
  const tokens: string[] = [];
  bytes.forEach((byte, index) => {
    const isLast = index === bytes.length - 1;
    const isPrintable = byte >= 0x21 && byte <= 0x7e && byte !== 0x3d;
    const isInnerSpace = (byte === 0x20 || byte === 0x09) && !isLast;
    tokens.push(isPrintable || isInnerSpace ? String.fromCharCode(byte) : hexEscape(byte));
  });

  return tokens;
}

// Joins encoded tokens into lines of at most 76 characters. A token (one byte, escaped or not) is
// never split, so an escape such as `=C3` stays on one line.
function foldQuotedPrintable(tokens: string[]): string {
  const lines: string[] = [];
  let current = '';
  for (const token of tokens) {
    if (current.length + token.length > QUOTED_PRINTABLE_LINE - 1) {
      lines.push(`${current}=`);
      current = '';
    }
    current += token;
  }
  lines.push(current);

  return lines.join(CRLF);
}

function hexEscape(byte: number): string {
  return `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

// Splits text into chunks of at most `maxBytes` UTF-8 bytes without splitting a code point.
function splitUtf8(text: string, maxBytes: number): string[] {
  const chunks: string[] = [];
  let current = '';
  let currentBytes = 0;
  for (const codePoint of text) {
    const size = Buffer.byteLength(codePoint, 'utf8');
    if (currentBytes + size > maxBytes) {
      chunks.push(current);
      current = '';
      currentBytes = 0;
    }
    current += codePoint;
    currentBytes += size;
  }
  chunks.push(current);

  return chunks;
}
