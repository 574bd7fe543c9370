import { DeliveryError } from '@pics/automations-core';
import addressparser from 'nodemailer/lib/addressparser';
import type { SmtpMailbox } from './options.js';

/** CR, LF, NEL, and the Unicode line and paragraph separators: anything a reader may break on. */
const LINE_BREAKS = /[\r\n\u0085\u2028\u2029]+/g;

/** An addr-spec without whitespace, controls, or the characters that delimit address lists. */
const ADDRESS =
  /^[^\s\p{Cc}@<>(),;:"\\[\]]+@[^\s\p{Cc}@<>(),;:"\\[\]]+\.[^\s\p{Cc}@<>(),;:"\\[\]]+$/u;

/**
 * Replaces each run of line breaks with one space, so a value can never start a new header line.
 */
export function toOneLine(value: string): string {
  return value.replace(LINE_BREAKS, ' ');
}

/**
 * Parses the recipient of one message: a bare address or `Display Name <address>`. Throws a
 * permanent `DeliveryError` unless the value is exactly one mailbox, so a hostile display name
 * can never add a recipient or a header.
 */
export function parseRecipient(to: string): SmtpMailbox {
  const entries = addressparser(to);
  const [entry] = entries;
  if (entries.length !== 1 || entry === undefined || entry.group !== undefined) {
    throw invalidRecipient('it is not exactly one mailbox');
  }

  if (!ADDRESS.test(entry.address)) {
    throw invalidRecipient('its address is not a valid addr-spec such as name@example.com');
  }
  const name = toOneLine(entry.name).trim();

  return name === '' ? { address: entry.address } : { name, address: entry.address };
}

/** Returns the domain of a sender given as a string or mailbox, or `undefined` when it has none. */
export function domainOf(sender: string | SmtpMailbox): string | undefined {
  const address =
    typeof sender === 'string'
      ? addressparser(sender, { flatten: true })[0]?.address
      : sender.address;
  const at = address?.lastIndexOf('@') ?? -1;

  return at > 0 ? address?.slice(at + 1) : undefined;
}

/** Masks an address for logs: `jane.doe@example.com` becomes `j***@example.com`. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) {
    return '***';
  }

  return `${address.slice(0, 1)}***${address.slice(at)}`;
}

/** Masks every address inside a server reply, which often echoes the recipient. */
export function maskAddressesIn(text: string): string {
  return text.replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, maskAddress);
}

function invalidRecipient(reason: string): DeliveryError {
  return new DeliveryError(
    `[automations] [smtp] Invalid recipient: ${reason}. Pass one address, optionally as "Name <address>".`,
    { transient: false, providerCode: 'INVALID_RECIPIENT' },
  );
}
